import { describe, expect, it } from 'vitest';
import { createChangeWorkflow, DEFAULT_RISK_MATRIX, type ChangeCommandInput, type Outcome } from 'itsm-kit/change';
import type { Actor, Change } from 'itsm-kit/models';
import { deepFreeze } from '../_workflows/freeze';

const dev: Actor = { id: 'u-dev', roles: ['agent'], groups: ['ops'] };
const ops: Actor = { id: 'u-ops', roles: ['resolver'], groups: ['ops'] };
const cm: Actor = { id: 'u-cm', roles: ['change_manager'], groups: [] };
const cab = (n: number): Actor => ({ id: `u-cab${n}`, roles: ['approver'], groups: ['cab', 'ecab'] });

function ok<R, F>(out: Outcome<R, F>) {
  if (!out.ok) throw new Error(`${out.error.code}: ${out.error.message}`);
  return out;
}
const codeOf = (out: Outcome<unknown, unknown>) => (out.ok ? 'ok' : out.error.code);

function lifecycle(type: Change['type'], options: Parameters<typeof createChangeWorkflow>[0] = {}) {
  const changes = createChangeWorkflow(options);
  let record = ok(
    changes.create(
      { id: `chg-${type}`, number: 'CHG1', type, shortDescription: 'Patch db-1', requestedBy: 'u-dev', assignmentGroup: 'ops', assignedTo: 'u-ops', impact: 2, probability: 'medium', ciIds: ['db-1'] },
      { actor: dev, now: '2026-11-23T08:00:00Z' },
    ),
  ).record;
  let minute = 0;
  const send = (command: ChangeCommandInput, actor: Actor) => {
    minute += 1;
    const out = changes.apply(deepFreeze(record), command, { actor, now: Date.parse('2026-11-23T08:00:00Z') + minute * 60_000 });
    if (out.ok) record = out.record;
    return out;
  };
  return { changes, send, get record() { return record; } };
}

describe('change types end to end', () => {
  it('normal: new, assess, authorize, scheduled by itself once the quorum approves, implement, review, closed', () => {
    const c = lifecycle('normal', { approvals: { normal: { policy: 'quorum', group: 'cab', count: 2 }, emergency: { policy: 'any', group: 'ecab' } } });
    expect(c.record.risk).toBe(DEFAULT_RISK_MATRIX[2].medium);
    ok(c.send({ type: 'submit' }, dev));
    expect(c.record.state).toBe('assess');
    ok(c.send({ type: 'request_approval' }, cm));
    expect(c.record.state).toBe('authorize');
    // Separation of duties: requester and implementer never approve, even when eligible.
    const selfApproval = c.send({ type: 'approve' }, { ...dev, roles: ['approver'], groups: ['cab'] });
    expect(codeOf(selfApproval)).toBe('forbidden');
    expect(codeOf(c.send({ type: 'approve' }, { ...ops, roles: ['approver'], groups: ['cab'] }))).toBe('forbidden');
    expect(codeOf(c.send({ type: 'implement' }, ops))).toBe('invalid-transition');
    ok(c.send({ type: 'approve', comment: 'ok' }, cab(1)));
    expect(c.record.state).toBe('authorize');
    expect(codeOf(c.send({ type: 'approve' }, cab(1)))).toBe('guard-failed');
    // On hold suspends approvals; resuming with the quorum met moves on by itself.
    ok(c.send({ type: 'hold', reason: 'waiting for vendor' }, dev));
    expect(codeOf(c.send({ type: 'approve' }, cab(2)))).toBe('guard-failed');
    expect(codeOf(c.send({ type: 'update', testPlan: 'x' }, dev))).toBe('guard-failed');
    ok(c.send({ type: 'resume' }, dev));
    const second = ok(c.send({ type: 'approve' }, cab(2)));
    expect(second.record.state).toBe('scheduled');
    expect(second.audit[0]).toMatchObject({ from: 'authorize', to: 'scheduled', actor: 'u-cab2' });
    expect(codeOf(c.send({ type: 'assign', assignedTo: 'u-cab1' }, cm))).toBe('forbidden');
    ok(c.send({ type: 'implement' }, ops));
    expect(c.record.actualStart).toBeDefined();
    expect(codeOf(c.send({ type: 'complete', closeCode: 'unsuccessful' }, ops))).toBe('guard-failed');
    expect(codeOf(c.send({ type: 'complete' } as never, ops))).toBe('invalid-input');
    ok(c.send({ type: 'complete', closeCode: 'unsuccessful', backoutNotes: 'Rolled back to 14.2' }, ops));
    expect(c.record).toMatchObject({ state: 'review', closeCode: 'unsuccessful', backoutNotes: 'Rolled back to 14.2' });
    expect(codeOf(c.send({ type: 'cancel', reason: 'too late' }, cm))).toBe('invalid-transition');
    ok(c.send({ type: 'close' }, cm));
    expect(c.record.state).toBe('closed');
  });

  it('a rejection returns a normal change to new', () => {
    const c = lifecycle('normal');
    ok(c.send({ type: 'submit' }, dev));
    ok(c.send({ type: 'request_approval' }, cm));
    ok(c.send({ type: 'reject', reason: 'No backout plan' }, cab(1)));
    expect(c.record).toMatchObject({ state: 'new', approvals: [] });
  });

  it('standard: pre-approved, skips assess and authorize', () => {
    const c = lifecycle('standard');
    ok(c.send({ type: 'submit' }, dev));
    expect(c.record.state).toBe('scheduled');
    ok(c.send({ type: 'implement' }, ops));
    ok(c.send({ type: 'complete', closeCode: 'successful' }, ops));
    ok(c.send({ type: 'close' }, dev));
    expect(c.record).toMatchObject({ state: 'closed', closeCode: 'successful', approvals: [] });
  });

  it('emergency: skips assess, authorized by the emergency board', () => {
    const c = lifecycle('emergency', { approvals: { normal: { policy: 'any', group: 'cab' }, emergency: { policy: 'all', approvers: ['u-cab1', 'u-cab3'] } } });
    ok(c.send({ type: 'submit' }, dev));
    expect(c.record.state).toBe('authorize');
    expect(codeOf(c.send({ type: 'approve' }, cab(2)))).toBe('forbidden');
    ok(c.send({ type: 'approve' }, cab(1)));
    expect(c.record.state).toBe('authorize');
    ok(c.send({ type: 'approve' }, cab(3)));
    expect(c.record.state).toBe('scheduled');
    ok(c.send({ type: 'implement' }, ops));
    ok(c.send({ type: 'complete', closeCode: 'successful_with_issues', closeNotes: 'slow restart' }, ops));
    ok(c.send({ type: 'close' }, cm));
    expect(c.record.state).toBe('closed');
  });

  it('cancels from any state before review and recomputes risk from the table', () => {
    const c = lifecycle('normal', { riskMatrix: { ...DEFAULT_RISK_MATRIX, 1: { low: 'high', medium: 'high', high: 'high' } } });
    ok(c.send({ type: 'update', impact: 1, probability: 'low' }, dev));
    expect(c.record.risk).toBe('high');
    ok(c.send({ type: 'submit' }, dev));
    expect(codeOf(c.send({ type: 'update', plannedStart: '2026-11-24T10:00:00Z', plannedEnd: '2026-11-24T09:00:00Z' }, dev))).toBe('guard-failed');
    ok(c.send({ type: 'hold', reason: 'freeze' }, dev));
    ok(c.send({ type: 'cancel', reason: 'freeze' }, dev));
    expect(c.record).toMatchObject({ state: 'canceled', cancelReason: 'freeze' });
  });
});
