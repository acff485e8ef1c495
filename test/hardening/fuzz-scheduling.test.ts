import fc from 'fast-check';
import { describe, it } from 'vitest';
import { detectConflicts, findChangeSlots } from 'itsm-kit/change';
import { createTopology } from 'itsm-kit/topology';
import { change, H, MONDAY } from '../change-scheduling/fixtures';
import { hostileValue } from './adversarial';
import { fuzzBigValues, fuzzCall, fuzzEachArgument, mutateDeep } from './fuzz-harness';

const subject = change('me', MONDAY + 10 * H, MONDAY + 12 * H, { ciIds: ['app'] });
const schedule = {
  // duplicate ids and unsorted windows on purpose
  changes: [change('a', MONDAY + 11 * H, MONDAY + 13 * H, { ciIds: ['app'] }), change('a', MONDAY + 2 * H, MONDAY + 3 * H, { ciIds: ['db'] })],
  blackouts: [{ id: 'freeze', start: '2026-11-24T00:00:00Z', end: '2026-11-25T00:00:00Z' }],
  maintenanceWindows: [{ id: 'mw', ciIds: ['app'], calendar: { timeZone: 'UTC', week: { sat: [{ start: '00:00', end: '24:00' }] } } }],
  dependencyHops: 2,
};
const topology = createTopology({ cis: [{ id: 'app', name: 'app', ciClass: 'application' }, { id: 'db', name: 'db', ciClass: 'database' }], relationships: [{ from: 'app', to: 'db', type: 'depends_on' }] });
const search = { ...schedule, from: '2026-11-23T00:00:00Z', limit: 5 };
const RUNS = 20;

describe('fuzzing change scheduling', () => {
  it('detectConflicts survives hostile changes and schedules', () => {
    fuzzEachArgument(detectConflicts, [subject, schedule], RUNS);
    // the topology object travels outside the fuzzed input: its lazily built indexes are not a mutation
    const withTopology = (c: unknown, s: unknown) => detectConflicts(c as never, (typeof s === 'object' && s !== null ? { ...s, topology } : s) as never);
    fuzzCall(withTopology, [fc.constant(subject), mutateDeep(schedule)], RUNS);
    fuzzBigValues(detectConflicts, [subject, schedule]);
  });

  it('findChangeSlots survives hostile changes and search options', () => {
    fuzzEachArgument(findChangeSlots, [subject, search], RUNS);
    fuzzCall(findChangeSlots, [fc.constant(subject), fc.record({ from: fc.constant(search.from), horizonMs: hostileValue, stepMs: hostileValue, durationMs: hostileValue, limit: hostileValue })], RUNS);
    fuzzBigValues(findChangeSlots, [subject, search]);
  });
});
