import { describe, expect, it } from 'vitest';
import { CHANGE_COMMAND_TYPES, createChangeWorkflow, type ChangeCommandInput } from 'itsm-kit/change';
import { CHANGE_STATES, type Change } from 'itsm-kit/models';
import { deepFreeze, ROLES } from '../_workflows/freeze';

// The change rules (normal change), written out independently of the machine. 'guard' = refused by a rule.
const BEFORE_REVIEW = { cancel: 'canceled', resume: 'guard' };
const TARGET: Record<string, Record<string, string>> = {
  new: { ...BEFORE_REVIEW, submit: 'assess', update: 'new', hold: 'new', assign: 'new' },
  assess: { ...BEFORE_REVIEW, request_approval: 'authorize', reject: 'new', update: 'assess', hold: 'assess', assign: 'assess' },
  authorize: { ...BEFORE_REVIEW, approve: 'scheduled', reject: 'new', update: 'authorize', hold: 'authorize', assign: 'authorize' },
  scheduled: { ...BEFORE_REVIEW, implement: 'implement', update: 'scheduled', hold: 'scheduled', assign: 'scheduled' },
  implement: { ...BEFORE_REVIEW, complete: 'review', hold: 'implement', assign: 'implement' },
  review: { close: 'closed' },
  closed: {},
  canceled: {},
};

const PEOPLE = [...ROLES, 'requester'] as const;
type Person = (typeof PEOPLE)[number];
const actorFor = (p: Person) =>
  p === 'requester'
    ? { id: 'u-req', roles: ['agent'], groups: [] }
    : { id: `u-${p}`, roles: [p], groups: p === 'approver' || p === 'change_manager' ? ['cab'] : p === 'agent' || p === 'resolver' ? ['ops'] : [] };
function permitted(p: Person, command: string): boolean {
  if (p === 'admin' || p === 'change_manager') return true;
  if (p === 'approver') return command === 'approve' || command === 'reject';
  if (p === 'agent' || p === 'resolver') return command === 'implement' || command === 'complete';
  if (p === 'requester') return ['submit', 'update', 'hold', 'resume', 'cancel', 'close'].includes(command);
  return false;
}
// Approving or rejecting needs membership of the approval group (cab): admin is not a member.
const eligible = (p: Person, command: string, state: string) => !(state === 'authorize' && (command === 'approve' || command === 'reject') && p === 'admin');

const T0 = '2026-11-23T08:00:00.000Z';
function recordIn(state: Change['state'], onHold: boolean): Change {
  const approved = ['scheduled', 'implement', 'review', 'closed'].includes(state);
  return {
    id: 'chg-1', number: 'CHG1', type: 'normal', state, risk: 'moderate', shortDescription: 'Patch db-1', requestedBy: 'u-req', assignmentGroup: 'ops',
    ciIds: ['db-1'], approvals: approved ? [{ approver: 'u-cab2', decision: 'approved', at: T0, group: 'cab' }] : [], onHold,
    ...(onHold ? { onHoldReason: 'vendor' } : {}), ...(state === 'review' || state === 'closed' ? { closeCode: 'successful' as const } : {}),
    problemIds: [], incidentIds: [], causedIncidentIds: [], openedAt: T0, updatedAt: T0,
  };
}
const SAMPLE: Record<(typeof CHANGE_COMMAND_TYPES)[number], ChangeCommandInput> = {
  submit: { type: 'submit' },
  request_approval: { type: 'request_approval' },
  approve: { type: 'approve', comment: 'fine' },
  reject: { type: 'reject', reason: 'no backout plan' },
  hold: { type: 'hold', reason: 'vendor' },
  resume: { type: 'resume' },
  implement: { type: 'implement' },
  complete: { type: 'complete', closeCode: 'successful' },
  close: { type: 'close' },
  cancel: { type: 'cancel', reason: 'not needed' },
  update: { type: 'update', impact: 1, probability: 'high' },
  assign: { type: 'assign', assignedTo: 'u-agent' },
};

describe('change: every state x command x role (x on hold)', () => {
  const changes = createChangeWorkflow();
  const cases = CHANGE_STATES.flatMap((state) => CHANGE_COMMAND_TYPES.flatMap((command) => PEOPLE.flatMap((person) => [false, true].map((onHold) => ({ state, command, person, onHold })))));
  it(`checks ${cases.length} cases against the rules`, () => {
    for (const { state, command, person, onHold } of cases) {
      if (onHold && ['review', 'closed', 'canceled'].includes(state)) continue; // on hold only exists before review
      const record = deepFreeze(recordIn(state, onHold));
      const out = changes.apply(record, SAMPLE[command], { actor: actorFor(person), now: '2026-11-23T09:00:00Z' });
      const label = `${state}${onHold ? ' (on hold)' : ''} ${command} ${person}`;
      let target = TARGET[state]![command];
      if (onHold && target !== undefined) target = command === 'cancel' ? 'canceled' : command === 'resume' ? state : 'guard';
      let expected: string;
      if (!permitted(person, command)) expected = 'forbidden';
      else if (target === undefined) expected = 'invalid-transition';
      else if (target === 'guard') expected = 'guard-failed';
      else if (!eligible(person, command, state)) expected = 'forbidden';
      else expected = target;
      expect(out.ok ? out.record.state : out.error.code, label).toBe(expected);
      if (out.ok && (out.record.state === 'implement' || out.record.state === 'review')) expect(out.record.approvals.length, label).toBeGreaterThan(0);
      const listed = changes.allowed(record, actorFor(person), 0).includes(command);
      expect(listed, label).toBe(!['forbidden', 'invalid-transition', 'guard-failed'].includes(expected));
    }
  });
});
