import type { SlaResult } from '../result';
import { MARKER_STYLE, MUTED_COLOUR, SEGMENT_STYLE, TEXT_COLOUR, TRACK_COLOUR, type MarkerKind } from './palette';
import type { SlaClockSegment } from './segments';
import { formatWallTime } from './time-axis';
import { clip, escapeXml, formatDuration, num } from './xml';

/** Geometry and context shared by every lane (internal). */
export interface LaneFrame {
  readonly top: number;
  readonly index: number;
  readonly labelX: number;
  readonly plotLeft: number;
  readonly plotRight: number;
  readonly from: number;
  readonly to: number;
  readonly x: (ms: number) => number;
  readonly timeZone: string;
}

/** A marker drawn on a lane (internal). */
export interface LaneMarker {
  readonly kind: MarkerKind;
  readonly at: number;
  readonly text: string;
  readonly threshold?: number;
}

export const LANE_HEIGHT = 76;
const BAR_OFFSET = 24;
const BAR_HEIGHT = 22;

const iso = (ms: number) => new Date(ms).toISOString();

/** The one-line status of a clock, e.g. `met · 3h 12m of 4h 00m` or `running · 62% of 8h 00m`. */
export function statusLine(r: SlaResult): string {
  if (r.status === 'not_started') return 'not started';
  if (r.status === 'cancelled') return 'cancelled';
  const verdict = r.breached ? 'breached' : r.status === 'stopped' ? 'met' : r.status;
  if (r.targetMs === null) return `${verdict} · ${formatDuration(r.elapsedMs)} elapsed`;
  if (r.status === 'stopped') return `${verdict} · ${formatDuration(r.elapsedMs)} of ${formatDuration(r.targetMs)}`;
  return `${verdict} · ${Math.floor(r.percentage ?? 0)}% of ${formatDuration(r.targetMs)}`;
}

/** The markers of a result inside the axis range: warnings, then the breach, the due instant (if not breached) and the stop. */
export function laneMarkers(r: SlaResult, frame: Pick<LaneFrame, 'from' | 'to' | 'timeZone'>): LaneMarker[] {
  const out: LaneMarker[] = [];
  const add = (m: LaneMarker) => {
    if (m.at >= frame.from && m.at <= frame.to) out.push(m);
  };
  for (const w of r.warnings) add({ kind: 'warning', at: w.at.getTime(), text: `${num(w.threshold * 100)}%`, threshold: w.threshold });
  if (r.breachedAt !== null) add({ kind: 'breach', at: r.breachedAt.getTime(), text: `breach ${markerTime(r.breachedAt.getTime(), frame)}` });
  else if (r.dueAt !== null) add({ kind: 'due', at: r.dueAt.getTime(), text: `due ${markerTime(r.dueAt.getTime(), frame)}` });
  if (r.stoppedAt !== null && r.status === 'stopped') add({ kind: 'stop', at: r.stoppedAt.getTime(), text: 'stopped' });
  return out;
}

/** `16:12`, or `Mon 16:12` when the axis spans more than a day. */
function markerTime(ms: number, frame: Pick<LaneFrame, 'from' | 'to' | 'timeZone'>): string {
  const text = formatWallTime(ms, frame.timeZone);
  return frame.to - frame.from <= 86_400_000 ? text.slice(text.indexOf(' ') + 1) : text;
}

function anchorFor(x: number, frame: LaneFrame): string {
  if (x > frame.plotRight - 40) return 'end';
  if (x < frame.plotLeft + 40) return 'start';
  return 'middle';
}

