import type { ZoneCalendar } from './calendar';
import { createCalendar } from './create-calendar';

const FULL_DAY = [{ start: '00:00', end: '24:00' }];

/**
 * The 24x7 calendar in UTC: every instant is business time, so `addBusinessTime(ALWAYS, t, ms)` is
 * `t + ms`.
 *
 * @example
 * addBusinessTime(ALWAYS, new Date('2026-01-01T00:00:00Z'), 3_600_000) //=> 2026-01-01T01:00:00.000Z
 */
export const ALWAYS: ZoneCalendar = /* @__PURE__ */ createCalendar({
  timeZone: 'UTC',
  week: { mon: FULL_DAY, tue: FULL_DAY, wed: FULL_DAY, thu: FULL_DAY, fri: FULL_DAY, sat: FULL_DAY, sun: FULL_DAY },
});
