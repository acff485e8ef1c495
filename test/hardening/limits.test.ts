/**
 * One case per documented limit (docs/ARCHITECTURE.md, "Resource bounds"): one past the limit is
 * rejected with a typed error naming the field (or, for the correlator's storm limits, which never
 * throw, reported by a `storm-detected` decision naming the limit).
 */
import { describe, expect, it } from 'vitest';
import { addBusinessTime, ALWAYS, CALENDAR_LIMITS, combineCalendars, createCalendar } from 'itsm-kit/calendar';
import { detectConflicts, findChangeSlots, SCHEDULING_LIMITS } from 'itsm-kit/change';
import { createCorrelator, fromAlertmanagerWebhook, MAX_DURATION_MS } from 'itsm-kit/correlation';
import { slaTimelineFromAudit } from 'itsm-kit/incident';
import { backlogAge } from 'itsm-kit/metrics';
import { isItsmValidationError, ItsmError, parseAlert, parseChange, parseIncident } from 'itsm-kit/models';
import { createSlaPolicy, evaluateSla, SLA_LIMITS } from 'itsm-kit/sla';
import { steadyAlerts, MAX_STREAM_ALERTS } from 'itsm-kit/testing';
import { createTopology, ROOT_CAUSE_MAX_CI_IDS, TOPOLOGY_LIMITS } from 'itsm-kit/topology';
import { change, H, MONDAY } from '../change-scheduling/fixtures';
import { validAlert, validChange, validIncident } from '../models/fixtures';

/** The paths of the issues of the typed error `fn` throws (or returns as `{ ok: false }`). */
function rejectedAt(fn: () => unknown): string[] {
  let result: unknown;
  try {
    result = fn();
  } catch (e) {
    if (isItsmValidationError(e)) return e.issues.map((i) => i.path);
    if (e instanceof ItsmError) return [e.message];
    throw e;
  }
  const r = result as { ok?: boolean; error?: { issues: Array<{ path: string }> } };
  if (r?.ok === false && r.error) return r.error.issues.map((i) => i.path);
  throw new Error('expected a typed rejection');
}
const times = <T>(n: number, item: T): T[] => new Array<T>(n).fill(item);
const letters = (n: number) => 'x'.repeat(n);
const day = [{ start: '09:00', end: '17:00' }];
const calendarDef = { timeZone: 'UTC', week: { mon: day } };
const lifecycle = { start: { field: 'state', op: 'eq', value: 'new' }, stop: { field: 'state', op: 'eq', value: 'resolved' } } as const;
const policy = (extra: Record<string, unknown>) => () => createSlaPolicy({ id: 'p', target: { durationMs: H }, ...lifecycle, ...extra } as never);
const deepCondition = (depth: number): unknown => (depth === 1 ? { field: 'state', op: 'eq', value: 'x' } : { not: deepCondition(depth - 1) });
const ci = { id: 'c', name: 'c', ciClass: 'server' };
const correlator = (extra: Record<string, unknown>) => () => createCorrelator({ rules: [{ id: 'r' }], ...extra } as never);
const schedule = { changes: [], blackouts: [], maintenanceWindows: [] };
const subject = change('me', MONDAY + 10 * H, MONDAY + 12 * H);

