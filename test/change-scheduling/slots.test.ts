import { describe, expect, it } from 'vitest';
import { detectConflicts, findChangeSlots } from 'itsm-kit/change';
import { isItsmValidationError } from 'itsm-kit/models';
import { change, DAY, H, iso, MONDAY } from './fixtures';

const twoHours = change('me', MONDAY + 10 * H, MONDAY + 12 * H, { ciIds: ['db'], assignedTo: 'alice' });
const none = { changes: [], blackouts: [], maintenanceWindows: [] };
const starts = (slots: Array<{ plannedStart: string }>) => slots.map((s) => s.plannedStart);

describe('findChangeSlots', () => {
  it('suggests back-to-back windows of the planned duration from `from`, on the step grid', () => {
    const slots = findChangeSlots(twoHours, { ...none, from: MONDAY + 7 * 60_000, limit: 3 });
    expect(slots).toEqual([
      { plannedStart: iso(MONDAY + 15 * 60_000), plannedEnd: iso(MONDAY + 2 * H + 15 * 60_000) },
      { plannedStart: iso(MONDAY + 2 * H + 15 * 60_000), plannedEnd: iso(MONDAY + 4 * H + 15 * 60_000) },
      { plannedStart: iso(MONDAY + 4 * H + 15 * 60_000), plannedEnd: iso(MONDAY + 6 * H + 15 * 60_000) },
    ]);
  });

  it('defaults to 100 suggestions within 90 days', () => {
    expect(findChangeSlots(twoHours, { ...none, from: MONDAY })).toHaveLength(100);
    const long = change('long', MONDAY, MONDAY + 40 * DAY);
    const slots = findChangeSlots(long, { ...none, from: MONDAY });
    expect(starts(slots)).toEqual([iso(MONDAY), iso(MONDAY + 40 * DAY)]);
    expect(findChangeSlots(long, { ...none, from: MONDAY, horizonMs: 40 * DAY - 1 })).toEqual([]);
  });

  it('steps around a blackout', () => {
    const blackouts = [{ id: 'freeze', start: iso(MONDAY + H), end: iso(MONDAY + 5 * H + 10 * 60_000) }];
    const slots = findChangeSlots(twoHours, { ...none, blackouts, from: MONDAY, limit: 2, stepMs: H });
    // 00:00-01:00 is too short; 05:10 is rounded up to the hour grid.
    expect(starts(slots)).toEqual([iso(MONDAY + 6 * H), iso(MONDAY + 8 * H)]);
  });

  it('stays inside recurring maintenance windows', () => {
    // Tuesdays and Saturdays 22:00-04:00 in New York (UTC-5 in November).
    const calendar = { timeZone: 'America/New_York', week: { tue: [{ start: '22:00', end: '04:00' }], sat: [{ start: '22:00', end: '04:00' }] } };
    const maintenanceWindows = [{ id: 'mw', ciIds: ['db'], calendar }];
    const slots = findChangeSlots(twoHours, { ...none, maintenanceWindows, from: MONDAY, limit: 4, stepMs: H });
    const tue = MONDAY + DAY + 27 * H; // Tuesday 22:00 New York = Wednesday 03:00 UTC
    const sat = MONDAY + 5 * DAY + 27 * H;
    expect(starts(slots)).toEqual([iso(tue), iso(tue + 2 * H), iso(tue + 4 * H), iso(sat)]);
    for (const slot of slots) expect(detectConflicts({ ...twoHours, ...slot }, { ...none, maintenanceWindows })).toEqual([]);
  });

  it('avoids other changes on the CI and the implementer, and honours durationMs', () => {
    const changes = [
      change('a', MONDAY, MONDAY + 3 * H, { ciIds: ['db'] }),
      change('b', MONDAY + 4 * H, MONDAY + 5 * H, { ciIds: ['web'], assignedTo: 'alice' }),
    ];
    const slots = findChangeSlots(twoHours, { ...none, changes, from: MONDAY, limit: 2, stepMs: H, durationMs: H });
    expect(slots).toEqual([
      { plannedStart: iso(MONDAY + 3 * H), plannedEnd: iso(MONDAY + 4 * H) },
      { plannedStart: iso(MONDAY + 5 * H), plannedEnd: iso(MONDAY + 6 * H) },
    ]);
  });

  it('is exact to the millisecond at window edges', () => {
    const blackouts = [{ id: 'b', start: iso(MONDAY), end: iso(MONDAY + H + 1) }];
    const maintenanceWindows = [{ id: 'm', ciIds: ['db'], start: iso(MONDAY), end: iso(MONDAY + 3 * H + 1000) }];
    const slots = findChangeSlots(twoHours, { ...none, blackouts, maintenanceWindows, from: MONDAY, stepMs: 1000 });
    // Starts at 01:00:01 (after the blackout's last millisecond) and ends exactly at the window's end.
    expect(slots).toEqual([{ plannedStart: iso(MONDAY + H + 1000), plannedEnd: iso(MONDAY + 3 * H + 1000) }]);
    const tight = findChangeSlots(twoHours, { ...none, blackouts, maintenanceWindows: [{ ...maintenanceWindows[0]!, end: iso(MONDAY + 3 * H + 999) }], from: MONDAY, stepMs: 1000 });
    expect(tight).toEqual([]);
  });

  it('names bad options', () => {
    const paths = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        if (isItsmValidationError(e)) return e.issues.map((i) => i.path);
        throw e;
      }
      return [];
    };
    expect(paths(() => findChangeSlots(twoHours, { ...none, from: 'yesterday' }))).toEqual(['from']);
    expect(paths(() => findChangeSlots(twoHours, { ...none, from: MONDAY, limit: 0 }))).toEqual(['limit']);
    expect(paths(() => findChangeSlots(twoHours, { ...none, from: MONDAY, horizonMs: 1e15 }))).toEqual(['horizonMs']);
    expect(paths(() => findChangeSlots(twoHours, { ...none, from: MONDAY, stepMs: 10 }))).toEqual(['stepMs']);
    expect(paths(() => findChangeSlots(change('x', undefined, undefined), { ...none, from: MONDAY }))).toEqual(['durationMs']);
  });
});
