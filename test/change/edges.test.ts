/**
 * Change rules that only some options reach (no separation of duties, no required backout notes), the
 * time-driven API (changes have no timers), and scheduling input errors.
 */
import { describe, expect, it } from 'vitest';
import { createChangeWorkflow, detectConflicts, type Outcome } from 'itsm-kit/change';
import { isItsmValidationError, type Actor, type Change } from 'itsm-kit/models';
import { aChange } from 'itsm-kit/testing';

const dev: Actor = { id: 'u-dev', roles: ['agent', 'approver'], groups: ['ops', 'cab'] };
const ops: Actor = { id: 'u-ops', roles: ['resolver'], groups: ['ops'] };
const cm: Actor = { id: 'u-cm', roles: ['change_manager'], groups: [] };
const at = (m: number) => ({ now: Date.parse('2026-11-23T08:00:00Z') + m * 60_000 });

function ok<R, F>(out: Outcome<R, F>): R {
  if (!out.ok) throw new Error(`${out.error.code}: ${out.error.message}`);
  return out.record;
}
const codeOf = (out: Outcome<unknown, unknown>) => (out.ok ? 'ok' : out.error.code);

function authorizing(options: Parameters<typeof createChangeWorkflow>[0]) {
  const changes = createChangeWorkflow(options);
  let record = ok(changes.create({ id: 'chg-1', number: 'CHG1', type: 'normal', shortDescription: 'Patch', requestedBy: 'u-dev', assignmentGroup: 'ops', assignedTo: 'u-ops', ciIds: ['db-1'] }, { actor: dev, ...at(0) }));
  record = ok(changes.apply(record, { type: 'submit' }, { actor: dev, ...at(1) }));
  record = ok(changes.apply(record, { type: 'request_approval' }, { actor: cm, ...at(2) }));
  return { changes, record };
}

describe('change rules under non-default options', () => {
  it('without separation of duties, the requester approves their own change and the approver may implement', () => {
    const strict = authorizing({});
    expect(codeOf(strict.changes.apply(strict.record, { type: 'approve' }, { actor: dev, ...at(3) }))).toBe('forbidden');
    const lax = authorizing({ separationOfDuties: false });
    const approved = ok(lax.changes.apply(lax.record, { type: 'approve', comment: 'mine, fine' }, { actor: dev, ...at(3) }));
    expect(approved.state).toBe('scheduled');
    expect(approved.approvals).toEqual([expect.objectContaining({ approver: 'u-dev', decision: 'approved', comment: 'mine, fine', group: 'cab' })]);
    expect(ok(lax.changes.apply(approved, { type: 'assign', assignedTo: 'u-dev' }, { actor: cm, ...at(4) })).assignedTo).toBe('u-dev');
  });

  it('an unsuccessful close needs backout notes unless configured otherwise', () => {
    const implementing = (options: Parameters<typeof createChangeWorkflow>[0]) => {
      const { changes, record } = authorizing({ ...options, separationOfDuties: false });
      const scheduled = ok(changes.apply(record, { type: 'approve' }, { actor: dev, ...at(3) }));
      return { changes, record: ok(changes.apply(scheduled, { type: 'implement' }, { actor: ops, ...at(4) })) };
    };
    const strict = implementing({});
    expect(codeOf(strict.changes.apply(strict.record, { type: 'complete', closeCode: 'unsuccessful' }, { actor: ops, ...at(5) }))).toBe('guard-failed');
    const lax = implementing({ requireBackoutNotes: false });
    expect(ok(lax.changes.apply(lax.record, { type: 'complete', closeCode: 'unsuccessful' }, { actor: ops, ...at(5) })).closeCode).toBe('unsuccessful');
  });

  it('resume needs a change on hold; an update keeps its planned window consistent', () => {
    const { changes, record } = authorizing({});
    expect(codeOf(changes.apply(record, { type: 'resume' }, { actor: dev, ...at(3) }))).toBe('guard-failed');
    const planned = ok(changes.apply(record, { type: 'update', plannedStart: '2026-11-30T22:00:00Z', plannedEnd: '2026-11-30T23:00:00Z' }, { actor: dev, ...at(3) }));
    expect(codeOf(changes.apply(planned, { type: 'update', plannedEnd: '2026-11-30T21:00:00Z' }, { actor: dev, ...at(4) }))).toBe('guard-failed');
    expect(ok(changes.apply(planned, { type: 'update', testPlan: 'smoke' }, { actor: dev, ...at(4) })).testPlan).toBe('smoke');
  });

  it('keeps the risk as recorded while impact or probability is unknown', () => {
    const changes = createChangeWorkflow();
    const created = ok(changes.create({ id: 'c', number: 'C', type: 'normal', shortDescription: 'x', requestedBy: 'u-dev', impact: 1, risk: 'high' }, { actor: dev, ...at(0) }));
    expect(created.risk).toBe('high');
    const updated = ok(changes.apply(created, { type: 'update', testPlan: 'smoke' }, { actor: dev, ...at(1) }));
    expect(updated.risk).toBe('high');
    // Given neither, it is moderate.
    expect(ok(changes.create({ id: 'd', number: 'D', type: 'normal', shortDescription: 'x', requestedBy: 'u-dev' }, { actor: dev, ...at(0) })).risk).toBe('moderate');
    const withBoth = ok(changes.apply(created, { type: 'update', probability: 'high' }, { actor: dev, ...at(1) }));
    expect(withBoth.risk).toBe(changes.options.riskMatrix[1].high);
  });
});

describe('time-driven API of changes', () => {
  it('has nothing to do on a tick and no next tick', () => {
    const changes = createChangeWorkflow();
    const change: Change = aChange({ state: 'scheduled' });
    const out = changes.tick(change, '2030-01-01T00:00:00Z');
    expect(out).toEqual({ ok: true, record: change, audit: [], followUps: [] });
    expect(changes.nextTickAt(change)).toBeNull();
  });
});

describe('scheduling input errors', () => {
  const thrown = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return isItsmValidationError(e) ? e.issues.map((i) => i.path) : e;
    }
    return 'no error';
  };

  it('names a missing planned end, a schedule that is not an object and a window of both kinds', () => {
    const change = aChange({ plannedStart: '2026-11-30T22:00:00Z', plannedEnd: undefined as never });
    expect(thrown(() => detectConflicts(change, { changes: [] }))).toEqual(['plannedEnd']);
    expect(thrown(() => detectConflicts(aChange(), null as never))).toEqual(['']);
    const both = { id: 'w', ciIds: ['db-1'], start: '2026-11-30T22:00:00Z', end: '2026-11-30T23:00:00Z', calendar: { timeZone: 'UTC', week: {} } };
    expect(thrown(() => detectConflicts(aChange(), { changes: [], maintenanceWindows: [both] }))).toEqual(['maintenanceWindows.0.calendar']);
  });
});