const cases: Array<[string, () => unknown, string]> = [
  // models
  ['model id: 128 characters', () => parseIncident({ ...validIncident, id: letters(129) }), 'id'],
  ['model short text: 512 characters', () => parseIncident({ ...validIncident, shortDescription: letters(513) }), 'shortDescription'],
  ['model long text: 32,000 characters', () => parseIncident({ ...validIncident, description: letters(32_001) }), 'description'],
  ['alert labels: 64', () => parseAlert({ ...validAlert, labels: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`l${i}`, 'v'])) }), 'labels'],
  ['label name: 128 characters', () => parseAlert({ ...validAlert, labels: { [letters(129)]: 'v' } }), 'labels'],
  ['label value: 1,024 characters', () => parseAlert({ ...validAlert, labels: { a: letters(1_025) } }), 'labels.a'],
  ['annotation value: 8,192 characters', () => parseAlert({ ...validAlert, annotations: { a: letters(8_193) } }), 'annotations.a'],
  ['record lists: 1,000 items', () => parseChange({ ...validChange, ciIds: times(1_001, 'ci-1') }), 'ciIds'],
  ['custom fields: 100', () => parseIncident({ ...validIncident, custom: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`f${i}`, i])) }), 'custom'],
  // calendar
  ['calendar intervals per day: 16', () => createCalendar({ ...calendarDef, week: { mon: times(CALENDAR_LIMITS.intervalsPerDay + 1, day[0]!) } }), 'week.mon'],
  ['calendar holidays: 10,000', () => createCalendar({ ...calendarDef, holidays: times(CALENDAR_LIMITS.holidays + 1, { date: '2026-12-25' }) }), 'holidays'],
  ['calendar overrides: 10,000', () => createCalendar({ ...calendarDef, overrides: times(CALENDAR_LIMITS.overrides + 1, { date: '2026-12-24', hours: [] }) }), 'overrides'],
  ['holiday name: 512 characters', () => createCalendar({ ...calendarDef, holidays: [{ date: '2026-12-25', name: letters(513) }] }), 'holidays.0.name'],
  ['time zone name: 64 characters', () => createCalendar({ ...calendarDef, timeZone: letters(65) }), 'timeZone'],
  ['calendar dates: years 1900 to 2999', () => createCalendar({ ...calendarDef, holidays: [{ date: '3000-01-01' }] }), 'holidays.0.date'],
  ['combineCalendars: 32 calendars', () => combineCalendars('union', times(33, ALWAYS)), 'calendars'],
  ['business durations: 100 years', () => addBusinessTime(ALWAYS, 0, 36_526 * 86_400_000), 'ms'],
  // SLA
  ['SLA timeline: 100,000 entries', () => evaluateSla(policy({})(), times(SLA_LIMITS.timelineEntries + 1, { at: 0, record: { state: 'new' } }), 0), 'timeline'],
  ['SLA condition depth: 8', policy({ pause: deepCondition(SLA_LIMITS.conditionDepth + 1) }), 'pause'],
  ['SLA condition nodes: 200', policy({ pause: { any: times(100, { all: [{ field: 'a', op: 'eq', value: 1 }, { field: 'b', op: 'eq', value: 1 }] }) } }), 'pause'],
  ['SLA in-list items: 100', policy({ pause: { field: 'state', op: 'in', value: times(SLA_LIMITS.listItems + 1, 'x') } }), 'pause.value'],
  ['SLA field path segments: 10', policy({ pause: { field: times(SLA_LIMITS.pathSegments + 1, 'a').join('.'), op: 'exists' } }), 'pause.field'],
  ['SLA field path length: 256 characters', policy({ pause: { field: letters(SLA_LIMITS.pathLength + 1), op: 'exists' } }), 'pause.field'],
  ['SLA target keys: 100', policy({ target: { field: 'priority', durationsMs: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, H])) } }), 'target.durationsMs'],
  ['SLA warnings: 10', policy({ warnAt: Array.from({ length: 11 }, (_, i) => (i + 1) / 12) }), 'warnAt'],
  ['SLA value compared by changed: 4,096 characters', () => evaluateSla(policy({ resetOn: { field: 'note', op: 'changed' } })(), [{ at: 0, record: { state: 'new', note: letters(5_000) } }], 0), 'timeline.0.record.note'],
  ['SLA target: 100 years', policy({ target: { durationMs: SLA_LIMITS.maxDurationMs + 1 } }), 'target.durationMs'],
  ['workflow SLA timeline: 100,000 audit entries', () => slaTimelineFromAudit({} as never, times(100_001, {} as never)), 'audit'],
  // change scheduling
  ['schedule changes: 100,000', () => detectConflicts(subject, { ...schedule, changes: times(SCHEDULING_LIMITS.changes + 1, subject) }), 'changes'],
  ['schedule blackouts: 10,000', () => detectConflicts(subject, { ...schedule, blackouts: times(SCHEDULING_LIMITS.blackouts + 1, { id: 'b', start: '2026-11-24T00:00:00Z', end: '2026-11-25T00:00:00Z' }) }), 'blackouts'],
  ['schedule maintenance windows: 10,000', () => detectConflicts(subject, { ...schedule, maintenanceWindows: times(SCHEDULING_LIMITS.maintenanceWindows + 1, { id: 'm', ciIds: ['a'], start: '2026-11-24T00:00:00Z', end: '2026-11-25T00:00:00Z' }) }), 'maintenanceWindows'],
  ['change slots: 1,000', () => findChangeSlots(subject, { ...schedule, from: MONDAY, limit: SCHEDULING_LIMITS.slots + 1 }), 'limit'],
  ['change slot search horizon: 2 years', () => findChangeSlots(subject, { ...schedule, from: MONDAY, horizonMs: SCHEDULING_LIMITS.horizonMs + 1 }), 'horizonMs'],
  // topology
  ['topology CIs: 1,000,000', () => createTopology({ cis: times(TOPOLOGY_LIMITS.cis + 1, ci) }), 'cis'],
  ['topology relationships: 1,000,000', () => createTopology({ cis: [ci], relationships: times(TOPOLOGY_LIMITS.relationships + 1, { from: 'c', to: 'c', type: 'depends_on' }) }), 'relationships'],
  ['root-cause CI ids: 10,000', () => createTopology({ cis: [ci] }).rootCauseCandidates(times(ROOT_CAUSE_MAX_CI_IDS + 1, 'c')), 'ciIds'],
  // correlation
  ['correlator rules: 200', () => createCorrelator({ rules: times(201, { id: 'r' }) }), 'rules'],
  ['matchers per list: 32', () => createCorrelator({ rules: [{ id: 'r', match: times(33, { label: 'a', op: 'exists' }) }] } as never), 'rules.0.match'],
  ['matcher in-values: 1,000', () => createCorrelator({ rules: [{ id: 'r', match: [{ label: 'a', op: 'in', values: times(1_001, 'x') }] }] } as never), 'rules.0.match.0.values'],
  ['regex pattern: 1,024 characters', () => createCorrelator({ rules: [{ id: 'r', match: [{ label: 'a', op: 'regex', value: letters(1_025) }] }] } as never), 'rules.0.match.0.value'],
  ['groupBy labels: 16', () => createCorrelator({ rules: [{ id: 'r', groupBy: Array.from({ length: 17 }, (_, i) => `l${i}`) }] }), 'rules.0.groupBy'],
  ['inhibition rules: 200', correlator({ inhibitRules: times(201, { id: 'i', source: [], target: [] }) }), 'inhibitRules'],
  ['maintenance windows: 1,000', correlator({ maintenance: times(1_001, { id: 'm', ciIds: ['a'], start: '2026-11-24T00:00:00Z', end: '2026-11-25T00:00:00Z' }) }), 'maintenance'],
  ['CI ids per maintenance window: 1,000', correlator({ maintenance: [{ id: 'm', ciIds: times(1_001, 'a'), start: '2026-11-24T00:00:00Z', end: '2026-11-25T00:00:00Z' }] }), 'maintenance.0.ciIds'],
  ['incident title template: 512 characters', () => createCorrelator({ rules: [{ id: 'r', template: { title: letters(513) } }] }), 'rules.0.template.title'],
  ['correlator durations: 400 days', () => createCorrelator({ rules: [{ id: 'r', window: MAX_DURATION_MS + 1 }] }), 'rules.0.window'],
  ['adapter payload: 10,000 alerts', () => fromAlertmanagerWebhook({ alerts: times(10_001, { status: 'firing', labels: {}, annotations: {}, startsAt: '2026-11-23T08:00:00Z' }) }), 'alerts'],
  // metrics, testing
  ['backlog boundaries: 100', () => backlogAge([], { period: { from: 0, to: 1 }, boundariesMs: Array.from({ length: 101 }, (_, i) => i + 1) }), 'boundariesMs'],
  ['test alert streams: 100,000 alerts', () => steadyAlerts({ count: MAX_STREAM_ALERTS }), 'count'],
];

