/** fast-check generators of SLA policies, timelines and evaluation instants, shared by the property tests. */
import fc from 'fast-check';
import type { CalendarDefinition } from 'itsm-kit/calendar';
import type { SlaCondition, SlaPolicyDefinitionInput } from 'itsm-kit/sla';

const H = 3_600_000;
const DAY = 24 * H;
const office = [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:30' }];

/** 24x7 (undefined) and business calendars with DST, split days, an overnight shift, holidays and overrides. */
export const CALENDARS: ReadonlyArray<CalendarDefinition | undefined> = [
  undefined,
  {
    timeZone: 'Europe/Berlin',
    week: { mon: office, tue: office, wed: office, thu: office, fri: office },
    holidays: [{ date: '2026-10-26' }, { date: '2026-03-30' }],
    overrides: [{ date: '2026-10-24', hours: [{ start: '10:00', end: '14:00' }] }],
  },
  {
    timeZone: 'America/Chicago',
    week: { mon: [{ start: '07:00', end: '19:00' }], wed: [{ start: '07:00', end: '19:00' }], fri: [{ start: '07:00', end: '19:00' }], sat: [{ start: '22:00', end: '06:00' }] },
  },
  { timeZone: 'Asia/Kolkata', week: { mon: [{ start: '09:30', end: '18:00' }], tue: [{ start: '09:30', end: '18:00' }], thu: [{ start: '09:30', end: '18:00' }] } },
];

const STATES = ['new', 'in_progress', 'on_hold', 'pending', 'resolved', 'closed', 'canceled'] as const;

export interface PolicyShape {
  resetOn: boolean;
  retroactive: boolean;
  pause: 'none' | 'on_hold' | 'waiting';
}

export const policyShape = (overrides: Partial<Record<keyof PolicyShape, fc.Arbitrary<unknown>>> = {}): fc.Arbitrary<PolicyShape> =>
  fc.record({
    resetOn: fc.boolean(),
    retroactive: fc.boolean(),
    pause: fc.constantFrom('none', 'on_hold', 'waiting'),
    ...overrides,
  }) as fc.Arbitrary<PolicyShape>;

const duration = fc.oneof(fc.integer({ min: 1, max: H }), fc.integer({ min: H, max: 3 * DAY }));

export function policyArb(shape: fc.Arbitrary<PolicyShape> = policyShape()): fc.Arbitrary<SlaPolicyDefinitionInput> {
  return fc
    .record({
      shape,
      calendar: fc.constantFrom(...CALENDARS),
      target: fc.oneof(
        fc.record({ durationMs: duration }),
        fc.record({ field: fc.constant('priority'), durationsMs: fc.record({ '1': duration, '2': duration, '3': duration, '4': duration }, { requiredKeys: ['1', '3'] }) }),
        fc.constant(undefined),
      ),
      warnAt: fc.subarray([0.25, 0.5, 0.7, 0.75, 0.9, 1]),
      complexStart: fc.boolean(),
      cancel: fc.boolean(),
    })
    .map(({ shape, calendar, target, warnAt, complexStart, cancel }) => {
      const open: SlaCondition = { field: 'state', op: 'in', value: ['new', 'in_progress'] };
      const pause: Record<PolicyShape['pause'], SlaCondition | undefined> = {
        none: undefined,
        on_hold: { field: 'state', op: 'eq', value: 'on_hold' },
        waiting: { any: [{ field: 'state', op: 'eq', value: 'on_hold' }, { all: [{ field: 'state', op: 'eq', value: 'pending' }, { not: { field: 'priority', op: 'lte', value: 1 } }] }] },
      };
      const def: SlaPolicyDefinitionInput = {
        id: 'p',
        start: complexStart ? { all: [open, { field: 'priority', op: 'lt', value: 5 }] } : open,
        stop: { field: 'state', op: 'in', value: ['resolved', 'closed'] },
        ...(calendar === undefined ? {} : { calendar }),
        ...(target === undefined ? {} : { target }),
        ...(warnAt.length > 0 ? { warnAt } : {}),
        ...(pause[shape.pause] === undefined ? {} : { pause: pause[shape.pause] }),
        ...(cancel ? { cancel: { field: 'state', op: 'eq', value: 'canceled' } } : {}),
        ...(shape.resetOn ? { resetOn: { field: 'agentUpdate', op: 'changed' } } : {}),
        ...(shape.retroactive ? { retroactiveStart: { field: 'openedAt' } } : {}),
      };
      return def;
    });
}

export interface Entry {
  at: number;
  record: Record<string, unknown>;
}

const gap = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 90 * 60_000 }) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 4 * DAY }).map((ms) => Math.round(ms / 60_000) * 60_000) },
);

/** A timeline from a base instant in 2026 (DST changes included), with records as whole snapshots. */
export const timelineArb = (maxEntries = 12, weights: { state?: fc.Arbitrary<string> } = {}): fc.Arbitrary<Entry[]> =>
  fc
    .record({
      base: fc.integer({ min: Date.UTC(2026, 2, 1), max: Date.UTC(2026, 10, 15) }).map((ms) => Math.round(ms / 60_000) * 60_000),
      openedBefore: fc.integer({ min: 0, max: 6 * H }),
      steps: fc.array(
        fc.record({ gap, state: weights.state ?? fc.constantFrom(...STATES), priority: fc.integer({ min: 1, max: 5 }), update: fc.boolean() }),
        { minLength: 0, maxLength: maxEntries },
      ),
    })
    .map(({ base, openedBefore, steps }) => {
      let at = base;
      let agentUpdate = 0;
      return steps.map((s, i) => {
        at += i === 0 ? 0 : s.gap;
        if (s.update) agentUpdate += 1;
        return { at, record: { state: s.state, priority: s.priority, agentUpdate, openedAt: new Date(base - openedBefore) } };
      });
    });

/** An evaluation instant: an entry's `at` (or 1 ms around it), or anywhere up to 5 days after the last. */
export function nowArb(timeline: Entry[]): fc.Arbitrary<number> {
  const first = timeline[0]?.at ?? Date.UTC(2026, 5, 1);
  const last = timeline[timeline.length - 1]?.at ?? first;
  const around = timeline.length === 0 ? [] : [fc.constantFrom(...timeline.map((e) => e.at)).chain((t) => fc.constantFrom(t - 1, t, t + 1))];
  return fc.oneof(...around, fc.integer({ min: first, max: last + 5 * DAY }));
}

/** A policy, a timeline and an instant to evaluate at. */
export const caseArb = (shape?: fc.Arbitrary<PolicyShape>, maxEntries?: number) =>
  fc
    .tuple(policyArb(shape), timelineArb(maxEntries))
    .chain(([policy, timeline]) => nowArb(timeline).map((now) => ({ policy, timeline, now })));
