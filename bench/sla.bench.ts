import { addBusinessTime, ALWAYS, businessTimeBetween, createCalendar } from '../src/calendar';
import { createSlaPolicy, evaluateSla, incidentResolutionPolicy, type SlaTimelineEntry } from '../src/sla';
import { fmt, measure, printTable, type Measurement } from './_lib/measure';

/**
 * The machine is shared, so each figure is the best of three rounds, with the rounds of the compared
 * measurements interleaved (baseline, candidate, baseline, candidate, ...) so load bursts hit both.
 */
function bestOf(rounds: number, runs: Array<() => Measurement>): Measurement[] {
  const best: Array<Measurement | undefined> = runs.map(() => undefined);
  for (let r = 0; r < rounds; r++) {
    runs.forEach((run, i) => {
      const m = run();
      const b = best[i];
      if (b === undefined || m.nsPerOp < b.nsPerOp) best[i] = m;
    });
  }
  return best as Measurement[];
}

const H = 3_600_000;
const DAY = 24 * H;
const office = [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:30' }];
const calendarDefinition = { timeZone: 'Europe/Berlin', week: { mon: office, tue: office, wed: office, thu: office, fri: office } };
const BASES = Array.from({ length: 64 }, (_, i) => Date.UTC(2026, 0, 5) + i * 5 * DAY + (i % 7) * 37 * 60_000);

/** A realistic 10-entry incident history over about three days: 4 status changes, a priority raise, 3 other edits. */
function tenEntryTimeline(base: number): SlaTimelineEntry[] {
  const steps: Array<[number, string, number]> = [
    [0, 'new', 3], [0.5, 'new', 3], [1, 'in_progress', 3], [3, 'in_progress', 3], [5, 'on_hold', 3],
    [20, 'in_progress', 3], [22, 'in_progress', 2], [26, 'in_progress', 2], [44, 'on_hold', 2], [50, 'in_progress', 2],
  ];
  return steps.map(([hours, state, priority], i) => ({ at: base + hours * H, record: { state, priority, comments: i } }));
}

/** `n` entries spread evenly over `spanMs`, cycling in_progress / on_hold / an edit. */
function longTimeline(base: number, n: number, spanMs: number): SlaTimelineEntry[] {
  const states = ['in_progress', 'on_hold', 'on_hold'];
  return Array.from({ length: n }, (_, i) => ({ at: base + Math.floor((i * spanMs) / n), record: { state: i === 0 ? 'new' : states[i % 3], priority: 4, edit: i } }));
}

/**
 * The cost of evaluating a 10-entry timeline on a business-hours calendar, as a ratio to one
 * `addBusinessTime` call (target: at most 15x); then the cost at 10, 100 and 1,000 entries (linear) and
 * over spans of a week, a year and ten years (flat).
 */
export default function run(): void {
  const calendar = createCalendar(calendarDefinition);
  const policy = createSlaPolicy(incidentResolutionPolicy({ calendar: calendarDefinition, businessDayMs: 8.5 * H }));
  const ten = BASES.map(tenEntryTimeline);
  const nows = BASES.map((b) => b + 52 * H);

  const main = bestOf(5, [
    () => measure('addBusinessTime(8 h)', (i) => addBusinessTime(calendar, BASES[i & 63] as number, 8 * H).getTime()),
    () => measure('evaluateSla, 10 entries', (i) => evaluateSla(policy, ten[i & 63] as SlaTimelineEntry[], nows[i & 63] as number).elapsedMs),
    () => measure('businessTimeBetween(52 h span)', (i) => businessTimeBetween(calendar, BASES[i & 63] as number, nows[i & 63] as number)),
  ]);
  printTable('sla: one evaluation vs one addBusinessTime (target <= 15x)', main, main[0]);

  const always = createSlaPolicy(incidentResolutionPolicy());
  const onAlways = bestOf(3, [
    () => measure('addBusinessTime(ALWAYS, 8 h)', (i) => addBusinessTime(ALWAYS, BASES[i & 63] as number, 8 * H).getTime()),
    () => measure('evaluateSla, 10 entries, 24x7', (i) => evaluateSla(always, ten[i & 63] as SlaTimelineEntry[], nows[i & 63] as number).elapsedMs),
  ]);
  printTable('sla: the same on the 24x7 calendar (engine overhead beside cheap calendar calls)', onAlways, onAlways[0]);

  const sizes = bestOf(3, [10, 100, 1_000].map((n) => {
    const timelines = BASES.slice(0, 8).map((b) => longTimeline(b, n, 60 * DAY));
    return () => measure(`evaluateSla, ${n} entries over 60 days`, (i) => evaluateSla(policy, timelines[i & 7] as SlaTimelineEntry[], (BASES[i & 7] as number) + 61 * DAY).elapsedMs, { batch: n >= 1_000 ? 4 : 64 });
  }));
  printTable('sla: cost by number of entries (linear)', sizes, sizes[0]);
  for (const m of sizes) console.log(`${m.name.padEnd(36)}  ${fmt(m.nsPerOp / Number(/(\d[\d,]*) entries/.exec(m.name)?.[1]?.replace(/,/g, '')), 1)} ns per entry`);

  const spans = bestOf(3, ([['a week', 7 * DAY], ['a year', 365 * DAY], ['ten years', 3_652 * DAY]] as const).map(([label, span]) => {
    const timelines = BASES.slice(0, 8).map((b) => longTimeline(b, 10, span));
    return () => measure(`evaluateSla, 10 entries over ${label}`, (i) => evaluateSla(policy, timelines[i & 7] as SlaTimelineEntry[], (BASES[i & 7] as number) + span + DAY).elapsedMs);
  }));
  printTable('sla: cost by time spanned (flat)', spans, spans[0]);
}