describe('every documented limit is enforced with an error naming the field', () => {
  it.each(cases)('%s', (_name, fn, field) => {
    const paths = rejectedAt(fn);
    expect(paths.some((p) => p === field || p.startsWith(`${field}.`)), `${paths.join(', ')} names ${field}`).toBe(true);
  });

  it('business-time searches stop at the 100-year horizon with an ItsmRangeError', () => {
    const never = createCalendar({ timeZone: 'UTC', week: {}, overrides: [{ date: '2999-12-31', hours: day }] });
    expect(rejectedAt(() => addBusinessTime(never, 0, H))).toEqual([expect.stringMatching(/100 years/)]);
  });
});

describe('the correlator storm limits bound its state and say so', () => {
  const T = Date.parse('2026-11-23T08:00:00Z');
  const alert = (i: number, service: string) => ({ ...validAlert, id: `a-${i}`, fingerprint: undefined, labels: { alertname: 'X', service, n: String(i) }, startsAt: new Date(T).toISOString() });
  const run = (storm: Record<string, number>, alerts: unknown[]) => {
    const c = createCorrelator({ rules: [{ id: 'r', groupBy: ['service'] }], storm } as never);
    return c.ingest(c.initialState(), alerts as never, T);
  };

  it.each([
    ['maxAlertsPerIncident', { maxAlertsPerIncident: 3 }, Array.from({ length: 5 }, (_, i) => alert(i, 'one')), 'alerts-per-incident'],
    ['maxOpenGroups', { maxOpenGroups: 3 }, Array.from({ length: 5 }, (_, i) => alert(i, `s${i}`)), 'open-groups'],
    ['maxTrackedAlerts', { maxTrackedAlerts: 3 }, Array.from({ length: 5 }, (_, i) => alert(i, `s${i}`)), 'tracked-alerts'],
  ] as const)('%s: a storm-detected decision names the limit, and the state stays within it', (_n, storm, alerts, limit) => {
    const out = run(storm, [...alerts]);
    expect(out.decisions.filter((d) => d.type === 'storm-detected').map((d) => (d as { limit: string }).limit)).toContain(limit);
    if (limit !== 'alerts-per-incident') expect(out.state.open).toBeLessThanOrEqual(4);
  });
});
