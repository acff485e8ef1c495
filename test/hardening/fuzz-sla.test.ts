import fc from 'fast-check';
import { describe, it } from 'vitest';
import {
  advanceSla, createSlaPolicy, evaluateSla, incidentResolutionPolicy, incidentResponsePolicy, slaStatus, startSla,
  type SlaPolicyDefinitionInput, type SlaTimelineEntry,
} from 'itsm-kit/sla';
import { hostileValue } from './adversarial';
import { fuzzBigValues, fuzzCall, fuzzEachArgument, hostileInstant, mutateDeep } from './fuzz-harness';

const H = 3_600_000;
const definition: SlaPolicyDefinitionInput = {
  id: 'resolution',
  calendar: { timeZone: 'UTC', week: { mon: [{ start: '08:00', end: '17:00' }], tue: [{ start: '08:00', end: '17:00' }] } },
  target: { durationMs: 8 * H },
  warnAt: [0.5, 0.75],
  start: { field: 'state', op: 'in', value: ['new', 'in_progress'] },
  pause: { all: [{ field: 'state', op: 'eq', value: 'on_hold' }, { not: { field: 'custom.vip', op: 'eq', value: true } }] },
  stop: { field: 'state', op: 'in', value: ['resolved', 'closed'] },
  cancel: { field: 'state', op: 'eq', value: 'canceled' },
};
const policy = createSlaPolicy(definition);
const timeline: SlaTimelineEntry[] = [
  { at: '2026-11-23T08:00:00Z', record: { state: 'new', priority: 2, custom: { vip: false } } },
  { at: '2026-11-23T09:00:00Z', record: { state: 'on_hold', priority: 2 } },
  { at: '2026-11-23T10:00:00Z', record: { state: 'in_progress', priority: 1 } },
];
const NOW = '2026-11-24T12:00:00Z';
const RUNS = 15;

/** Timelines with hostile entries: unsorted, duplicate instants, hostile records and field values. */
const hostileTimeline = fc.array(
  fc.record({
    at: fc.oneof(hostileInstant, fc.constantFrom('2026-11-23T08:00:00Z', '2026-11-23T08:00:00Z', '2026-11-22T08:00:00Z')),
    record: fc.oneof(hostileValue, fc.record({ state: fc.oneof(fc.constantFrom('new', 'on_hold', 'resolved', 'canceled'), hostileValue), custom: hostileValue })),
  }),
  { maxLength: 12 },
);

describe('fuzzing the SLA clock', () => {
  it('createSlaPolicy survives hostile definitions and big values', () => {
    fuzzEachArgument(createSlaPolicy, [definition], RUNS);
    fuzzBigValues(createSlaPolicy, [definition]);
  });

  it('the presets survive hostile options', () => {
    fuzzCall(incidentResponsePolicy, [hostileValue], RUNS);
    fuzzCall(incidentResolutionPolicy, [hostileValue], RUNS);
  });

  it('evaluateSla survives hostile policies, timelines and instants', () => {
    fuzzEachArgument(evaluateSla, [definition, timeline, NOW], RUNS);
    fuzzCall(evaluateSla, [fc.constantFrom(policy, definition), hostileTimeline, hostileInstant], RUNS * 2);
    fuzzBigValues(evaluateSla, [definition, timeline, NOW]);
  });

  it('startSla, advanceSla, slaStatus survive hostile policies, stored states and entries', () => {
    const state = advanceSla(startSla(policy), timeline[0]!);
    const stored = JSON.parse(JSON.stringify(state)) as unknown;
    fuzzEachArgument(startSla, [definition], RUNS);
    fuzzCall(advanceSla, [fc.oneof(fc.constant(state), mutateDeep(stored), hostileValue), fc.oneof(fc.constant(timeline[1]!), mutateDeep(timeline[1]), hostileValue)], RUNS * 2);
    fuzzCall(slaStatus, [fc.oneof(fc.constant(state), mutateDeep(stored), hostileValue), hostileInstant], RUNS * 2);
    fuzzBigValues(advanceSla, [stored, timeline[1]]);
    fuzzBigValues(slaStatus, [stored, NOW]);
  });
});
