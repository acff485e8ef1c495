import { describe, expect, it } from 'vitest';
import { createIncidentWorkflow, INCIDENT_COMMAND_TYPES, type IncidentCommandInput } from 'itsm-kit/incident';
import { INCIDENT_STATES, type Incident } from 'itsm-kit/models';
import { deepFreeze, ROLES, type Role } from '../_workflows/freeze';

// The rules, written out independently of the implementation from the issue and DOMAIN.md.
const BEFORE_RESOLUTION = ['new', 'in_progress', 'on_hold'];
const TARGET: Record<string, Record<string, string | undefined>> = {
  new: { assign: 'new', start: 'in_progress', hold: 'on_hold', resolve: 'resolved', cancel: 'canceled', update: 'new', comment: 'new', link: 'new' },
  in_progress: { assign: 'in_progress', hold: 'on_hold', resolve: 'resolved', cancel: 'canceled', update: 'in_progress', comment: 'in_progress', link: 'in_progress' },
  on_hold: { assign: 'on_hold', hold: 'on_hold', resume: 'in_progress', resolve: 'resolved', cancel: 'canceled', update: 'on_hold', link: 'on_hold' },
  resolved: { reopen: 'in_progress', close: 'closed', comment: 'resolved', link: 'resolved' },
  closed: {},
  canceled: {},
};
// on_hold + comment: the caller answering an awaiting_caller incident resumes it; anyone else just comments.
function expectedTarget(state: string, command: string, role: Role): string | undefined {
  if (state === 'on_hold' && command === 'comment') return role === 'caller' ? 'in_progress' : 'on_hold';
  return TARGET[state]![command];
}
function permitted(role: Role, command: string): boolean {
  if (role === 'admin') return true;
  if (role === 'caller') return ['comment', 'reopen', 'close'].includes(command);
  if (role === 'agent' || role === 'resolver') return true; // both are members of the assignment group below
  if (role === 'problem_manager' || role === 'change_manager') return ['link', 'comment'].includes(command);
  return false;
}

const T0 = '2026-11-23T08:00:00.000Z';
function recordIn(state: (typeof INCIDENT_STATES)[number]): Incident {
  const base: Incident = {
    id: 'inc-1', number: 'INC1', shortDescription: 'Mail down', callerId: 'u-caller', assignmentGroup: 'sd', impact: 2, urgency: 2,
    priority: 3, state, majorIncident: false, reopenCount: 0, openedAt: T0, updatedAt: T0, problemIds: [], changeIds: [], alertIds: [],
  };
  if (state === 'on_hold') return { ...base, onHoldReason: 'awaiting_caller' };
  if (state === 'resolved' || state === 'closed') return { ...base, resolutionCode: 'solution_provided', resolutionNotes: 'done', resolvedAt: T0 };
  if (state === 'canceled') return { ...base, cancelReason: 'dup' };
  return base;
}
const SAMPLE: Record<(typeof INCIDENT_COMMAND_TYPES)[number], IncidentCommandInput> = {
  assign: { type: 'assign', assignedTo: 'u-res' },
  start: { type: 'start' },
  hold: { type: 'hold', reason: 'awaiting_vendor' },
  resume: { type: 'resume' },
  resolve: { type: 'resolve', code: 'solution_provided', notes: 'fixed' },
  reopen: { type: 'reopen', reason: 'still broken' },
  close: { type: 'close' },
  cancel: { type: 'cancel', reason: 'opened by mistake' },
  update: { type: 'update', urgency: 1 },
  comment: { type: 'comment', text: 'any news?' },
  link: { type: 'link', problemId: 'prb-1' },
};
const actorFor = (role: Role) => ({ id: role === 'caller' ? 'u-caller' : `u-${role}`, roles: [role], groups: role === 'agent' || role === 'resolver' ? ['sd'] : [] });

describe('incident: every state x command x role', () => {
  const incidents = createIncidentWorkflow();
  const cases = INCIDENT_STATES.flatMap((state) => INCIDENT_COMMAND_TYPES.flatMap((command) => ROLES.map((role) => ({ state, command, role }))));
  it(`checks ${cases.length} cases against the rules`, () => {
    for (const { state, command, role } of cases) {
      const record = deepFreeze(recordIn(state));
      const out = incidents.apply(record, SAMPLE[command], { actor: actorFor(role), now: '2026-11-23T09:00:00Z' });
      const label = `${state} ${command} ${role}`;
      if (!permitted(role, command)) expect(out.ok ? 'ok' : out.error.code, label).toBe('forbidden');
      else if (expectedTarget(state, command, role) === undefined) expect(out.ok ? 'ok' : out.error.code, label).toBe('invalid-transition');
      else {
        expect(out.ok, label).toBe(true);
        if (out.ok) {
          expect(out.record.state, label).toBe(expectedTarget(state, command, role));
          expect(out.audit[0]?.from, label).toBe(state);
          expect(out.audit[0]?.actor, label).toBe(actorFor(role).id);
        }
      }
      const allowed = incidents.allowed(record, actorFor(role), '2026-11-23T09:00:00Z');
      expect(allowed.includes(command), label).toBe(permitted(role, command) && expectedTarget(state, command, role) !== undefined);
    }
  });

  it('cancel is possible only before resolution, reopen only from resolved', () => {
    const admin = actorFor('admin');
    for (const state of INCIDENT_STATES) {
      const cancel = incidents.apply(recordIn(state), SAMPLE.cancel, { actor: admin, now: T0 });
      expect(cancel.ok).toBe(BEFORE_RESOLUTION.includes(state));
      const reopen = incidents.apply(recordIn(state), SAMPLE.reopen, { actor: admin, now: T0 });
      expect(reopen.ok).toBe(state === 'resolved');
    }
  });

  it('only the assignment group resolves', () => {
    const outsider = { id: 'u-x', roles: ['resolver'], groups: ['network'] };
    const out = incidents.apply(recordIn('in_progress'), SAMPLE.resolve, { actor: outsider, now: T0 });
    expect(out.ok ? 'ok' : out.error.code).toBe('forbidden');
  });
});
