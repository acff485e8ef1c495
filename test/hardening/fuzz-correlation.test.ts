import fc from 'fast-check';
import { describe, it } from 'vitest';
import {
  createAlertMatcher, createCorrelator, fromAlertmanagerWebhook, fromGrafanaWebhook, fromPagerDutyEvent,
  maintenanceFromChanges,
} from 'itsm-kit/correlation';
import { change, H, MONDAY } from '../change-scheduling/fixtures';
import { alert, resolved } from '../correlation/_helpers';
import { hostileValue } from './adversarial';
import { fuzzBigValues, fuzzCall, fuzzEachArgument, hostileInstant, mutateDeep } from './fuzz-harness';

const config = {
  rules: [
    { id: 'db', match: [{ label: 'service', op: 'regex', value: '(a+)+$' }, { field: 'severity', op: 'in', values: ['critical', 'major'] }], groupBy: ['service'], window: '10m', groupWait: '30s', resolveAfter: '5m' },
    { id: 'rest', groupBy: ['alertname'], autoPause: '2m' },
  ],
  inhibitRules: [{ id: 'down', source: [{ label: 'alertname', op: 'eq', value: 'NodeDown' }], target: [{ label: 'severity', op: 'neq', value: 'critical' }], equal: ['node'] }],
  maintenance: [{ id: 'mw', match: [{ label: 'env', op: 'eq', value: 'staging' }], start: '2026-11-23T00:00:00Z', end: '2026-11-24T00:00:00Z' }],
};
const correlator = createCorrelator(config as never);
// duplicate ids, unsorted times and a resolve before its firing, on purpose
const alerts = [
  alert('a1', { alertname: 'DbDown', service: 'aaaa', node: 'n1' }, 5),
  alert('a1', { alertname: 'DbDown', service: 'aaaa', node: 'n1' }, 5),
  resolved('a2', { alertname: 'NodeDown', node: 'n1' }, 3, 4),
  alert('a3', { alertname: 'Disk', env: 'staging' }, 1),
];
const NOW = '2026-11-23T08:10:00Z';
const state = correlator.ingest(correlator.initialState(), alerts, Date.parse(NOW)).state;
const amPayload = {
  version: '4', groupKey: '{}', truncatedAlerts: 0, status: 'firing', receiver: 'itsm', groupLabels: {}, commonLabels: {}, commonAnnotations: {}, externalURL: '',
  alerts: [{ status: 'firing', labels: { alertname: 'DbDown', instance: 'db-1' }, annotations: {}, startsAt: '2026-11-23T08:00:00Z', endsAt: '0001-01-01T00:00:00Z', generatorURL: '', fingerprint: 'a1b2' }],
};
const grafanaPayload = { receiver: 'r', status: 'firing', orgId: 1, title: 't', state: 'alerting', message: '', alerts: amPayload.alerts };
const pdEvent = { routing_key: 'R', event_action: 'trigger', dedup_key: 'db-1/down', payload: { summary: 'DB down', source: 'db-1', severity: 'error', timestamp: '2026-11-23T08:00:00Z', custom_details: { free: 0 } } };
const RUNS = 30;

describe('fuzzing the correlator', () => {
  it('createCorrelator survives hostile configs and big values', () => {
    fuzzEachArgument(createCorrelator, [config, {}], RUNS);
    fuzzBigValues(createCorrelator, [config]);
  });

  it('ingest survives hostile alerts, batches, states and instants', () => {
    const ingest = (s: unknown, a: unknown, now: unknown) => correlator.ingest(s as never, a as never, now as never);
    fuzzCall(ingest, [fc.constant(state), fc.oneof(mutateDeep(alerts), fc.array(fc.oneof(mutateDeep(alerts[0]), hostileValue), { maxLength: 6 }), hostileValue), fc.oneof(fc.constant(NOW), hostileInstant)], RUNS * 3);
    fuzzCall(ingest, [hostileValue, fc.constant(alerts), fc.constant(NOW)], RUNS);
    fuzzBigValues((s: unknown) => ingest(s, alerts, NOW), [[]]);
    fuzzBigValues((a: unknown, now: unknown) => ingest(state, a, now), [alerts, NOW]);
    fuzzBigValues((a: unknown) => correlator.ingest(state, [a as never], Date.parse(NOW)), [alerts[0]]);
  });

  it('tick survives hostile states and instants', () => {
    const tick = (s: unknown, now: unknown) => correlator.tick(s as never, now as never);
    fuzzCall(tick, [fc.oneof(fc.constant(state), hostileValue), fc.oneof(fc.constant(NOW), hostileInstant)], RUNS * 2);
    fuzzBigValues((s: unknown) => tick(s, NOW), [[]]);
    fuzzBigValues((now: unknown) => tick(state, now), [NOW]);
  });

  it('maintenanceFromChanges survives hostile changes, duplicate ids and big values', () => {
    const changes = [change('c1', MONDAY + H, MONDAY + 3 * H, { ciIds: ['db-1'] }), change('c1', MONDAY + 2 * H, MONDAY + 4 * H, { ciIds: ['db-1'] })];
    fuzzEachArgument(maintenanceFromChanges, [changes], RUNS);
    fuzzBigValues(maintenanceFromChanges, [changes]);
  });

  it('the adapters survive hostile payloads and options', () => {
    for (const [fn, payload] of [[fromAlertmanagerWebhook, amPayload], [fromGrafanaWebhook, grafanaPayload], [fromPagerDutyEvent, pdEvent]] as const) {
      fuzzEachArgument(fn, [payload, { ciIdLabel: 'instance' }], RUNS);
      fuzzBigValues(fn, [payload, {}]);
    }
  });

  it('createAlertMatcher survives hostile matchers', () => {
    fuzzEachArgument(createAlertMatcher, [config.rules[0]!.match], RUNS);
  });

  // Was a gap: a stored state tampered with inside its tables (e.g. `fps.b[3] = '"x"'`, `groups` replaced
  // by an array) passed the shallow state check and failed deep inside with a TypeError.
  it('ingest and tick reject a state tampered with inside its tables with an ItsmValidationError', () => {
    const json = JSON.parse(JSON.stringify(state)) as unknown;
    fuzzCall((s: unknown) => correlator.ingest(s as never, alerts, Date.parse(NOW)), [mutateDeep(json)], RUNS * 3);
    fuzzCall((s: unknown) => correlator.tick(s as never, Date.parse(NOW) + 3_600_000), [mutateDeep(json)], RUNS * 3);
  });
});
