/**
 * Business-time arithmetic: itsm-kit/calendar against moment-business-time and opening_hours on "add 40
 * business hours" from the same random start instants on a Mon-Fri 09:00-17:00 calendar, then the cost
 * of a long sum (10,000 business hours) against a short one (8 hours).
 *
 * Both other libraries only know the host's local time zone, so the comparison runs in the host zone
 * (printed); the span test also runs in Europe/Berlin with holidays, where DST applies. Each case is
 * measured three times, interleaved, and its best round kept, since the machine may be shared.
 */
import { createRequire } from 'node:module';
import OpeningHours from 'opening_hours';
import type { Calendar } from '../src/calendar';
import { addBusinessTime, businessTimeBetween, createCalendar } from '../src/calendar';
import type { Measurement } from './_lib/measure';
import { fmt, measure, printTable } from './_lib/measure';

interface BusinessMoment {
  addWorkingTime(amount: number, unit: 'hours'): BusinessMoment;
  valueOf(): number;
}
const moment = createRequire(import.meta.url)('moment-business-time') as (ms: number) => BusinessMoment;

const HOUR = 3_600_000;
const SAMPLES = 1024;
const ROUNDS = 3;
const NINE_TO_FIVE = [{ start: '09:00', end: '17:00' }];
const WEEKDAYS = { mon: NINE_TO_FIVE, tue: NINE_TO_FIVE, wed: NINE_TO_FIVE, thu: NINE_TO_FIVE, fri: NINE_TO_FIVE };

/** Deterministic start instants: whole minutes spread over 2026. */
function startInstants(): number[] {
  let seed = 42;
  const next = () => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    return seed / 2 ** 32;
  };
  const from = Date.UTC(2026, 0, 5);
  return Array.from({ length: SAMPLES }, () => from + Math.floor(next() * 350 * 24 * 60) * 60_000);
}

/** "Add ms business time" on opening_hours: walk its state changes from `start`. */
function openingHoursAdd(oh: OpeningHours, start: number, ms: number): number {
  const it = oh.getIterator(new Date(start));
  let cursor = start;
  let rem = ms;
  for (;;) {
    const open = it.getState();
    if (!it.advance()) throw new Error('opening_hours: no further change');
    const next = it.getDate().getTime();
    if (open) {
      if (rem <= next - cursor) return cursor + rem;
      rem -= next - cursor;
    }
    cursor = next;
  }
}

function printSample(starts: number[], answers: Record<string, number[]>): void {
  console.log('\n## answers on a sample (add 40 business hours)');
  const names = Object.keys(answers);
  for (const i of [0, 1, 2, 3, 4]) {
    const cells = names.map((n) => `${n}=${new Date(answers[n]![i]!).toISOString()}`);
    console.log(`${new Date(starts[i]!).toISOString()} -> ${cells.join('  ')}`);
  }
  const agree = starts.filter((_, i) => names.every((n) => answers[n]![i] === answers[names[0]!]![i])).length;
  console.log(`all ${names.length} libraries agree on ${agree} of ${starts.length} start instants`);
}

/** Measures every case `ROUNDS` times, interleaved, keeping each one's best round: the machine is shared. */
function bestOf(cases: Array<[string, (i: number) => unknown]>): Measurement[] {
  const best = new Map<string, Measurement>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, fn] of cases) {
      const m = measure(name, fn, { minMs: 300 });
      const prev = best.get(name);
      if (prev === undefined || m.nsPerOp < prev.nsPerOp) best.set(name, m);
    }
  }
  return cases.map(([name]) => best.get(name) as Measurement);
}

function ratioLine(label: string, slow: Measurement, fast: Measurement, target: string): void {
  console.log(`${label}: x${fmt(slow.nsPerOp / fast.nsPerOp, 2)} (${target})`);
}

function spanTest(title: string, cal: Calendar, starts: number[]): void {
  const [short, long, back, between] = bestOf([
    [`${title}: add 8h`, (i) => addBusinessTime(cal, starts[i % SAMPLES]!, 8 * HOUR).getTime()],
    [`${title}: add 10,000h`, (i) => addBusinessTime(cal, starts[i % SAMPLES]!, 10_000 * HOUR).getTime()],
    [`${title}: add -10,000h`, (i) => addBusinessTime(cal, starts[i % SAMPLES]!, -10_000 * HOUR).getTime()],
    [`${title}: between over 5 years`, (i) => businessTimeBetween(cal, starts[i % SAMPLES]!, starts[i % SAMPLES]! + 5 * 365 * 24 * HOUR)],
  ]) as [Measurement, Measurement, Measurement, Measurement];
  printTable(`span independence, ${title}`, [short, long, back, between], short);
  ratioLine(`${title}: cost of adding 10,000h / cost of adding 8h`, long, short, 'target <= 3');
}

/** Prints ops/s, the answers on a sample, and the ratios. */
export default function run(): void {
  const hostZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  console.log(`host time zone (used by moment-business-time and opening_hours): ${hostZone}`);
  const cal = createCalendar({ timeZone: hostZone, week: WEEKDAYS });
  const oh = new OpeningHours('Mo-Fr 09:00-17:00');
  const starts = startInstants();
  const forty = 40 * HOUR;

  printSample(starts, {
    'itsm-kit': starts.map((t) => addBusinessTime(cal, t, forty).getTime()),
    'moment-business-time': starts.map((t) => moment(t).addWorkingTime(40, 'hours').valueOf()),
    opening_hours: starts.map((t) => openingHoursAdd(oh, t, forty)),
  });

  const [ours, mbt, ohm] = bestOf([
    ['itsm-kit addBusinessTime', (i) => addBusinessTime(cal, starts[i % SAMPLES]!, forty).getTime()],
    ['moment-business-time addWorkingTime', (i) => moment(starts[i % SAMPLES]!).addWorkingTime(40, 'hours').valueOf()],
    ['opening_hours iterator walk', (i) => openingHoursAdd(oh, starts[i % SAMPLES]!, forty)],
  ]) as [Measurement, Measurement, Measurement];
  const fastestOther = mbt.nsPerOp < ohm.nsPerOp ? mbt : ohm;
  printTable('add 40 business hours, Mon-Fri 09:00-17:00', [ours, mbt, ohm], ours);
  ratioLine(`itsm-kit speed-up over moment-business-time`, mbt, ours, 'higher is better');
  ratioLine(`itsm-kit speed-up over opening_hours`, ohm, ours, 'higher is better');
  ratioLine(`itsm-kit speed-up over the fastest other (${fastestOther.name})`, fastestOther, ours, 'target >= 20');

  spanTest(`${hostZone} Mon-Fri 09-17`, cal, starts);
  const berlin = createCalendar({
    timeZone: 'Europe/Berlin',
    week: { ...WEEKDAYS, sat: [{ start: '22:00', end: '06:00' }] },
    holidays: Array.from({ length: 10 }, (_, y) => [
      { date: `${2026 + y}-01-01` },
      { date: `${2026 + y}-05-01` },
      { date: `${2026 + y}-10-03` },
      { date: `${2026 + y}-12-25` },
      { date: `${2026 + y}-12-26` },
    ]).flat(),
  });
  spanTest('Europe/Berlin with holidays and a night shift', berlin, starts);
}
