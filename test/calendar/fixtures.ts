/**
 * Shared fixtures for the calendar tests: a seeded pool of random calendar definitions in zones with DST
 * (overnight shifts, 24:00 ends, holidays and overrides on DST dates), each paired with the compiled
 * calendar and the reference, plus each zone's offset transitions (found by scanning the reference).
 */
import fc from 'fast-check';
import type { CalendarDefinition, ZoneCalendar } from 'itsm-kit/calendar';
import { createCalendar } from 'itsm-kit/calendar';
import { ReferenceCalendar } from './reference';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const RANGE_START = Date.UTC(2025, 0, 1);
export const RANGE_END = Date.UTC(2028, 0, 1);

export const DST_ZONES = [
  'Europe/Berlin',
  'America/Chicago',
  'Australia/Lord_Howe',
  'America/Santiago',
  'Pacific/Chatham',
  'America/St_Johns',
] as const;
/** Zones of the random pool: six with DST, plus Asia/Kolkata (+05:30, none) and UTC. */
export const ZONES = [...DST_ZONES, 'Asia/Kolkata', 'UTC'] as const;

/** mulberry32: a tiny deterministic PRNG so the pool is the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

function randomTime(rand: () => number): string {
  // hours 0-4 often, to hit DST gaps and overlaps (02:00, 02:45 Chatham, 00:00 Santiago)
  const hour = rand() < 0.35 ? Math.floor(rand() * 5) : Math.floor(rand() * 24);
  const minute = rand() < 0.8 ? [0, 15, 30, 45][Math.floor(rand() * 4)]! : Math.floor(rand() * 60);
  return `${pad(hour)}:${pad(minute)}`;
}

function randomHours(rand: () => number, max: number): Array<{ start: string; end: string }> {
  const count = Math.floor(rand() * (max + 1));
  const out: Array<{ start: string; end: string }> = [];
  for (let i = 0; i < count; i++) {
    const start = randomTime(rand);
    const roll = rand();
    const end = roll < 0.1 ? '24:00' : roll < 0.15 ? start : randomTime(rand);
    out.push({ start, end });
  }
  return out;
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** One pooled calendar: its definition, the compiled calendar and the reference. */
export interface PooledCalendar {
  readonly definition: CalendarDefinition;
  readonly calendar: ZoneCalendar;
  readonly reference: ReferenceCalendar;
  readonly transitions: readonly number[];
}

/** A random definition in `zone`, always with some weekly business time. */
export function randomDefinition(rand: () => number, zone: string, transitions: readonly number[]): CalendarDefinition {
  const week: Record<string, Array<{ start: string; end: string }>> = {};
  for (const day of ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']) {
    if (rand() < 0.75) week[day] = randomHours(rand, 3);
  }
  week.wed = [...(week.wed ?? []), { start: '10:00', end: '12:00' }];
  const dates = new Set<string>();
  // exceptions on DST transition dates (local date around the transition) and on random dates
  for (const t of transitions) if (rand() < 0.3) dates.add(isoDate(t + (rand() < 0.5 ? 0 : DAY)));
  for (let i = 0; i < 12; i++) dates.add(isoDate(RANGE_START + Math.floor(rand() * ((RANGE_END - RANGE_START) / DAY)) * DAY));
  const holidays: Array<{ date: string; name?: string }> = [];
  const overrides: Array<{ date: string; hours: Array<{ start: string; end: string }> }> = [];
  for (const date of dates) {
    if (rand() < 0.5) holidays.push({ date, name: 'Holiday' });
    else overrides.push({ date, hours: randomHours(rand, 3) });
  }
  return { timeZone: zone, week, holidays, overrides };
}

/** The offset transitions of a zone inside the test range, found by scanning the reference daily. */
export function transitionsOf(reference: ReferenceCalendar): number[] {
  const found: number[] = [];
  let prev = reference.offset(RANGE_START);
  for (let t = RANGE_START + DAY; t <= RANGE_END; t += DAY) {
    const offset = reference.offset(t);
    if (offset !== prev) {
      let lo = t - DAY;
      let hi = t;
      while (hi - lo > 1000) {
        const mid = Math.floor((lo + hi) / 2000) * 1000;
        if (reference.offset(mid) === prev) lo = mid;
        else hi = mid;
      }
      found.push(hi);
      prev = offset;
    }
  }
  return found;
}

/** A seeded pool of `perZone` random calendars in every zone of {@link ZONES}. */
export function calendarPool(seed: number, perZone: number): PooledCalendar[] {
  const rand = prng(seed);
  const pool: PooledCalendar[] = [];
  for (const zone of ZONES) {
    const transitions = transitionsOf(new ReferenceCalendar({ timeZone: zone, week: {} }));
    for (let i = 0; i < perZone; i++) {
      const definition = randomDefinition(rand, zone, transitions);
      const label = `pool[${pool.length}] ${JSON.stringify(definition)}`;
      pool.push({
        definition,
        calendar: createCalendar(definition),
        reference: new ReferenceCalendar(definition),
        transitions,
        [fc.toStringMethod]: () => label,
      } as PooledCalendar);
    }
  }
  return pool;
}