function segmentRect(s: SlaClockSegment, frame: LaneFrame, barY: number): string {
  const start = Math.max(s.start.getTime(), frame.from);
  const end = Math.min(s.end.getTime(), frame.to);
  const style = SEGMENT_STYLE[s.kind];
  const tip = `${style.label}: ${formatWallTime(start, frame.timeZone, true)} to ${formatWallTime(end, frame.timeZone, true)}`;
  return (
    `<rect x="${num(frame.x(start))}" y="${num(barY)}" width="${num(frame.x(end) - frame.x(start))}" height="${BAR_HEIGHT}" fill="${style.fill}"` +
    ` data-lane="${frame.index}" data-kind="${s.kind}" data-start="${iso(start)}" data-end="${iso(end)}"><title>${escapeXml(tip)}</title></rect>`
  );
}

/** Where a marker's text goes: the row's y, or null when it would overlap every row (the line stays). */
type Placer = (m: LaneMarker, x: number) => number | null;

/**
 * Greedy label placement, left to right: warnings above the bar, the others below, each on the first
 * of two rows where it does not overlap the previous label of that row.
 */
function labelPlacer(barY: number): Placer {
  const rows = { above: [barY - 6, barY - 17], below: [barY + BAR_HEIGHT + 13, barY + BAR_HEIGHT + 24] };
  const lastEnd = new Map<number, number>();
  return (m, x) => {
    const half = (m.text.length * 5.6 + 6) / 2;
    for (const y of m.kind === 'warning' ? rows.above : rows.below) {
      if ((lastEnd.get(y) ?? -Infinity) <= x - half) {
        lastEnd.set(y, x + half);
        return y;
      }
    }
    return null;
  };
}

function markerLines(m: LaneMarker, frame: LaneFrame, barY: number, place: Placer): string {
  const style = MARKER_STYLE[m.kind];
  const x = frame.x(m.at);
  const textY = place(m, x);
  const dash = style.dash === null ? '' : ` stroke-dasharray="${style.dash}"`;
  const threshold = m.threshold === undefined ? '' : ` data-threshold="${num(m.threshold)}"`;
  const text = textY === null ? '' : `<text x="${num(x)}" y="${num(textY)}" font-size="10" fill="${style.stroke}" text-anchor="${anchorFor(x, frame)}">${escapeXml(m.text)}</text>`;
  return (
    `<line x1="${num(x)}" y1="${num(barY - 3)}" x2="${num(x)}" y2="${num(barY + BAR_HEIGHT + 3)}" stroke="${style.stroke}" stroke-width="${style.width}"${dash}` +
    ` data-lane="${frame.index}" data-marker="${m.kind}" data-at="${iso(m.at)}"${threshold}/>${text}`
  );
}

function placedMarkers(result: SlaResult, frame: LaneFrame, barY: number): string[] {
  const place = labelPlacer(barY);
  return laneMarkers(result, frame)
    .map((m, order) => ({ m, order }))
    .sort((a, b) => a.m.at - b.m.at || a.order - b.order)
    .map(({ m }) => markerLines(m, frame, barY, place));
}

/** The markup of one lane: label, status, track, segments and markers (internal). */
export function renderLane(label: string, result: SlaResult, segments: readonly SlaClockSegment[], frame: LaneFrame): string {
  const barY = frame.top + BAR_OFFSET;
  const visible = segments.filter((s) => s.end.getTime() > frame.from && s.start.getTime() < frame.to);
  return [
    `<g data-lane="${frame.index}">`,
    `<text x="${frame.labelX}" y="${num(barY + 9)}" font-size="12" font-weight="600" fill="${TEXT_COLOUR}">${escapeXml(clip(label, 24))}</text>`,
    `<text x="${frame.labelX}" y="${num(barY + 23)}" font-size="10.5" fill="${MUTED_COLOUR}">${escapeXml(statusLine(result))}</text>`,
    `<rect x="${num(frame.plotLeft)}" y="${num(barY)}" width="${num(frame.plotRight - frame.plotLeft)}" height="${BAR_HEIGHT}" fill="${TRACK_COLOUR}" data-track="${frame.index}"/>`,
    ...visible.map((s) => segmentRect(s, frame, barY)),
    ...placedMarkers(result, frame, barY),
    '</g>',
  ].join('');
}
