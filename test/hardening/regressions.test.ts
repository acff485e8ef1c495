/** Regression tests for the bugs the fuzzers found, each named after its bug. */
import { describe, expect, it } from 'vitest';
import { createCalendar, isBusinessTime, nextBusinessTime } from 'itsm-kit/calendar';
import { fromAlertmanagerWebhook, fromGrafanaWebhook, fromPagerDutyEvent } from 'itsm-kit/correlation';
import { outagesFromIncidents, percentile, summarizeDurations } from 'itsm-kit/metrics';
import { ItsmError, ItsmRangeError, ItsmValidationError } from 'itsm-kit/models';
import { evaluateSla, incidentResolutionPolicy, incidentResponsePolicy, startSla } from 'itsm-kit/sla';
import { alertStorm, anIncident, createBuilders, lateAlerts } from 'itsm-kit/testing';
import { deepNesting } from './adversarial';

const pathOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ItsmValidationError);
    return (e as ItsmValidationError).issues[0]!.path;
  }
  throw new Error('expected an ItsmValidationError');
};

describe('bugs found by fuzzing', () => {
  it('calendar: an instant within a day of the ends of the Date range threw RangeError "Invalid time value"', () => {
    const berlin = createCalendar({ timeZone: 'Europe/Berlin', week: { mon: [{ start: '09:00', end: '17:00' }] } });
    const newYork = createCalendar({ timeZone: 'America/New_York', week: { mon: [{ start: '09:00', end: '17:00' }] } });
    for (const cal of [berlin, newYork]) {
      for (const at of [-8.64e15, -8.64e15 + 5 * 3_600_000, 8.64e15 - 1_000, 8.64e15]) {
        expect(typeof isBusinessTime(cal, at)).toBe('boolean');
        try {
          expect(Number.isNaN(nextBusinessTime(cal, at).getTime())).toBe(false);
        } catch (e) {
          expect(e).toBeInstanceOf(ItsmRangeError);
        }
      }
    }
  });

  it('sla: a null or primitive policy threw TypeError "Cannot convert undefined or null to object"', () => {
    expect(() => evaluateSla(null as never, [], 0)).toThrow(ItsmValidationError);
    expect(() => startSla(undefined as never)).toThrow(ItsmValidationError);
    expect(() => startSla(42 as never)).toThrow(ItsmValidationError);
  });

  it('sla: the presets threw TypeError on null options', () => {
    expect(pathOf(() => incidentResponsePolicy(null as never))).toBe('options');
    expect(pathOf(() => incidentResolutionPolicy([] as never))).toBe('options');
  });

  it('adapters: null options threw TypeError "Cannot read properties of null"', () => {
    const am = { alerts: [{ status: 'firing', labels: { alertname: 'X' }, annotations: {}, startsAt: '2026-11-23T08:00:00Z' }] };
    expect(pathOf(() => fromAlertmanagerWebhook(am, null as never))).toBe('options');
    expect(pathOf(() => fromGrafanaWebhook(am, null as never))).toBe('options');
    expect(pathOf(() => fromPagerDutyEvent({ routing_key: 'R', event_action: 'resolve', dedup_key: 'x' }, null as never))).toBe('options');
  });

  it('adapters: a non-string ciIdLabel threw TypeError "Cannot convert object to primitive value", and `__proto__` read the prototype', () => {
    const am = { alerts: [{ status: 'firing', labels: { alertname: 'X' }, annotations: {}, startsAt: '2026-11-23T08:00:00Z' }] };
    expect(pathOf(() => fromAlertmanagerWebhook(am, { ciIdLabel: Object.create(null) as string }))).toBe('ciIdLabel');
    expect(fromAlertmanagerWebhook(am, { ciIdLabel: '__proto__' })[0]!.ciId).toBeUndefined();
    expect(fromAlertmanagerWebhook(am, { ciIdLabel: 'constructor' })[0]!.ciId).toBeUndefined();
  });

  it('metrics: outagesFromIncidents threw TypeError on a null incident', () => {
    expect(pathOf(() => outagesFromIncidents([null as never]))).toBe('incidents.0');
  });

  it('metrics: summarizeDurations and percentile threw TypeError on null, and allocated for { length: 1e9 }', () => {
    expect(pathOf(() => summarizeDurations(null as never))).toBe('durations');
    expect(pathOf(() => summarizeDurations({ length: 1e9 } as never))).toBe('durations');
    expect(pathOf(() => percentile(null as never, 50))).toBe('values');
    expect(summarizeDurations(new Float64Array([1, 3])).mean).toBe(2);
  });

  it('metrics: an element with no primitive value threw TypeError, and a numeric string was silently coerced', () => {
    expect(pathOf(() => summarizeDurations([1, Object.create(null) as number]))).toBe('durations.1');
    expect(pathOf(() => summarizeDurations(['5' as never]))).toBe('durations.0');
    expect(pathOf(() => percentile([1, 2, { valueOf: () => 3 } as never], 50))).toBe('values.2');
    expect(pathOf(() => summarizeDurations(new BigInt64Array(2) as never))).toBe('durations');
    expect(summarizeDurations(new Int32Array([2, 4])).mean).toBe(3);
  });

  it('testing: deeply nested builder overrides overflowed the stack (RangeError) while hashing the id', () => {
    expect(pathOf(() => anIncident({ custom: deepNesting(10_000) } as never))).toBe('overrides');
  });

  it('testing: createBuilders(null) and lateAlerts(null) threw TypeError; lateAlerts printed a hostile seed', () => {
    expect(pathOf(() => createBuilders(null as never))).toBe('options');
    expect(pathOf(() => lateAlerts(null as never))).toBe('options');
    expect(() => lateAlerts({ seed: Object.create(null) as number })).toThrow(ItsmError);
  });
});

describe('alertStorm without options', () => {
  it('throws ItsmValidationError naming options (was a TypeError reading upstreamCiId)', () => {
    expect(() => (alertStorm as (o?: unknown) => unknown)(undefined)).toThrowError(ItsmValidationError);
    expect(() => (alertStorm as (o?: unknown) => unknown)(undefined)).toThrowError(/options: required/);
  });
});

describe('instants whose date does not exist', () => {
  it('are refused instead of rolling over (Date.parse turns 2026-02-30 into 2 March)', () => {
    for (const bad of ['2026-02-30T08:00:00Z', '2026-04-31T00:00:00Z', '2026-11-23T24:00:00Z', '2026-11-23T08:60:00Z']) {
      expect(() => isBusinessTime(createCalendar({ timeZone: 'UTC', week: {} }), bad)).toThrowError(ItsmValidationError);
    }
    expect(isBusinessTime(createCalendar({ timeZone: 'UTC', week: {} }), '2028-02-29T08:00:00Z')).toBe(false);
  });
});
