import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessTimeBetween } from 'itsm-kit/calendar';
import { ItsmValidationError } from 'itsm-kit/models';
import { createSlaPolicy, evaluateSla, slaClockSegments, slaTimelineSvg, SLA_SEGMENT_KINDS, type SlaSegmentKind } from 'itsm-kit/sla';
import { caseArb, policyShape } from './arbitraries';

const H = 3_600_000;
const t = (iso: string) => Date.parse(iso);
const nineToFive = [{ start: '09:00', end: '17:00' }];

// Mon-Fri 09:00-17:00 UTC; a fixed 3 h target; warning at 50 %.
const policy = createSlaPolicy({
  id: 'resolution',
  name: 'Resolution',
  calendar: { timeZone: 'UTC', week: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive } },
  target: { durationMs: 3 * H },
  start: { field: 'state', op: 'in', value: ['new', 'in_progress'] },
  pause: { field: 'state', op: 'eq', value: 'on_hold' },
  stop: { field: 'state', op: 'in', value: ['resolved', 'closed'] },
  warnAt: [0.5],
});
// Mon 16:00 opened; Tue 10:00 on hold; Tue 11:00 back in progress; evaluated Tue 13:00.
// Business time: Mon 16-17 (1 h) + Tue 09-10 (1 h) running = 2 h; paused 10-11; running 11-12 reaches 3 h
// at Tue 12:00 (the breach); 12-13 is running after the breach. 50 % = 1.5 h elapsed = Tue 09:30.
const timeline = [
  { at: '2026-11-23T16:00:00Z', record: { state: 'new' } },
  { at: '2026-11-24T10:00:00Z', record: { state: 'on_hold' } },
  { at: '2026-11-24T11:00:00Z', record: { state: 'in_progress' } },
];
const now = '2026-11-24T13:00:00Z';
const result = evaluateSla(policy, timeline, now);
const range = { from: '2026-11-23T15:00:00Z', to: '2026-11-24T14:00:00Z' };

/** Every element `<name ...>` (or self-closed) with its attributes, read with a simple scanner. */
function elements(svg: string, name: string): Array<Record<string, string>> {
  const out: Array<Record<string, string>> = [];
  for (const m of svg.matchAll(new RegExp(`<${name}\\s([^>]*?)/?>`, 'g'))) {
    const attrs: Record<string, string> = {};
    for (const a of (m[1] ?? '').matchAll(/([\w:-]+)="([^"]*)"/g)) attrs[a[1]!] = a[2]!;
    out.push(attrs);
  }
  return out;
}

describe('slaClockSegments', () => {
  it('cuts the clock into running, outside-hours, paused and overdue stretches (worked by hand above)', () => {
    const segments = slaClockSegments(policy, timeline, now).map((s) => [s.kind, s.start.toISOString(), s.end.toISOString()]);
    expect(segments).toEqual([
      ['running', '2026-11-23T16:00:00.000Z', '2026-11-23T17:00:00.000Z'],
      ['outside-hours', '2026-11-23T17:00:00.000Z', '2026-11-24T09:00:00.000Z'],
      ['running', '2026-11-24T09:00:00.000Z', '2026-11-24T10:00:00.000Z'],
      ['paused', '2026-11-24T10:00:00.000Z', '2026-11-24T11:00:00.000Z'],
      ['running', '2026-11-24T11:00:00.000Z', '2026-11-24T12:00:00.000Z'],
      ['overdue', '2026-11-24T12:00:00.000Z', '2026-11-24T13:00:00.000Z'],
    ]);
  });

  it('a retroactive start runs from the instant it names', () => {
    const retro = createSlaPolicy({ id: 'r', start: { field: 'state', op: 'eq', value: 'new' }, retroactiveStart: { field: 'openedAt' } });
    const segments = slaClockSegments(retro, [{ at: '2026-11-23T10:00:00Z', record: { state: 'new', openedAt: '2026-11-23T08:00:00Z' } }], '2026-11-23T11:00:00Z');
    expect(segments.map((s) => [s.kind, s.start.toISOString(), s.end.toISOString()])).toEqual([['running', '2026-11-23T08:00:00.000Z', '2026-11-23T11:00:00.000Z']]);
  });

  it('business time in running + overdue segments is elapsedMs, in paused ones pausedMs; outside-hours holds none', () => {
    fc.assert(
      fc.property(caseArb(policyShape({ resetOn: fc.constant(false) }), 8), ({ policy: def, timeline: entries, now: at }) => {
        const p = createSlaPolicy(def);
        const r = evaluateSla(p, entries, at);
        const segments = slaClockSegments(p, entries, at);
        const sum = (kinds: readonly SlaSegmentKind[]) =>
          segments.filter((s) => kinds.includes(s.kind)).reduce((acc, s) => acc + businessTimeBetween(p.calendar, s.start, s.end), 0);
        expect(sum(['running', 'overdue'])).toBe(r.elapsedMs);
        expect(sum(['paused'])).toBe(r.pausedMs);
        expect(sum(['outside-hours'])).toBe(0);
        segments.forEach((s, i) => {
          expect(s.end.getTime()).toBeGreaterThan(s.start.getTime());
          const next = segments[i + 1];
          if (next) expect(next.start.getTime()).toBeGreaterThanOrEqual(s.end.getTime());
          if (next && next.start.getTime() === s.end.getTime()) expect(next.kind).not.toBe(s.kind);
          if (s.kind === 'overdue') expect(s.start.getTime()).toBeGreaterThanOrEqual(r.breachedAt!.getTime());
        });
      }),
      { numRuns: 150 },
    );
  });
});

