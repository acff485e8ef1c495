import type { Problem } from '../models/problem';
import { MODEL_LIMITS } from '../models/primitives';
import type { IncidentCommand } from '../incident/commands';
import type { ProblemMachineEvent } from './rules';
import type { ProblemWorkflowOptions } from './options';

/**
 * A command for a linked incident that a problem command asks the host to apply, aimed by `target`.
 * Pass it as it is to `incidents.apply(incident, followUp, ctx)`.
 *
 * @example
 * const f: ProblemFollowUp = { type: 'comment', text: 'Workaround: restart the relay', target: { kind: 'incident', id: 'inc-1' } };
 */
export type ProblemFollowUp = Extract<IncidentCommand, { type: 'resolve' | 'comment' }> & { target: { kind: 'incident'; id: string } };

const clip = (text: string) => text.slice(0, MODEL_LIMITS.longTextLength);

/** Follow-ups: resolve linked incidents on a `fix_applied` resolution; comment the workaround when communicated. */
export function problemFollowUps(before: Problem, after: Problem, event: ProblemMachineEvent, options: ProblemWorkflowOptions): ProblemFollowUp[] {
  if (event.type === 'resolve' && event.code === 'fix_applied' && after.state === 'resolved' && options.resolveLinkedIncidents) {
    return after.incidentIds.map((id) => ({
      type: 'resolve',
      code: 'resolved_by_problem',
      notes: clip(`Resolved by problem ${after.number}: ${event.notes}`),
      onlyIfOnHold: 'awaiting_problem',
      target: { kind: 'incident', id },
    }));
  }
  if (event.type === 'communicate_workaround' && after.workaround) {
    const text = clip(`Workaround from problem ${after.number}: ${after.workaround}`);
    return after.incidentIds.map((id) => ({ type: 'comment', text, target: { kind: 'incident', id } }));
  }
  return [];
}
