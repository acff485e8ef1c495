/**
 * Linear-time rule regexes: the catastrophic pattern `(a+)+$` in a correlation matcher (re2js) on
 * 100,000 'a' + '!', next to JS RegExp on the same pattern with only 28 'a' + '!' (each extra 'a'
 * doubles RegExp's time, so a longer input would not terminate in any useful time).
 */
import { createAlertMatcher } from '../src/correlation/index';
import { anAlert } from '../src/testing/index';
import { fmt } from './_lib/measure';

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
}
