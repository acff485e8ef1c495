import { describe, expect, it } from 'vitest';
import { createIncidentWorkflow, slaTimeline, slaTimelineFromAudit, type AuditEntry, type IncidentCommandInput, type Outcome } from 'itsm-kit/incident';
import { isItsmValidationError, type Actor, type Incident } from 'itsm-kit/models';
import { deepFreeze } from '../_workflows/freeze';

const caller: Actor = { id: 'u-bob', roles: ['caller'], groups: [] };
const agent: Actor = { id: 'u-ana', roles: ['agent'], groups: ['service-desk'] };
const resolver: Actor = { id: 'u-rui', roles: ['resolver'], groups: ['messaging'] };

function ok<R>(out: Outcome<R, unknown>): { record: R; audit: readonly AuditEntry[] } {
  if (!out.ok) throw new Error(`${out.error.code}: ${out.error.message}`);
  return out;
}

describe('a full incident', () => {
  const incidents = createIncidentWorkflow({ autoClose: { afterMs: 2 * 86_400_000 } });
  const versions: Incident[] = [];
  const audit: AuditEntry[] = [];
  let record: Incident;
  const step = (command: IncidentCommandInput, actor: Actor, now: string | number | Date) => {
    const out = ok(incidents.apply(deepFreeze(record), command, { actor, now }));
    record = out.record;
    versions.push(record);
    audit.push(...out.audit);
    return out;
  };

  it('runs from creation to auto-close', () => {
    const created = ok(
      incidents.create(
        { id: 'inc-7', number: 'INC0010007', shortDescription: 'Cannot send mail', callerId: 'u-bob', impact: 3, urgency: 2 },
        { actor: caller, now: '2026-11-23T08:00:00Z' },
      ),
    );
    record = created.record;
    const initial = record;
    versions.push(record);
    audit.push(...created.audit);
    expect(record).toMatchObject({ state: 'new', priority: 4, openedBy: 'u-bob', openedAt: '2026-11-23T08:00:00.000Z' });

    step({ type: 'assign', assignmentGroup: 'messaging', assignedTo: 'u-rui' }, agent, new Date('2026-11-23T08:05:00Z'));
    expect(step({ type: 'start' }, resolver, Date.parse('2026-11-23T08:10:00Z')).record).toMatchObject({ state: 'in_progress', acknowledgedAt: '2026-11-23T08:10:00.000Z' });
    step({ type: 'hold', reason: 'awaiting_caller' }, resolver, '2026-11-23T08:20:00Z');
    expect(record).toMatchObject({ state: 'on_hold', onHoldReason: 'awaiting_caller' });
    step({ type: 'comment', text: 'It happens with attachments only' }, caller, '2026-11-23T09:00:00Z');
    expect(record.state).toBe('in_progress');
    expect(record.onHoldReason).toBeUndefined();

    const updated = step({ type: 'update', impact: 1 }, resolver, '2026-11-23T09:05:00Z');
    expect(record.priority).toBe(2);
    expect(updated.audit.map((a) => a.event)).toEqual(['update', 'priority-changed']);
    expect(updated.audit[1]!.changes).toEqual([{ field: 'priority', before: 4, after: 2 }]);

    step({ type: 'resolve', code: 'workaround_provided', notes: 'Send attachments via the portal' }, resolver, '2026-11-23T10:00:00Z');
    expect(record).toMatchObject({ state: 'resolved', resolvedBy: 'u-rui', resolvedAt: '2026-11-23T10:00:00.000Z' });
    step({ type: 'reopen', reason: 'Portal fails too' }, caller, '2026-11-23T11:00:00Z');
    expect(record).toMatchObject({ state: 'in_progress', reopenCount: 1, reopenedBy: 'u-bob', reopenedAt: '2026-11-23T11:00:00.000Z' });
    expect(record.resolutionCode).toBeUndefined();
    step({ type: 'resolve', code: 'solution_provided', notes: 'Raised the size limit' }, resolver, '2026-11-23T12:00:00Z');

    expect(incidents.nextTickAt(record)).toBe('2026-11-25T12:00:00.000Z');
    const early = ok(incidents.tick(record, '2026-11-25T11:59:59Z'));
    expect(early.audit).toEqual([]);
    expect(early.record).toEqual(record);
    const closed = ok(incidents.tick(deepFreeze(record), '2026-11-25T12:00:00Z'));
    expect(closed.record).toMatchObject({ state: 'closed', closedBy: 'system', closedAt: '2026-11-25T12:00:00.000Z' });
    expect(closed.audit[0]).toMatchObject({ actor: 'system', command: 'auto_close', from: 'resolved', to: 'closed' });
    versions.push(closed.record);
    audit.push(...closed.audit);

    const reopenClosed = incidents.apply(closed.record, { type: 'reopen', reason: 'again' }, { actor: caller, now: '2026-11-26T00:00:00Z' });
    expect(reopenClosed.ok ? 'ok' : reopenClosed.error.code).toBe('invalid-transition');

    // The audit replays to the stored versions: both SLA timelines agree.
    const fromAudit = slaTimelineFromAudit(initial, audit);
    const fromVersions = slaTimeline(versions);
    expect(fromAudit.map((p) => p.at)).toEqual(fromVersions.map((p) => p.at));
    fromAudit.forEach((p, i) => expect(p.record).toEqual(fromVersions[i]!.record));
    expect(fromAudit.at(-1)!.record['state']).toBe('closed');
  });
});

