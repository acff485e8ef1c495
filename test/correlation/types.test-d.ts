import { expectTypeOf, test } from 'vitest';
import { createCorrelator, type Decision, type CorrelatorOutput } from 'itsm-kit/correlation';

test('decisions narrow on type', () => {
  const c = createCorrelator({ rules: [{ id: 'all' }] });
  const out = c.ingest(c.initialState(), [], 0);
  expectTypeOf(out).toEqualTypeOf<CorrelatorOutput>();
  const d = out.decisions[0] as Decision;
  if (d.type === 'open-incident') {
    expectTypeOf(d.priority).toEqualTypeOf<1 | 2 | 3 | 4 | 5>();
    expectTypeOf(d.rootCauseCiId).toEqualTypeOf<string | null>();
  }
  if (d.type === 'suppressed') expectTypeOf(d.reason).toEqualTypeOf<'inhibited' | 'maintenance' | 'flapping' | 'paused'>();
  // @ts-expect-error alerts must be alerts
  c.ingest(c.initialState(), [{ id: 1 }], 0);
});
