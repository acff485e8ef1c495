import type { Actor } from '../models/actor';

/**
 * The sample payloads `workflowPaths` sends by default, by workflow (the machine's id) and command
 * type: one or two representative payloads per command, chosen so that every state and every rule of
 * the default options is reachable. `assign` is not listed: by default it is sent once per distinct
 * group among the actors (`{ assignmentGroup: group, assignedTo: <the first actor in it> }`).
 * Commands that only add links or edit descriptive fields (`link`, `link_incident`, `link_change`,
 * and `update` of problems and changes) have no default sample: pass `payloads` to explore them.
 *
 * @example
 * DEFAULT_PATH_PAYLOADS.incident.resolve //=> [{ code: 'solution_provided', notes: 'Fixed.' }]
 */
export const DEFAULT_PATH_PAYLOADS = {
  incident: {
    start: [{}],
    hold: [{ reason: 'awaiting_caller' }],
    resume: [{}],
    resolve: [{ code: 'solution_provided', notes: 'Fixed.' }],
    reopen: [{ reason: 'Still broken.' }],
    close: [{}],
    cancel: [{ reason: 'Raised in error.' }],
    update: [{ impact: 1, urgency: 1 }],
    comment: [{ text: 'Any news?' }],
  },
  problem: {
    assess: [{}],
    confirm: [{}],
    mark_duplicate: [{ duplicateOf: 'prb-0' }],
    accept_risk: [{ reason: 'Impact too low to fix.' }],
    record_root_cause: [{ rootCause: 'Connection pool leak.' }],
    record_workaround: [{ workaround: 'Restart the service nightly.' }],
    communicate_workaround: [{}],
    fix: [{}],
    reanalyze: [{ reason: 'The fix did not hold.' }],
    resolve: [{ code: 'fix_applied', notes: 'Patched.' }],
    close: [{}],
    cancel: [{ reason: 'Not a problem.' }],
    comment: [{ text: 'Update.' }],
  },
  change: {
    submit: [{}],
    request_approval: [{}],
    approve: [{}],
    reject: [{ reason: 'Too risky.' }],
    hold: [{ reason: 'Waiting for the vendor.' }],
    resume: [{}],
    implement: [{}],
    complete: [{ closeCode: 'successful' }, { closeCode: 'unsuccessful', backoutNotes: 'Rolled back.' }],
    close: [{}],
    cancel: [{ reason: 'No longer needed.' }],
  },
} as const satisfies Record<'incident' | 'problem' | 'change', Record<string, ReadonlyArray<Readonly<Record<string, unknown>>>>>;

/** The default `assign` samples for a set of actors (internal): one per distinct group, assigned to its first member. */
export function assignSamples(actors: readonly Actor[]): Array<{ assignmentGroup: string; assignedTo: string }> {
  const seen = new Map<string, string>();
  for (const actor of actors) for (const group of actor.groups) if (!seen.has(group)) seen.set(group, actor.id);
  return [...seen].map(([assignmentGroup, assignedTo]) => ({ assignmentGroup, assignedTo }));
}
