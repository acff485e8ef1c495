import { createCalendar } from '../src/calendar';
import { backlogAge, mtta, mttr, reopenRate } from '../src/metrics';
import { fmt, measure, type Measurement } from './_lib/measure';

const N = 1_000_000;
const MIN = 60_000;
const PERIOD_FROM = Date.parse('2026-01-01T00:00:00Z');
const PERIOD_TO = Date.parse('2027-01-01T00:00:00Z');

/** 1,000,000 incidents with ISO timestamps, made by a small LCG (deterministic, no Math.random). */
function makeIncidents() {
  let s = 12345;
  const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const groups = ['service-desk', 'db', 'network', 'apps', 'identity'];
  return Array.from({ length: N }, (_, i) => {
    const opened = PERIOD_FROM + Math.floor(rnd() * 360 * 24 * 60) * MIN;
    const ack = opened + Math.floor(rnd() * 120) * MIN;
    const resolved = rnd() < 0.9 ? ack + Math.floor(rnd() * 3 * 24 * 60) * MIN : undefined;
    return {
      id: `inc-${i}`,
      priority: 1 + Math.floor(rnd() * 5),
      assignmentGroup: groups[i % groups.length]!,
      reopenCount: rnd() < 0.05 ? 1 : 0,
      openedAt: new Date(opened).toISOString(),
      acknowledgedAt: new Date(ack).toISOString(),
      ...(resolved !== undefined ? { resolvedAt: new Date(resolved).toISOString() } : {}),
    };
  });
}

/** Summarising 1,000,000 incidents, against a bare loop summing their durations from the same array. */
export default function run(): void {
  const incidents = makeIncidents();
  const period = { from: PERIOD_FROM, to: PERIOD_TO };
  const opts = { minMs: 1_500, warmupMs: 300, batch: 1 };
  const baseline = measure(
    'baseline: bare loop summing resolvedAt - openedAt',
    () => {
      let sum = 0;
      for (let i = 0; i < incidents.length; i++) {
        const r = incidents[i]!;
        if (r.resolvedAt !== undefined) sum += Date.parse(r.resolvedAt) - Date.parse(r.openedAt);
      }
      return sum;
    },
    opts,
  );
  const rows: Array<Measurement & { records?: number }> = [
    measure('mttr (mean, median, p90, p99)', () => mttr(incidents, { period }).count, opts),
    measure('mttr by priority', () => mttr(incidents, { period, groupBy: 'priority' }).groups.length, opts),
    measure('mtta by assignment group', () => mtta(incidents, { period, groupBy: 'assignmentGroup' }).groups.length, opts),
    measure('reopenRate by priority', () => reopenRate(incidents, { period, groupBy: 'priority' }).groups.length, opts),
    measure('backlogAge by priority', () => backlogAge(incidents, { period, groupBy: 'priority' }).groups.length, opts),
  ];
  const nineToFive = [{ start: '09:00', end: '17:00' }];
  const berlin = createCalendar({ timeZone: 'Europe/Berlin', week: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive } });
  // Business time costs one calendar measurement per record: run it on the first 100,000 incidents.
  const sample = incidents.slice(0, 100_000);
  rows.push({
    ...measure('mttr by priority, business time (Berlin 9-17), 100k', () => mttr(sample, { period, calendar: berlin, groupBy: 'priority' }).groups.length, opts),
    records: sample.length,
  });

  console.log(`\n## metrics: ${fmt(N)} incidents per run`);
  const width = Math.max(...[baseline, ...rows].map((r) => r.name.length));
  for (const r of [baseline, ...rows] as Array<Measurement & { records?: number }>) {
    const records = 'records' in r && r.records !== undefined ? r.records : N;
    const recordsPerSec = r.opsPerSec * records;
    // Cost per record relative to the baseline's cost per record.
    const ratio = r === baseline ? 'baseline' : `cost x${fmt(baseline.opsPerSec * N / recordsPerSec, 2)} of baseline per record`;
    console.log(`${r.name.padEnd(width)}  ${fmt(recordsPerSec).padStart(12)} records/s  ${fmt(r.nsPerOp / 1e6, 1).padStart(8)} ms/run  ${ratio}`);
  }
}
