/**
 * White-box check of the internal offset reader: its fast path (parsing `Intl`'s printed date) and its
 * fallback (`formatToParts`, used where a runtime prints dates differently) must read the same offsets.
 */
import { describe, expect, it } from 'vitest';
import { ZoneOffsets } from '../../src/calendar/internal/zone-offsets';

interface Internals {
  rawOffset(ms: number): number;
  partsOf(ms: number): number[];
  formatter: Intl.DateTimeFormat;
}

describe('ZoneOffsets', () => {
  it('reads the same fields through both paths, LMT seconds and BC years included', () => {
    for (const zone of ['Australia/Lord_Howe', 'Pacific/Chatham', 'America/Santiago', 'Asia/Kolkata', 'Europe/Berlin']) {
      const z = new ZoneOffsets(zone) as unknown as Internals;
      for (const ms of [-7e13, -2.5e12, 0, 1.7e12, 1.78e12, 4e12]) {
        const printed = /^(\d+)\/(\d+)\/(\d+) (AD|BC), (\d+):(\d+):(\d+)$/.exec(z.formatter.format(ms));
        expect(printed).not.toBeNull();
        const fields = printed!.slice(1).map((v, i) => (i === 3 ? (v === 'BC' ? 1 : 0) : Number(v)));
        expect(z.partsOf(ms)).toEqual(fields);
      }
    }
  });

  it('knows offsets with seconds and offset changes to the millisecond', () => {
    const z = new ZoneOffsets('Europe/Berlin');
    // 2026-03-29T01:00:00Z: CET (+1h) until the millisecond before, CEST (+2h) from it
    const change = Date.UTC(2026, 2, 29, 1);
    expect(z.offsetAt(change - 1)).toBe(3_600_000);
    expect(z.offsetAt(change)).toBe(7_200_000);
    expect(z.nextTransition(change - 10 * 86_400_000, change + 86_400_000)).toBe(change);
    // Berlin kept local mean time (+00:53:28) until 1893
    expect(z.offsetAt(Date.UTC(1880, 0, 1))).toBe((53 * 60 + 28) * 1000);
  });
});