describe('slaTimelineSvg', () => {
  const svg = slaTimelineSvg(result, { policy, timeline, now, ...range, width: 1000, title: 'INC0010001' });
  const from = t(range.from);
  const to = t(range.to);

  it('is one accessible, self-contained svg element', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 ')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    const root = elements(svg, 'svg')[0]!;
    expect(root.role).toBe('img');
    const [titleId, descId] = root['aria-labelledby']!.split(' ');
    expect(svg).toContain(`<title id="${titleId}">INC0010001</title>`);
    expect(svg).toContain(`<desc id="${descId}">`);
    expect(svg).not.toMatch(/<script|<style|<image|<foreignObject|href=|url\(|@import/);
  });

  it('draws one rect per segment, with one legend entry per kind present and none for absent kinds', () => {
    const rects = elements(svg, 'rect').filter((r) => r['data-kind'] !== undefined);
    expect(rects.map((r) => [r['data-kind'], r['data-start'], r['data-end']])).toEqual(
      slaClockSegments(policy, timeline, now).map((s) => [s.kind, s.start.toISOString(), s.end.toISOString()]),
    );
    const legend = elements(svg, 'rect').map((r) => r['data-legend']).filter((k) => k !== undefined);
    expect(legend).toEqual(SLA_SEGMENT_KINDS.filter((k) => rects.some((r) => r['data-kind'] === k)));
    expect(legend).toEqual(['running', 'overdue', 'paused', 'outside-hours']);

    const met = evaluateSla(policy, timeline.slice(0, 1), '2026-11-23T16:30:00Z');
    const quiet = slaTimelineSvg(met, { policy, timeline: timeline.slice(0, 1), now: '2026-11-23T16:30:00Z' });
    expect(elements(quiet, 'rect').map((r) => r['data-legend']).filter(Boolean)).toEqual(['running']);
  });

  it('places segments, the warning and the breach at the x of their instants on the track', () => {
    const track = elements(svg, 'rect').find((r) => r['data-track'] === '0')!;
    const left = Number(track.x);
    const width = Number(track.width);
    const xOf = (ms: number) => left + ((ms - from) / (to - from)) * width;
    for (const r of elements(svg, 'rect').filter((e) => e['data-kind'])) {
      expect(Number(r.x)).toBeCloseTo(xOf(t(r['data-start']!)), 1);
      expect(Number(r.x) + Number(r.width)).toBeCloseTo(xOf(t(r['data-end']!)), 1);
    }
    const markers = elements(svg, 'line').filter((l) => l['data-marker']);
    expect(markers.map((m) => [m['data-marker'], m['data-at']])).toEqual([
      ['warning', '2026-11-24T09:30:00.000Z'],
      ['breach', '2026-11-24T12:00:00.000Z'],
    ]);
    expect(Number(markers[0]!.x1)).toBeCloseTo(xOf(t('2026-11-24T09:30:00Z')), 1);
    expect(markers[0]!['data-threshold']).toBe('0.5');
    expect(Number(markers[1]!.x1)).toBeCloseTo(xOf(t('2026-11-24T12:00:00Z')), 1);
  });

  it('escapes hostile titles and labels', () => {
    const hostile = '<script>alert("x")</script> & \'q\' \u0000\uD800 ]]>';
    const out = slaTimelineSvg([{ result, policy, label: hostile }], { timeline, now, title: hostile });
    expect(out).not.toContain('<script');
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;');
    expect(out).not.toMatch(/[\u0000\uD800]/);
    // Every '<' opens a known tag and every '&' starts an entity: the markup is well formed.
    for (const m of out.matchAll(/<(\/?)([^\s>/]*)/g)) expect(['svg', 'title', 'desc', 'rect', 'line', 'text', 'g']).toContain(m[2]);
    expect(out).not.toMatch(/&(?!(amp|lt|gt|quot|#39);)/);
  });

  it('is deterministic: the same inputs (even re-parsed from JSON) give the same bytes', () => {
    const again = slaTimelineSvg(evaluateSla(policy, JSON.parse(JSON.stringify(timeline)), now), { policy, timeline: JSON.parse(JSON.stringify(timeline)), now: t(now), ...range, width: 1000, title: 'INC0010001' });
    expect(again).toBe(svg);
  });

  it('refuses bad options with the field named', () => {
    const field = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(ItsmValidationError);
        return (e as ItsmValidationError).issues[0]?.path;
      }
      return 'no error';
    };
    expect(field(() => slaTimelineSvg(result, { timeline, now } as never))).toBe('policy');
    expect(field(() => slaTimelineSvg(result, { policy, timeline, now, width: 10 }))).toBe('width');
    expect(field(() => slaTimelineSvg(result, { policy, timeline, now, from: now, to: range.from }))).toBe('to');
    expect(field(() => slaTimelineSvg(result, { policy, timeline, now, timeZone: 'Mars/Olympus' }))).toBe('timeZone');
    expect(field(() => slaTimelineSvg(result, { policy, timeline, now, idPrefix: '"><x' }))).toBe('idPrefix');
  });
});
