import type { ChangeInput } from 'itsm-kit/models';

export const H = 3_600_000;
export const DAY = 24 * H;
/** Monday 2026-11-23 00:00 UTC. */
export const MONDAY = Date.parse('2026-11-23T00:00:00Z');
export const iso = (ms: number) => new Date(ms).toISOString();

/** A change with a planned window `[start, end)` given as epoch ms. */
export function change(id: string, start: number | undefined, end: number | undefined, extra: Partial<ChangeInput> = {}): ChangeInput {
  return {
    id, number: `CHG-${id}`, type: 'normal', state: 'scheduled', risk: 'moderate',
    shortDescription: `change ${id}`, requestedBy: 'u-req', ciIds: [],
    openedAt: '2026-11-01T00:00:00Z', updatedAt: '2026-11-01T00:00:00Z',
    ...(start === undefined ? {} : { plannedStart: iso(start) }),
    ...(end === undefined ? {} : { plannedEnd: iso(end) }),
    ...extra,
  };
}
