import type { SlaResult } from '../result';
import { LANE_HEIGHT, renderLane, statusLine } from './lane';
import { resolveOptions, type ResolvedOptions, type SlaTimelineLane, type SlaTimelineSvgOptions } from './options';
import { GRID_COLOUR, MARKER_STYLE, MUTED_COLOUR, SEGMENT_STYLE, TEXT_COLOUR, type MarkerKind } from './palette';
import { clockSegments, SLA_SEGMENT_KINDS, type SlaClockSegment } from './segments';
import { axisTicks, formatWallTime, linearScale } from './time-axis';
import { clip, escapeXml, formatDuration, num } from './xml';

const PAD = 16;
const LABEL_WIDTH = 176;
const LANES_TOP = 54;
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

/**
 * Draws SLA clocks as an SVG timeline: one lane per clock, with the time it ran (green), ran after
 * the breach (red), was paused (blue) and spent outside business hours (grey), warning markers at the
 * instants each threshold was crossed, the breach (or the due instant) and the stop, a time axis in the
 * calendar's zone and a legend of what is shown.
 *
 * A pure function: a string out, no DOM, no I/O, the same inputs always giving the same bytes. The
 * result's segments are recomputed from the policy, the timeline and `now` (the SLA result alone does
 * not carry them); the markers come from the result. The SVG is embeddable as it is: a `viewBox`,
 * system fonts only, no scripts, styles or external references; `role="img"` with a `<title>` and a
 * `<desc>` summarising each clock; every text (the title and labels come from user data) is
 * XML-escaped. Each shape carries `data-*` attributes (`data-kind`, `data-start`, `data-end`,
 * `data-marker`, `data-at`) for hosts that add tooltips or tests.
 *
 * @param result - An SLA result (then `options.policy` is required), or several clocks as lanes.
 * @param options - The timeline and `now` the result was evaluated with, and the picture's settings.
 * Throws `ItsmValidationError` naming a bad option (`policy`, `now`, `to`, `width`, `timeZone`...).
 *
 * @example
 * import { createSlaPolicy, evaluateSla, incidentResolutionPolicy, slaTimelineSvg } from 'itsm-kit/sla';
 * const policy = createSlaPolicy(incidentResolutionPolicy({ calendar: berlinDesk }));
 * const now = '2026-11-23T17:00:00Z';
 * const svg = slaTimelineSvg(evaluateSla(policy, timeline, now), { policy, timeline, now, title: 'INC0010001' });
 * // write it to a file, or drop it into a page as it is: element.innerHTML = svg
 */
export function slaTimelineSvg(result: SlaResult | readonly SlaTimelineLane[], options: SlaTimelineSvgOptions): string {
  const o = resolveOptions(result, options);
  const plotLeft = PAD + LABEL_WIDTH;
  const plotRight = o.width - PAD - 20;
  const x = linearScale(o.from, o.to, plotLeft, plotRight - plotLeft);
  const lanes = o.lanes.map((lane) => ({ ...lane, segments: visibleSegments(lane, o) }));
  const axisY = LANES_TOP + lanes.length * LANE_HEIGHT + 4;
  const legendY = axisY + 40;
  const height = legendY + 18;
  const ticks = axisTicks(o.from, o.to, o.timeZone, Math.max(2, Math.floor((plotRight - plotLeft) / 90)));
  const ids = { title: `${o.idPrefix}-title`, desc: `${o.idPrefix}-desc` };
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${o.width} ${height}" width="${o.width}" height="${height}" role="img"`,
    ` aria-labelledby="${ids.title} ${ids.desc}" font-family="${FONT}">`,
    `<title id="${ids.title}">${escapeXml(o.title)}</title>`,
    `<desc id="${ids.desc}">${escapeXml(description(o))}</desc>`,
    `<rect x="0" y="0" width="${o.width}" height="${height}" fill="#ffffff" data-background="1"/>`,
    `<text x="${PAD}" y="24" font-size="16" font-weight="700" fill="${TEXT_COLOUR}">${escapeXml(clip(o.title, 90))}</text>`,
    `<text x="${PAD}" y="41" font-size="11" fill="${MUTED_COLOUR}">${escapeXml(subtitle(o))}</text>`,
    ...ticks.map((t) => `<line x1="${num(x(t.at))}" y1="${LANES_TOP}" x2="${num(x(t.at))}" y2="${axisY}" stroke="${GRID_COLOUR}" stroke-width="1"/>`),
    ...lanes.map((lane, index) =>
      renderLane(lane.label, lane.result, lane.segments, { top: LANES_TOP + index * LANE_HEIGHT, index, labelX: PAD, plotLeft, plotRight, from: o.from, to: o.to, x, timeZone: o.timeZone }),
    ),
    `<line x1="${plotLeft}" y1="${axisY}" x2="${plotRight}" y2="${axisY}" stroke="${MUTED_COLOUR}" stroke-width="1"/>`,
    ...ticks.map(
      (t) =>
        `<line x1="${num(x(t.at))}" y1="${axisY}" x2="${num(x(t.at))}" y2="${axisY + 5}" stroke="${MUTED_COLOUR}" stroke-width="1"/>` +
        `<text x="${num(x(t.at))}" y="${axisY + 18}" font-size="10" fill="${MUTED_COLOUR}" text-anchor="middle" data-tick="${new Date(t.at).toISOString()}">${escapeXml(t.label)}</text>`,
    ),
    legend(lanes, legendY, o),
    '</svg>',
  ].join('');
}

