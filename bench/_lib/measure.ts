/**
 * Tiny benchmark helpers shared by bench/*.bench.ts. Figures are printed, never asserted: targets are
 * checked by reading ratios against a baseline measured in the same process.
 */

/** Result of {@link measure}: operations per second and nanoseconds per operation. */
export interface Measurement {
  name: string;
  ops: number;
  opsPerSec: number;
  nsPerOp: number;
}

/**
 * Runs `fn(i)` repeatedly for at least `minMs` (after a warm-up) and reports its throughput. `fn` should
 * return something derived from its work so the JIT cannot drop it; the values are folded into a sink.
 */
export function measure(name: string, fn: (i: number) => unknown, { minMs = 500, warmupMs = 150, batch = 64 } = {}): Measurement {
  let sink = 0;
  const fold = (v: unknown) => {
    sink ^= typeof v === 'number' ? v | 0 : v ? 1 : 0;
  };
  let i = 0;
  const warmEnd = performance.now() + warmupMs;
  while (performance.now() < warmEnd) for (let k = 0; k < batch; k++) fold(fn(i++));
  let ops = 0;
  const start = performance.now();
  let now = start;
  while (now - start < minMs) {
    for (let k = 0; k < batch; k++) fold(fn(i++));
    ops += batch;
    now = performance.now();
  }
  const elapsed = now - start;
  (globalThis as { __benchSink?: number }).__benchSink = sink;
  return { name, ops, opsPerSec: (ops / elapsed) * 1000, nsPerOp: (elapsed * 1e6) / ops };
}

/** Formats a number with thousands separators. */
export function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** Prints measurements as a table, each with its ratio to `baseline` (cost relative to the baseline). */
export function printTable(title: string, rows: Measurement[], baseline?: Measurement): void {
  console.log(`\n## ${title}`);
  const width = Math.max(...rows.map((r) => r.name.length), 10);
  for (const r of rows) {
    const ratio = baseline ? `  cost x${fmt(r.nsPerOp / baseline.nsPerOp, 2)} of "${baseline.name}"` : '';
    console.log(`${r.name.padEnd(width)}  ${fmt(r.opsPerSec).padStart(14)} ops/s  ${fmt(r.nsPerOp, 1).padStart(12)} ns/op${ratio}`);
  }
}
