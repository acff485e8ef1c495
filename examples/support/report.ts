/**
 * Tiny console-report helpers shared by the examples: aligned tables, headings and Berlin wall-clock
 * times. (Not part of the library.)
 */

/** Prints a heading underlined with `=`. */
export function heading(text: string): void {
  console.log(`\n${text}\n${'='.repeat(text.length)}`);
}

/** Prints an aligned table; columns whose cells are all numbers-like are right-aligned. */
export function table(headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): void {
  const cells = rows.map((r) => r.map(String));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const numeric = headers.map((_, i) => cells.length > 0 && cells.every((r) => /^-?[\d.,]+ ?(%|ms|s)?$/.test(r[i] ?? '')));
  const line = (r: readonly string[]) => `  ${r.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ')}`.trimEnd();
  console.log(line(headers));
  console.log(`  ${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of cells) console.log(line(r));
}

const berlin = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', weekday: 'short', day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

/** `Mon 23 Nov 08:12:30` in Berlin time, or `-`. */
export function at(instant: Date | number | string | null | undefined): string {
  if (instant === null || instant === undefined) return '-';
  const parts = Object.fromEntries(berlin.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** A duration as `1h 07m 30s`, `12m 00s` or `45s`; `-` for null. */
export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '-';
  const sign = ms < 0 ? '-' : '';
  const s = Math.round(Math.abs(ms) / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  if (h > 0) return `${sign}${h}h ${String(m).padStart(2, '0')}m ${sec}s`;
  if (m > 0) return `${sign}${m}m ${sec}s`;
  return `${sign}${s}s`;
}

/** A percentage with one decimal, or `-`. */
export function pct(value: number | null | undefined): string {
  return value === null || value === undefined ? '-' : `${value.toFixed(1)} %`;
}

/** Throws when a workflow outcome is a refusal, returning the accepted outcome otherwise. */
export function ok<T extends { ok: boolean }>(outcome: T): Extract<T, { ok: true }> {
  if (!outcome.ok) throw new Error(`refused: ${JSON.stringify((outcome as { error?: unknown }).error)}`);
  return outcome as Extract<T, { ok: true }>;
}
