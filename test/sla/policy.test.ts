import { describe, expect, it } from 'vitest';
import { ItsmValidationError } from 'itsm-kit/models';
import { createSlaPolicy, evaluateSla, SLA_LIMITS, SlaPolicyDefinitionSchema, type SlaCondition, type SlaPolicyDefinitionInput } from 'itsm-kit/sla';

const base: SlaPolicyDefinitionInput = { id: 'p', start: { field: 'state', op: 'eq', value: 'new' }, target: { durationMs: 60_000 } };

function issuesOf(input: unknown): Array<{ path: string; message: string }> {
  try {
    createSlaPolicy(input as SlaPolicyDefinitionInput);
  } catch (e) {
    expect(e).toBeInstanceOf(ItsmValidationError);
    return (e as ItsmValidationError).issues.map(({ path, message }) => ({ path, message }));
  }
  throw new Error('expected createSlaPolicy to throw');
}

describe('createSlaPolicy validation names the bad field', () => {
  it.each([
    [{ ...base, id: '' }, 'id'],
    [{ ...base, target: { durationMs: 0 } }, 'target.durationMs'],
    [{ ...base, target: { durationMs: 1.5 } }, 'target.durationMs'],
    [{ ...base, target: { field: 'priority', durationsMs: { '1': -5 } } }, 'target.durationsMs.1'],
    [{ ...base, warnAt: [0.75, 0.5] }, 'warnAt'],
    [{ ...base, warnAt: [0, 0.5] }, 'warnAt.0'],
    [{ ...base, warnAt: [1.5] }, 'warnAt.0'],
    [{ ...base, start: { field: 'state', op: 'eq' } }, 'start.value'],
    [{ ...base, start: { field: 'state', op: 'in', value: 'new' } }, 'start.value'],
    [{ ...base, start: { field: '', op: 'exists' } }, 'start.field'],
    [{ ...base, start: { field: 'a..b', op: 'exists' } }, 'start.field'],
    [{ ...base, start: { field: 'a.__proto__.b', op: 'exists' } }, 'start.field'],
    [{ ...base, pause: { any: [{ field: 'state', op: 'eq', value: 'x' }, { field: 'y', op: 'gt', value: true }] } }, 'pause.any.1.value'],
    [{ ...base, stop: { all: [] } }, 'stop.all'],
    [{ ...base, calendar: { timeZone: 'Mars/Olympus', week: {} } }, 'calendar.timeZone'],
    [{ ...base, calendar: { timeZone: 'UTC', week: { mon: [{ start: '25:00', end: '26:00' }] } } }, 'calendar.week.mon.0.start'],
    [{ ...base, retroactiveStart: { field: 'constructor' } }, 'retroactiveStart.field'],
    [{ ...base, surprise: 1 }, ''],
  ])('%j -> %s', (input, path) => {
    expect(issuesOf(input).map((i) => i.path)).toContain(path);
  });

  it('reports an unknown operator at op', () => {
    expect(issuesOf({ ...base, start: { field: 'state', op: 'like', value: 'x' } })[0]?.path).toBe('start.op');
  });

  it('refuses __proto__ as a target key without touching any prototype', () => {
    const input = JSON.parse('{"id":"p","start":{"field":"s","op":"exists"},"target":{"field":"p","durationsMs":{"__proto__":5}}}') as unknown;
    expect(issuesOf(input)[0]?.path).toMatch(/^target\.durationsMs/);
    expect(({} as Record<string, unknown>).durationMs).toBeUndefined();
  });

  it('bounds condition depth and size before parsing, without overflowing the stack', () => {
    let deep: SlaCondition = { field: 'state', op: 'exists' };
    for (let i = 0; i < 50_000; i++) deep = { not: deep };
    expect(issuesOf({ ...base, start: deep })[0]?.message).toMatch(/nested at most/);
    const wide: SlaCondition = { any: Array.from({ length: 3 }, () => ({ all: Array.from({ length: 90 }, () => ({ field: 'a', op: 'exists' as const })) })) };
    expect(issuesOf({ ...base, start: wide })[0]?.message).toMatch(`at most ${SLA_LIMITS.conditionNodes} nodes`);
  });

  it('accepts the contract example and freezes the definition', () => {
    const policy = createSlaPolicy({
      id: 'incident-resolution',
      name: 'Incident resolution',
      calendar: { timeZone: 'Europe/Berlin', week: { mon: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:30' }] } },
      target: { field: 'priority', durationsMs: { '1': 4 * 3600e3, '2': 8 * 3600e3, '3': 24 * 3600e3 } },
      start: { field: 'state', op: 'in', value: ['new', 'in_progress'] },
      pause: { field: 'state', op: 'eq', value: 'on_hold' },
      stop: { field: 'state', op: 'in', value: ['resolved', 'closed'] },
      cancel: { field: 'state', op: 'eq', value: 'canceled' },
      warnAt: [0.5, 0.75],
    });
    expect(policy.id).toBe('incident-resolution');
    expect(Object.isFrozen(policy.definition.start)).toBe(true);
    expect(SlaPolicyDefinitionSchema.safeParse(policy.definition).success).toBe(true);
  });
});

describe('conditions', () => {
  const at = 0;
  const running = (start: SlaCondition, record: Record<string, unknown>) =>
    evaluateSla(createSlaPolicy({ id: 'c', start }), [{ at, record }], 1).status === 'running';

  it.each<[SlaCondition, Record<string, unknown>, boolean]>([
    [{ field: 'state', op: 'eq', value: 'new' }, { state: 'new' }, true],
    [{ field: 'state', op: 'eq', value: 'new' }, { state: 'New' }, false],
    [{ field: 'priority', op: 'eq', value: 1 }, { priority: '1' }, false],
    [{ field: 'state', op: 'neq', value: 'new' }, {}, true],
    [{ field: 'state', op: 'in', value: ['a', 'b'] }, { state: 'b' }, true],
    [{ field: 'state', op: 'notIn', value: ['a', 'b'] }, { state: 'c' }, true],
    [{ field: 'state', op: 'notIn', value: ['a', 'b'] }, { state: 'a' }, false],
    [{ field: 'owner', op: 'exists' }, { owner: null }, false],
    [{ field: 'owner', op: 'exists' }, { owner: '' }, true],
    [{ field: 'owner', op: 'notExists' }, {}, true],
    [{ field: 'a.b.c', op: 'eq', value: 3 }, { a: { b: { c: 3 } } }, true],
    [{ field: 'a.b.c', op: 'eq', value: 3 }, { a: 'abc' }, false],
    [{ field: 'priority', op: 'gt', value: 2 }, { priority: 3 }, true],
    [{ field: 'priority', op: 'gte', value: 3 }, { priority: 3 }, true],
    [{ field: 'priority', op: 'lt', value: 3 }, { priority: 3 }, false],
    [{ field: 'priority', op: 'lte', value: 3 }, { priority: '3' }, false],
    [{ field: 'due', op: 'lt', value: '2026-12-01' }, { due: '2026-11-30' }, true],
    [{ field: 'openedAt', op: 'gte', value: 1_000 }, { openedAt: new Date(1_000) }, true],
    [{ field: 'openedAt', op: 'eq', value: 1_000 }, { openedAt: new Date(1_000) }, true],
    [{ all: [{ field: 'a', op: 'exists' }, { not: { field: 'b', op: 'exists' } }] }, { a: 1 }, true],
    [{ any: [{ field: 'a', op: 'exists' }, { field: 'b', op: 'exists' }] }, {}, false],
    [{ field: 'state', op: 'changed' }, { state: 'x' }, true],
    [{ field: 'state', op: 'changed' }, {}, false],
  ])('%j on %j is %s', (condition, record, expected) => {
    expect(running(condition, record)).toBe(expected);
  });

  it('reads only own properties (inherited and polluted names are absent)', () => {
    const record = Object.create({ state: 'new' }) as Record<string, unknown>;
    expect(running({ field: 'state', op: 'exists' }, record)).toBe(false);
    expect(running({ field: 'toString', op: 'exists' }, {})).toBe(false);
    expect(running({ field: 'length', op: 'exists' }, { length: undefined })).toBe(false);
  });

  it('reads only own properties while Object.prototype itself is polluted (fields, nested segments, an entry\'s at and record)', () => {
    const proto = Object.prototype as Record<string, unknown>;
    const flat = createSlaPolicy({ id: 'f', start: { field: 'state', op: 'eq', value: 'new' } });
    const nested = createSlaPolicy({ id: 'n', start: { field: 'a.state', op: 'eq', value: 'new' }, target: { durationMs: 1_000 } });
    const status = (policy: typeof flat, record: Record<string, unknown>) => evaluateSla(policy, [{ at: 0, record }], 500).status;
    // Non-enumerable, as an enumerable polluted key is refused outright as an unknown entry field.
    const pollute = (key: string, value: unknown) => Object.defineProperty(proto, key, { value, configurable: true, enumerable: false });
    try {
      pollute('state', 'new');
      pollute('a', { state: 'new' });
      expect(status(flat, {})).toBe('not_started');
      expect(status(flat, { other: 1 })).toBe('not_started');
      expect(status(flat, { state: 'new' })).toBe('running');
      expect(status(nested, { a: {} })).toBe('not_started');
      expect(status(nested, {})).toBe('not_started');
      expect(evaluateSla(nested, [{ at: 0, record: { a: { state: 'new' } } }], 500).elapsedMs).toBe(500);
    } finally {
      delete proto.state;
      delete proto.a;
    }
    try {
      pollute('record', { state: 'new' });
      expect(() => evaluateSla(flat, [{ at: 0 } as never], 500)).toThrow(/timeline\.0\.record/);
    } finally {
      delete proto.record;
    }
  });

  it('changed compares objects by content and a Date with its epoch ms', () => {
    const policy = createSlaPolicy({ id: 'c', start: { field: 's', op: 'exists' }, target: { durationMs: 1_000 }, resetOn: { field: 'v', op: 'changed' } });
    const run = (a: unknown, b: unknown) => evaluateSla(policy, [{ at: 0, record: { s: 1, v: a } }, { at: 500, record: { s: 1, v: b } }], 800).elapsedMs;
    expect(run({ x: 1, y: [1, 2] }, { y: [1, 2], x: 1 })).toBe(800);
    expect(run({ x: 1 }, { x: 2 })).toBe(300);
    expect(run(new Date(5), 5)).toBe(800);
    expect(run('5', 5)).toBe(300);
    expect(run(null, undefined)).toBe(300);
  });
});

describe('targets by field', () => {
  const policy = createSlaPolicy({ id: 't', start: { field: 's', op: 'exists' }, target: { field: 'p', durationsMs: { '1': 10, '01': 20, 'true': 30, '2.5': 40, 'high': 50 } } });
  const targetFor = (p: unknown) => evaluateSla(policy, [{ at: 0, record: { s: 1, p } }], 0).targetMs;
  it.each<[unknown, number | null]>([
    [1, 10], ['1', 10], ['01', 20], [true, 30], [2.5, 40], ['2.5', 40], ['high', 50], [2, null], [null, null], [undefined, null], [{ toString: () => '1' }, null],
  ])('value %j picks %j', (value, expected) => {
    expect(targetFor(value)).toBe(expected);
  });
});
