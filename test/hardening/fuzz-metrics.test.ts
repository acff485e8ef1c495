import fc from 'fast-check';
import { describe, it } from 'vitest';
import {
  availability, backlogAge, changeSuccessRate, changesCausingIncidents, emergencyChangeRatio, firstTimeFixRate, mergeOutages, mtbf, mtta, mttr,
  outagesFromIncidents, percentile, reopenRate, slaCompliance, summarizeDurations,
} from 'itsm-kit/metrics';
import { hostileValue } from './adversarial';
import { fuzzBigValues, fuzzCall, fuzzEachArgument } from './fuzz-harness';

const period = { from: '2026-11-23T00:00:00Z', to: '2026-11-24T00:00:00Z' };
const at = (hhmm: string) => `2026-11-23T${hhmm}:00Z`;
// duplicate ids and unsorted records on purpose
const incidents = [
  { id: 'b', priority: 1, assignmentGroup: 'db', openedAt: at('10:00'), acknowledgedAt: at('10:05'), resolvedAt: at('11:00'), reopenCount: 1, reassignmentCount: 0, causedByChangeId: 'c1' },
  { id: 'a', priority: 2, openedAt: at('08:00'), acknowledgedAt: at('08:30'), resolvedAt: at('09:00') },
  { id: 'a', priority: 2, openedAt: at('08:00') },
];
const outages = [{ start: at('10:15'), end: at('11:00'), ciId: 'db' }, { start: at('10:00'), end: at('10:30'), ciId: 'db' }, { start: at('23:30') }];
const changes = [{ id: 'c1', type: 'emergency', state: 'closed', closeCode: 'successful', closedAt: at('09:00'), plannedEnd: at('09:00') }, { id: 'c1', type: 'normal', state: 'closed', closeCode: 'unsuccessful', closedAt: at('12:00') }];
const slaResults = [{ status: 'completed', breached: false }, { status: 'running', breached: true }];
const options = { period, groupBy: 'priority' };
const RUNS = 15;

const functions: Array<[string, (...args: never[]) => unknown, unknown[]]> = [
  ['mtta', mtta, [incidents, options]],
  ['mttr', mttr, [incidents, options]],
  ['reopenRate', reopenRate, [incidents, { period }]],
  ['firstTimeFixRate', firstTimeFixRate, [incidents, { period }]],
  ['backlogAge', backlogAge, [incidents, { period, boundariesMs: [3_600_000, 86_400_000] }]],
  ['availability', availability, [outages, { period, groupBy: 'ciId' }]],
  ['mtbf', mtbf, [outages, { period }]],
  ['mergeOutages', mergeOutages, [outages, { period }]],
  ['outagesFromIncidents', outagesFromIncidents, [incidents]],
  ['changeSuccessRate', changeSuccessRate, [changes, { period }]],
  ['emergencyChangeRatio', emergencyChangeRatio, [changes, { period }]],
  ['changesCausingIncidents', changesCausingIncidents, [changes, incidents, { period }]],
  ['slaCompliance', slaCompliance, [slaResults, {}]],
];

describe('fuzzing the metrics', () => {
  it.each(functions)('%s survives hostile records, options and big values', (_name, fn, valid) => {
    fuzzEachArgument(fn, valid, RUNS);
    fuzzBigValues(fn, valid);
  });

  it('summarizeDurations and percentile survive hostile numbers', () => {
    const numbers = fc.oneof(fc.array(fc.oneof(fc.double(), fc.constantFrom(Number.NaN, Infinity, -Infinity, -0))), hostileValue);
    fuzzCall(summarizeDurations, [numbers], RUNS * 2);
    fuzzCall(percentile, [numbers, fc.oneof(fc.double(), hostileValue)], RUNS * 2);
  });
});
