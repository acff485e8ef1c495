/**
 * The correlator checks every ingested alert with a hand-rolled structural check (much cheaper than
 * zod). Reference: `parseAlert` (AlertSchema) must agree on which alerts are valid, for alerts with
 * any field replaced by a tricky value.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCorrelator } from 'itsm-kit/correlation';
import { parseAlert } from 'itsm-kit/models';
import { isoFieldsExist } from '../../src/_lib/instant';
import { commonIsoMs } from '../../src/correlation/validate-alert';

const valid = {
  id: 'a-1', source: 'prometheus', status: 'firing', severity: 'critical', labels: { alertname: 'Down', service: 'db' },
  annotations: { summary: 'db down' }, startsAt: '2026-11-23T08:00:00Z',
};

const tricky: Record<string, unknown[]> = {
  id: ['', 'x'.repeat(128), 'x'.repeat(129), 7, null],
  source: ['', 's'.repeat(512), 's'.repeat(513), false],
  fingerprint: ['fp', '', 'f'.repeat(129), 1],
  status: ['resolved', 'pending', ''],
  severity: ['info', 'warning', 'minor', 'major', 'sev1', 3],
  labels: [{}, [], null, 'x', { '': 'v' }, { '1a': 'v' }, { ok: 1 }, { constructor: 'x' }, { 'a.b/c-d:e': 'v' }, { k: 'v'.repeat(1_025) },
    Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, 'v'])), JSON.parse('{"__proto__":"x"}')],
  annotations: [{}, { note: 'n'.repeat(8_192) }, { note: 'n'.repeat(8_193) }, [], { 'bad name': 'x' }],
  startsAt: ['2026-11-23T08:00Z', '2026-02-30T08:00:00Z', '2026-11-23T24:00:00Z', '2026-11-23T08:00:00.123456789Z', '2026-11-23T08:00:00+01:00', '2026-13-01T00:00:00Z', '2026-11-23', 'x'.repeat(41), 0, ''],
  endsAt: ['2026-11-23T09:00:00Z', '2026-11-23T07:00:00Z', 'later', 5],
  ciId: ['db-1', '', 'c'.repeat(129), 2],
  generatorUrl: ['http://prom/graph', 'u'.repeat(2_048), 'u'.repeat(2_049), {}],
  extra: ['unknown field'],
};

const alertArb = fc
  .array(fc.constantFrom(...Object.keys(tricky)).chain((field) => fc.constantFrom(...tricky[field]!).map((value) => [field, value] as const)), { maxLength: 3 })
  .map((changes) => {
    const alert: Record<string, unknown> = { ...valid };
    for (const [field, value] of changes) Object.defineProperty(alert, field, { value, enumerable: true, writable: true, configurable: true });
    return alert;
  });

describe('the correlator alert check', () => {
  const correlator = createCorrelator({ rules: [{ id: 'all', groupBy: ['service'] }] });

  it('accepts exactly the alerts AlertSchema accepts', () => {
    fc.assert(
      fc.property(alertArb, (alert) => {
        const decisions = correlator.ingest(correlator.initialState(), alert as never, Date.parse('2026-11-23T10:00:00Z')).decisions;
        const rejected = decisions.some((d) => d.type === 'rejected');
        expect(rejected, JSON.stringify(alert).slice(0, 300)).toBe(!parseAlert(alert).ok);
      }),
      { numRuns: 400 },
    );
  });

  // Was a bug: the correlator's pattern made the seconds optional and Date.parse rolled 30 February
  // over to March, so alerts AlertSchema rejects were ingested.
  it('rejects a startsAt without seconds, like AlertSchema', () => {
    const alert = { ...valid, startsAt: '2026-11-23T08:00Z' };
    expect(parseAlert(alert).ok).toBe(false);
    const decisions = correlator.ingest(correlator.initialState(), alert as never, Date.parse('2026-11-23T10:00:00Z')).decisions;
    expect(decisions.map((d) => d.type)).toEqual(['rejected']);
  });

  it('names a bounded number of issues for an alert with thousands of bad keys', () => {
    const many = (prefix: string) => Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`${prefix}${i}`, 'v']));
    const at = Date.parse('2026-11-23T10:00:00Z');
    const fields = correlator.ingest(correlator.initialState(), { ...valid, ...many('x') } as never, at).decisions[0]!;
    const labels = correlator.ingest(correlator.initialState(), { ...valid, labels: many('1bad') } as never, at).decisions[0]!;
    for (const d of [fields, labels]) expect(d.type).toBe('rejected');
    const issues = (d: typeof fields) => (d.type === 'rejected' ? d.issues : []);
    expect(issues(fields).length).toBe(17);
    expect(issues(fields).at(-1)).toEqual({ path: '', message: 'has more unknown fields' });
    expect(issues(labels).length).toBe(65);
    expect(issues(labels).at(-1)).toEqual({ path: 'labels', message: 'at most 64 entries' });
  });

  it('rejects what is not an alert object, naming nothing deeper', () => {
    for (const input of [null, 'alert', [valid], 42]) {
      const d = correlator.ingest(correlator.initialState(), [input as never], 0).decisions;
      expect(d).toEqual([expect.objectContaining({ type: 'rejected', alertId: null, index: 0 })]);
    }
  });
});

describe('the common timestamp shapes read without Date.parse', () => {
  const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;
  const general = (s: string) => (ISO_UTC.test(s) && isoFieldsExist(s) ? Date.parse(s) : NaN);
  const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
  // Near-valid texts: every field at and past its limits, years from 0000, and one character replaced.
  const stamp = fc
    .tuple(fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')), two(13), two(32), two(25), two(61), two(61), fc.option(fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, '0')), { nil: undefined }))
    .map(([y, mo, d, h, mi, s, ms]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${ms === undefined ? '' : `.${ms}`}Z`);
  const mutated = fc.tuple(stamp, fc.nat(), fc.constantFrom('x', '-', ':', '.', 'Z', 'T', '٣', ' ', '0')).map(([s, i, c]) => s.slice(0, i % s.length) + c + s.slice((i % s.length) + 1));

  it('agrees with the general check and Date.parse wherever it answers, and answers for the usual forms', () => {
    fc.assert(
      fc.property(fc.oneof(stamp, mutated, fc.string({ maxLength: 26 })), (s) => {
        const fast = commonIsoMs(s);
        if (!Number.isNaN(fast)) expect(fast).toBe(general(s));
        else if ((s.length === 20 || s.length === 24) && Number(s.slice(0, 4)) >= 100) expect(general(s)).toBeNaN();
      }),
      { numRuns: 5_000 },
    );
    expect(commonIsoMs('2024-02-29T23:59:59.999Z')).toBe(Date.parse('2024-02-29T23:59:59.999Z'));
    expect(commonIsoMs('2023-02-29T00:00:00Z')).toBeNaN();
  });
});
