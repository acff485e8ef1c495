import { describe, expectTypeOf, it } from 'vitest';
import {
  parseIncident, priorityOf, type Alert, type Change, type Incident, type ItsmValidationError, type Priority,
} from 'itsm-kit/models';

describe('model types', () => {
  it('infers literal unions for levels and states', () => {
    expectTypeOf<Incident['priority']>().toEqualTypeOf<1 | 2 | 3 | 4 | 5>();
    expectTypeOf<Incident['impact']>().toEqualTypeOf<1 | 2 | 3>();
    expectTypeOf<Incident['state']>().toEqualTypeOf<'new' | 'in_progress' | 'on_hold' | 'resolved' | 'closed' | 'canceled'>();
    expectTypeOf<Change['type']>().toEqualTypeOf<'normal' | 'standard' | 'emergency'>();
    expectTypeOf<Alert['labels']>().toEqualTypeOf<Record<string, string>>();
  });

  it('narrows parse results on ok', () => {
    const r = parseIncident({});
    if (r.ok) expectTypeOf(r.value).toEqualTypeOf<Incident>();
    else expectTypeOf(r.error).toEqualTypeOf<ItsmValidationError>();
  });

  it('types priorityOf as a Priority', () => {
    expectTypeOf(priorityOf(1, 1)).toEqualTypeOf<Priority>();
    // @ts-expect-error impact must be a number
    priorityOf('1', 1);
  });
});