describe('incident rules in detail', () => {
  const incidents = createIncidentWorkflow();
  const base = ok(
    incidents.create(
      { id: 'inc-1', number: 'INC1', shortDescription: 'VPN down', callerId: 'u-bob', impact: 2, urgency: 2, assignmentGroup: 'service-desk' },
      { actor: agent, now: '2026-11-23T08:00:00Z' },
    ),
  ).record;

  it('a major incident is never auto-closed', () => {
    const major = ok(incidents.apply(base, { type: 'update', majorIncident: true }, { actor: agent, now: '2026-11-23T08:01:00Z' })).record;
    const resolved = ok(incidents.apply(major, { type: 'resolve', code: 'solution_provided', notes: 'ok' }, { actor: agent, now: '2026-11-23T09:00:00Z' })).record;
    expect(incidents.nextTickAt(resolved)).toBeNull();
    expect(ok(incidents.tick(resolved, '2027-11-23T09:00:00Z')).record.state).toBe('resolved');
  });

  it('refusals change nothing and say why', () => {
    const frozen = deepFreeze(structuredClone(base));
    const forbidden = incidents.apply(frozen, { type: 'start' }, { actor: caller, now: '2026-11-23T08:01:00Z' });
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const noNotes = incidents.apply(frozen, { type: 'resolve', code: 'duplicate', notes: '  ' }, { actor: agent, now: '2026-11-23T08:01:00Z' });
    expect(noNotes).toMatchObject({ ok: false, error: { code: 'guard-failed' } });
    const badCode = incidents.apply(frozen, { type: 'resolve', code: 'fixed' } as never, { actor: agent, now: '2026-11-23T08:01:00Z' });
    expect(badCode.ok).toBe(false);
    if (!badCode.ok) {
      expect(badCode.error.code).toBe('invalid-input');
      expect((badCode.error.details as Array<{ path: string }>).map((d) => d.path)).toEqual(['code', 'notes']);
    }
    const noReason = incidents.apply(frozen, { type: 'hold' } as never, { actor: agent, now: '2026-11-23T08:01:00Z' });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'invalid-input', details: [{ path: 'reason' }] } });
    const badNow = incidents.apply(frozen, { type: 'start' }, { actor: agent, now: '23/11/2026' });
    expect(badNow).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const badRecord = incidents.apply({ ...frozen, priority: 9 } as never, { type: 'start' }, { actor: agent, now: 0 });
    expect(badRecord).toMatchObject({ ok: false, error: { code: 'invalid-input', details: [{ path: 'priority' }] } });
    expect(frozen).toEqual(base);
  });

  it('a hold reason outside the configured ones is refused, and a resolution code likewise', () => {
    const strict = createIncidentWorkflow({ holdReasons: ['awaiting_vendor'], resolutionCodes: ['solution_provided'] });
    const ctx = { actor: agent, now: '2026-11-23T08:01:00Z' };
    expect(strict.apply(base, { type: 'hold', reason: 'awaiting_caller' }, ctx)).toMatchObject({ ok: false, error: { code: 'guard-failed' } });
    expect(strict.apply(base, { type: 'resolve', code: 'duplicate', notes: 'x' }, ctx)).toMatchObject({ ok: false, error: { code: 'guard-failed' } });
    expect(strict.apply(base, { type: 'hold', reason: 'awaiting_vendor' }, ctx).ok).toBe(true);
  });

  it('a host replaces the permission policy', () => {
    const open = createIncidentWorkflow({ permissions: { grants: [{ commands: ['*'], roles: ['caller'] }] } });
    expect(open.apply(base, { type: 'start' }, { actor: caller, now: 0 }).ok).toBe(true);
    expect(open.apply(base, { type: 'start' }, { actor: agent, now: 0 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('invalid options throw ItsmValidationError naming the field', () => {
    let error: unknown;
    try {
      createIncidentWorkflow({ autoClose: { afterMs: -1 } });
    } catch (e) {
      error = e;
    }
    expect(isItsmValidationError(error)).toBe(true);
    expect((error as { issues: Array<{ path: string }> }).issues[0]!.path).toBe('autoClose.afterMs');
  });

  it('refuses prototype-polluting input and callers creating incidents for someone else', () => {
    const polluted = incidents.apply(base, JSON.parse('{"type":"update","impact":1,"__proto__":{"polluted":true}}'), { actor: agent, now: 1 });
    expect(polluted).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('__proto__') } });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const forOther = incidents.create({ id: 'inc-9', number: 'INC9', shortDescription: 'x', callerId: 'u-eve', impact: 3, urgency: 3 }, { actor: caller, now: 0 });
    expect(forOther).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(incidents.allowed({ ...base, state: 'bogus' } as never, agent, 0)).toEqual([]);
  });

  it('a follow-up aimed at another record is invalid input', () => {
    const out = incidents.apply(base, { type: 'comment', text: 'x', target: { kind: 'incident', id: 'inc-2' } }, { actor: agent, now: 0 });
    expect(out).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
