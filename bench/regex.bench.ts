/**
 * Linear-time rule regexes: the catastrophic pattern `(a+)+$` in a correlation matcher (re2js) on
 * 100,000 'a' + '!', next to JS RegExp on the same pattern with only 28 'a' + '!' (each extra 'a'
 * doubles RegExp's time, so a longer input would not terminate in any useful time). Then a literal
 * pattern (`prod-.*|staging`) on 40,000 distinct host values, too many for the matcher's memo: the
 * matcher's string fast path against re2js on the same values.
 */
import { RE2JS } from 're2js';
import { compileRegex } from '../src/correlation/matchers';
import { createAlertMatcher } from '../src/correlation/index';
import { anAlert } from '../src/testing/index';
import { fmt, measure } from './_lib/measure';

function timeOnce(fn: () => unknown): { ms: number; result: unknown } {
  const start = performance.now();
  const result = fn();
  return { ms: performance.now() - start, result };
}

export default function run(): void {
  const matcher = createAlertMatcher([{ label: 'service', op: 'regex', value: '(a+)+$' }]);
  const base = anAlert();
  const alert = (service: string) => ({ ...base, labels: { ...base.labels, service } });
  matcher(alert('aaa!')); // warm-up
  console.log('\n## (a+)+$ on a^n + "!" (no match)');
  for (const n of [1_000, 10_000, 100_000]) {
    const { ms, result } = timeOnce(() => matcher(alert(`${'a'.repeat(n)}!`)));
    console.log(`re2js matcher, n = ${fmt(n).padStart(7)}: ${fmt(ms, 2).padStart(9)} ms  (matched: ${String(result)})`);
  }
  const js = /^(?:(a+)+$)$/;
  for (const n of [20, 24, 28]) {
    const { ms, result } = timeOnce(() => js.test(`${'a'.repeat(n)}!`));
    console.log(`JS RegExp,      n = ${fmt(n).padStart(7)}: ${fmt(ms, 2).padStart(9)} ms  (matched: ${String(result)})`);
  }
  literalPattern();
}

function literalPattern(): void {
  const pattern = 'prod-.*|staging';
  const values = Array.from({ length: 40_000 }, (_, i) => (i % 3 === 0 ? `prod-web-${i}` : i % 3 === 1 ? `test-${i}` : `host-${i}`));
  const engine = RE2JS.compile(`^(?:${pattern})$`);
  const fast = compileRegex(pattern, ['value']);
  const baseline = measure('re2js', (i) => engine.matches(values[i % values.length]!));
  const ours = measure('matcher', (i) => fast(values[i % values.length]!));
  console.log(`\n## literal pattern ${pattern} on ${fmt(values.length)} distinct values`);
  console.log(`re2js:   ${fmt(baseline.nsPerOp, 1).padStart(8)} ns/value`);
  console.log(`matcher: ${fmt(ours.nsPerOp, 1).padStart(8)} ns/value  (x${fmt(baseline.nsPerOp / ours.nsPerOp, 1)} faster, same answers by the property test)`);
}