function visibleSegments(lane: ResolvedOptions['lanes'][number], o: ResolvedOptions): SlaClockSegment[] {
  const breachedAt = lane.result.breachedAt === null ? null : lane.result.breachedAt.getTime();
  return clockSegments(lane.policy, lane.timeline, o.now, breachedAt).filter((s) => s.end.getTime() > o.from && s.start.getTime() < o.to);
}

function subtitle(o: ResolvedOptions): string {
  return `${formatWallTime(o.from, o.timeZone, true)} to ${formatWallTime(o.to, o.timeZone, true)} (${o.timeZone})`;
}

/** The accessible description: each clock's status, elapsed and target, warnings and breach. */
function description(o: ResolvedOptions): string {
  const lines = o.lanes.map((lane) => {
    const r = lane.result;
    const parts = [`${lane.label}: ${statusLine(r)}`];
    if (r.warnings.length > 0) parts.push(`warnings at ${r.warnings.map((w) => `${num(w.threshold * 100)}% (${formatWallTime(w.at.getTime(), o.timeZone)})`).join(', ')}`);
    if (r.breachedAt !== null) parts.push(`breached at ${formatWallTime(r.breachedAt.getTime(), o.timeZone)}`);
    if (r.pausedMs > 0) parts.push(`paused ${formatDuration(r.pausedMs)}`);
    return `${parts.join('; ')}.`;
  });
  return `SLA timeline, ${subtitle(o)}. ${lines.join(' ')}`;
}

/** One legend entry per segment kind and marker kind actually drawn. */
function legend(lanes: ReadonlyArray<{ segments: readonly SlaClockSegment[] }>, y: number, o: ResolvedOptions): string {
  const kinds = SLA_SEGMENT_KINDS.filter((k) => lanes.some((l) => l.segments.some((s) => s.kind === k)));
  const markers = new Set<MarkerKind>();
  for (const lane of o.lanes) {
    const r = lane.result;
    const inRange = (d: Date | null) => d !== null && d.getTime() >= o.from && d.getTime() <= o.to;
    if (r.warnings.some((w) => inRange(w.at))) markers.add('warning');
    if (inRange(r.breachedAt)) markers.add('breach');
    else if (inRange(r.dueAt)) markers.add('due');
    if (r.status === 'stopped' && inRange(r.stoppedAt)) markers.add('stop');
  }
  const items: string[] = [];
  let cursor = PAD + LABEL_WIDTH;
  for (const kind of kinds) {
    const { fill, label } = SEGMENT_STYLE[kind];
    items.push(`<rect x="${cursor}" y="${y - 10}" width="12" height="12" fill="${fill}" data-legend="${kind}"/><text x="${cursor + 17}" y="${y}" font-size="11" fill="${TEXT_COLOUR}">${label}</text>`);
    cursor += 28 + label.length * 6;
  }
  for (const kind of (['warning', 'breach', 'due', 'stop'] as const).filter((k) => markers.has(k))) {
    const s = MARKER_STYLE[kind];
    const dash = s.dash === null ? '' : ` stroke-dasharray="${s.dash}"`;
    items.push(`<line x1="${cursor + 6}" y1="${y - 12}" x2="${cursor + 6}" y2="${y + 3}" stroke="${s.stroke}" stroke-width="${s.width}"${dash} data-legend="${kind}"/><text x="${cursor + 14}" y="${y}" font-size="11" fill="${TEXT_COLOUR}">${s.label}</text>`);
    cursor += 26 + s.label.length * 6;
  }
  return `<g data-legend-items="${items.length}">${items.join('')}</g>`;
}
