import { describe, expect, it } from 'vitest';
import { createIncidentWorkflow } from 'itsm-kit/incident';
import type { Actor, Incident } from 'itsm-kit/models';

const caller: Actor = { id: 'u-bob', roles: ['caller'], groups: [] };
const agent: Actor = { id: 'u-ana', roles: ['agent'], groups: ['service-desk'] };

function resolvedIncident(options: Parameters<typeof createIncidentWorkflow>[0], resolvedAt: string) {
  const incidents = createIncidentWorkflow(options);
  const created = incidents.create(
    { id: 'inc-1', number: 'INC1', shortDescription: 'Mail down', callerId: 'u-bob', impact: 2, urgency: 2, assignmentGroup: 'service-desk' },
    { actor: agent, now: '2026-11-20T08:00:00Z' },
  );
  if (!created.ok) throw new Error(created.error.message);
  const resolved = incidents.apply(created.record, { type: 'resolve', code: 'solution_provided', notes: 'Restarted the relay' }, { actor: agent, now: resolvedAt });
  if (!resolved.ok) throw new Error(resolved.error.message);
  return { incidents, record: resolved.record as Incident };
}

describe('configurable incident rules', () => {
  it('reopenTo: in_progress by default (ServiceNow), new when configured', () => {
    for (const [reopenTo, expected] of [[undefined, 'in_progress'], ['new', 'new']] as const) {
      const { incidents, record } = resolvedIncident(reopenTo === undefined ? {} : { reopenTo }, '2026-11-20T09:00:00Z');
      const out = incidents.apply(record, { type: 'reopen', reason: 'still bouncing' }, { actor: caller, now: '2026-11-20T10:00:00Z' });
      expect(out.ok && out.record).toMatchObject({ state: expected, reopenCount: 1, reopenedBy: 'u-bob' });
    }
  });

  it('autoClose counts business time on a calendar when one is given', () => {
    // Resolved Friday 16:00 UTC on a Mon-Fri 08:00-17:00 UTC desk, auto-close after 8 business hours:
    // 1 h on Friday (16:00-17:00) + 7 h on Monday (08:00-15:00) = due Monday 15:00 UTC.
    const day = [{ start: '08:00', end: '17:00' }];
    const calendar = { timeZone: 'UTC', week: { mon: day, tue: day, wed: day, thu: day, fri: day } };
    const { incidents, record } = resolvedIncident({ autoClose: { afterMs: 8 * 3_600_000, calendar } }, '2026-11-20T16:00:00Z');
    expect(incidents.nextTickAt(record)).toBe('2026-11-23T15:00:00.000Z');
    const early = incidents.tick(record, '2026-11-23T14:59:59Z');
    expect(early.ok ? early.record.state : early.error.code).not.toBe('closed');
    const due = incidents.tick(record, '2026-11-23T15:00:00Z');
    expect(due.ok && due.record.state).toBe('closed');
  });

  it('autoClose without a calendar counts elapsed time, as before', () => {
    const { incidents, record } = resolvedIncident({ autoClose: { afterMs: 8 * 3_600_000 } }, '2026-11-20T16:00:00Z');
    expect(incidents.nextTickAt(record)).toBe('2026-11-21T00:00:00.000Z');
  });
});
