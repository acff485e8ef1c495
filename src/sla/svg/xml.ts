/**
 * XML text helpers for the SVG timeline (internal): escaping of user data and deterministic numbers.
 */

/** Characters XML 1.0 does not allow at all (C0 controls other than tab, LF, CR; U+FFFE, U+FFFF). */
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
/** A high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for an XML text node or a double- or single-quoted attribute: `& < > " '` become
 * entities, and characters XML cannot carry at all (control characters, lone surrogates) are dropped,
 * so any user string yields well-formed markup.
 */
export function escapeXml(text: string): string {
  return text.replace(INVALID_XML_CHARS, '').replace(LONE_SURROGATES, '').replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

/** Shortens `text` to at most `max` code points, ending with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const points = Array.from(text);
  return points.length <= max ? text : `${points.slice(0, max - 1).join('')}…`;
}

/** A coordinate with at most two decimals, never `-0`: the same number always prints the same way. */
export function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(rounded === 0 ? 0 : rounded);
}

/** A business or wall-clock duration as `2d 3h 05m`, `3h 05m` or `12m` (seconds dropped). */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const d = Math.floor(minutes / 1_440);
  const h = Math.floor((minutes % 1_440) / 60);
  const m = String(minutes % 60).padStart(2, '0');
  if (d > 0) return `${sign}${d}d ${h}h ${m}m`;
  if (h > 0) return `${sign}${h}h ${m}m`;
  return `${sign}${minutes % 60}m`;
}
