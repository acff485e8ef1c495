import { describe, expect, it } from 'vitest';
import { createProblemWorkflow, PROBLEM_COMMAND_TYPES, type ProblemCommandInput } from 'itsm-kit/problem';
import { PROBLEM_STATES, type Problem } from 'itsm-kit/models';
import { deepFreeze, ROLES, type Role } from '../_workflows/freeze';

// The problem rules, from the issue and DOMAIN.md, written out independently of the machine.
const OPEN_COMMON = ['update', 'assign', 'link_incident', 'link_change', 'comment'];
const TARGET: Record<string, Record<string, string>> = {
  new: { assess: 'assess', mark_duplicate: 'closed', cancel: 'canceled' },
  assess: { confirm: 'root_cause_analysis', mark_duplicate: 'closed', accept_risk: 'resolved', record_workaround: 'assess', communicate_workaround: 'assess', cancel: 'canceled' },
  root_cause_analysis: {
    fix: 'fix_in_progress', mark_duplicate: 'closed', accept_risk: 'resolved', record_root_cause: 'root_cause_analysis',
    record_workaround: 'root_cause_analysis', communicate_workaround: 'root_cause_analysis', cancel: 'canceled',
  },
  fix_in_progress: {
    resolve: 'resolved', reanalyze: 'root_cause_analysis', fix: 'fix_in_progress', accept_risk: 'resolved', record_root_cause: 'fix_in_progress',
    record_workaround: 'fix_in_progress', communicate_workaround: 'fix_in_progress', cancel: 'canceled',
  },
  resolved: { close: 'closed', reanalyze: 'root_cause_analysis', communicate_workaround: 'resolved', link_incident: 'resolved', comment: 'resolved' },
  closed: {},
  canceled: {},
};
for (const state of ['new', 'assess', 'root_cause_analysis', 'fix_in_progress']) for (const c of OPEN_COMMON) TARGET[state]![c] = state;

const MANAGER_COMMANDS = PROBLEM_COMMAND_TYPES.filter((c) => c !== 'resolve');
function permitted(role: Role, command: string): boolean {
  if (role === 'admin') return true;
  if (role === 'problem_manager') return true; // member of the assignment group below, so resolve too
  if (role === 'resolver') return ['record_root_cause', 'record_workaround', 'fix', 'update', 'link_change', 'resolve', 'create', 'link_incident', 'comment'].includes(command);
  if (role === 'agent') return ['link_incident', 'comment'].includes(command);
  return false;
}

const T0 = '2026-11-23T08:00:00.000Z';
function recordIn(state: Problem['state']): Problem {
  const base: Problem = {
    id: 'prb-1', number: 'PRB1', shortDescription: 'Queue stalls', state, ciIds: [], knownError: true, incidentIds: ['inc-1'], fixChangeIds: [],
    rootCause: 'socket leak', workaround: 'restart', assignmentGroup: 'dba', openedBy: 'u-pm', openedAt: T0, updatedAt: T0,
  };
  return state === 'resolved' || state === 'closed' ? { ...base, resolutionCode: 'fix_applied', resolutionNotes: 'patched', resolvedAt: T0 } : base;
}
const SAMPLE: Record<(typeof PROBLEM_COMMAND_TYPES)[number], ProblemCommandInput> = {
  assess: { type: 'assess' },
  confirm: { type: 'confirm' },
  mark_duplicate: { type: 'mark_duplicate', duplicateOf: 'prb-0' },
  accept_risk: { type: 'accept_risk', reason: 'too costly' },
  record_root_cause: { type: 'record_root_cause', rootCause: 'leak' },
  record_workaround: { type: 'record_workaround', workaround: 'restart hourly' },
  communicate_workaround: { type: 'communicate_workaround' },
  fix: { type: 'fix', changeId: 'chg-1' },
  reanalyze: { type: 'reanalyze', reason: 'came back' },
  resolve: { type: 'resolve', code: 'fix_applied', notes: 'patched' },
  close: { type: 'close' },
  cancel: { type: 'cancel', reason: 'not a problem' },
  update: { type: 'update', impact: 1, urgency: 1 },
  assign: { type: 'assign', assignedTo: 'u-res' },
  link_incident: { type: 'link_incident', incidentId: 'inc-2' },
  link_change: { type: 'link_change', changeId: 'chg-2' },
  comment: { type: 'comment', text: 'note' },
};
const actorFor = (role: Role) => ({ id: `u-${role}`, roles: [role], groups: ['dba'] });

describe('problem: every state x command x role', () => {
  const problems = createProblemWorkflow();
  const cases = PROBLEM_STATES.flatMap((state) => PROBLEM_COMMAND_TYPES.flatMap((command) => ROLES.map((role) => ({ state, command, role }))));
  it(`checks ${cases.length} cases against the rules`, () => {
    expect(MANAGER_COMMANDS.length).toBe(PROBLEM_COMMAND_TYPES.length - 1);
    for (const { state, command, role } of cases) {
      const record = deepFreeze(recordIn(state));
      const out = problems.apply(record, SAMPLE[command], { actor: actorFor(role), now: '2026-11-23T09:00:00Z' });
      const label = `${state} ${command} ${role}`;
      const target = TARGET[state]![command];
      if (!permitted(role, command)) expect(out.ok ? 'ok' : out.error.code, label).toBe('forbidden');
      else if (target === undefined) expect(out.ok ? 'ok' : out.error.code, label).toBe('invalid-transition');
      else {
        expect(out.ok ? out.record.state : out.error.code, label).toBe(target);
        if (out.ok && (target === 'resolved' || target === 'closed')) expect(out.record.resolutionCode, label).toBeDefined();
      }
      expect(problems.allowed(record, actorFor(role), 0).includes(command), label).toBe(permitted(role, command) && target !== undefined);
    }
  });
});
