import { expectTypeOf, test } from 'vitest';
import { createSlaPolicy, evaluateSla, slaStatus, startSla, type SlaClockStatus, type SlaResult, type SlaState } from 'itsm-kit/sla';

test('public types', () => {
  const policy = createSlaPolicy({ id: 'p', start: { field: 'state', op: 'exists' } });
  expectTypeOf(evaluateSla(policy, [], 0)).toEqualTypeOf<SlaResult>();
  expectTypeOf<SlaResult['status']>().toEqualTypeOf<SlaClockStatus>();
  expectTypeOf<SlaResult['dueAt']>().toEqualTypeOf<Date | null>();
  expectTypeOf(startSla(policy)).toEqualTypeOf<SlaState>();
  expectTypeOf(slaStatus).parameter(1).toEqualTypeOf<string | number | Date>();
  // @ts-expect-error an unknown operator is a type error
  createSlaPolicy({ id: 'p', start: { field: 'state', op: 'like', value: 'x' } });
});
