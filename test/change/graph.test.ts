import { getSimplePaths } from '@xstate/graph';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createChangeWorkflow, type ChangeCommandInput, type ChangeMachineEvent } from 'itsm-kit/change';
import type { Actor, Change } from 'itsm-kit/models';
import { deepFreeze, roundTrip } from '../_workflows/freeze';

const at = '2026-12-01T00:00:00.000Z';
const requester: Actor = { id: 'u-dev', roles: ['approver', 'agent'], groups: ['cab'] };
const implementer: Actor = { id: 'u-ops', roles: ['approver', 'resolver'], groups: ['cab', 'ops'] };
const cab1: Actor = { id: 'u-cab1', roles: ['approver'], groups: ['cab'] };
const cab2: Actor = { id: 'u-cab2', roles: ['approver'], groups: ['cab'] };
const outsider: Actor = { id: 'u-x', roles: ['approver'], groups: ['other'] };
const cm: Actor = { id: 'u-cm', roles: ['change_manager'], groups: [] };
const QUORUM = 2;

const events: ChangeMachineEvent[] = [
  { type: 'submit', actor: requester, at },
  { type: 'request_approval', actor: cm, at },
  ...[requester, implementer, cab1, cab2, outsider].map((actor): ChangeMachineEvent => ({ type: 'approve', actor, at })),
  { type: 'reject', reason: 'no', actor: cab1, at },
  { type: 'hold', reason: 'wait', actor: cm, at },
  { type: 'resume', actor: cm, at },
  { type: 'implement', actor: implementer, at },
  { type: 'complete', closeCode: 'successful', actor: implementer, at },
  { type: 'complete', closeCode: 'unsuccessful', actor: implementer, at },
  { type: 'close', actor: cm, at },
  { type: 'cancel', reason: 'no', actor: cm, at },
];

function initial(type: Change['type']): Change {
  return {
    id: 'chg-1', number: 'CHG1', type, state: 'new', risk: 'moderate', shortDescription: 'x', requestedBy: 'u-dev', assignedTo: 'u-ops', ciIds: [],
    approvals: [], onHold: false, problemIds: [], incidentIds: [], causedIncidentIds: [], openedAt: at, updatedAt: at,
  };
}

// Independent statement of the approval rule: distinct cab members other than requester and implementer.
const approvedBy = (c: Change) => new Set(c.approvals.filter((a) => a.decision === 'approved' && a.group === 'cab').map((a) => a.approver));

describe('change machine paths (@xstate/graph)', () => {
  const changes = createChangeWorkflow({ approvals: { normal: { policy: 'quorum', group: 'cab', count: QUORUM }, emergency: { policy: 'any', group: 'cab' } } });
  for (const type of ['normal', 'standard', 'emergency'] as const) {
    it(`${type}: no path implements without its approvals, nobody approves their own change, closed needs a close code`, () => {
      const paths = getSimplePaths(changes.machine, {
        input: { record: initial(type) },
        events,
        serializeState: (s) => JSON.stringify([s.value, s.context.record.onHold, [...approvedBy(s.context.record)].sort(), s.context.record.closeCode ?? null]),
      });
      const reached = new Set(paths.map((p) => p.state.value));
      expect(reached.has('closed')).toBe(true);
      expect(reached.has('assess')).toBe(type === 'normal');
      expect(reached.has('authorize')).toBe(type !== 'standard');
      for (const path of paths) {
        for (const { state } of path.steps) {
          const record = state.context.record;
          expect(record.state).toBe(state.value);
          for (const a of record.approvals) expect([record.requestedBy, record.assignedTo]).not.toContain(a.approver);
          if (['scheduled', 'implement', 'review', 'closed'].includes(String(state.value))) {
            expect(approvedBy(record).size).toBeGreaterThanOrEqual(type === 'normal' ? QUORUM : type === 'emergency' ? 1 : 0);
          }
          if (state.value === 'review' || state.value === 'closed') expect(record.closeCode).toBeDefined();
          if (record.closeCode === 'unsuccessful') expect(record.backoutNotes).toBeDefined();
        }
      }
    });
  }

  it('round-trips every record through JSON between any two commands, never mutating its input', () => {
    fc.assert(
      fc.property(fc.constantFrom('normal', 'standard', 'emergency' as const), fc.array(fc.constantFrom(...events), { maxLength: 20 }), (type, sequence) => {
        let record = initial(type);
        sequence.forEach(({ actor, at: _t, ...command }, i) => {
          const stored = deepFreeze(roundTrip(record));
          expect(stored).toEqual(record);
          const admin = { ...actor, roles: [...actor.roles, 'admin'] };
          const out = changes.apply(stored, command as ChangeCommandInput, { actor: admin, now: Date.parse(at) + i * 1000 });
          if (out.ok) {
            expect(roundTrip(out.audit)).toEqual(out.audit);
            record = out.record;
          }
        });
      }),
      { numRuns: 200 },
    );
  });
});
