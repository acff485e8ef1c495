/**
 * Fingerprints are computed while the alert check validates the labels (one pass), by a sorted-label
 * collector. Reference: the obvious definition, sort the entries by name and hash `name \0 value \1`
 * for each with `hashText`. Hosts store fingerprints, so their values are pinned too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCorrelator, labelsFingerprint } from 'itsm-kit/correlation';
import { KeyListCache } from '../../src/correlation/key-lists';
import { hashText } from '../../src/correlation/hash';
import type { Alert } from 'itsm-kit/models';
import { alert, min } from './_helpers';

function referenceFingerprint(labels: Record<string, string>): string {
  const entries = Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return hashText(entries.map(([k, v]) => `${k}\u0000${v}\u0001`).join(''));
}

// Valid label names (including ones that are prefixes of each other) and any text as values.
const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.:/-]{0,6}$/).filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k));
const labelsArb = fc.uniqueArray(fc.tuple(name, fc.string({ unit: 'binary', maxLength: 12 })), { selector: ([k]) => k, maxLength: 12 }).map((entries) => Object.fromEntries(entries));

describe('alert fingerprints', () => {
  const correlator = createCorrelator({ rules: [{ id: 'all', groupBy: [] }] });
  /** The fingerprint the correlator gives `a` (its second copy is a duplicate, which names it). */
  const fingerprintOnIngest = (a: Alert): unknown => {
    const ds = correlator.ingest(correlator.initialState(), [a, { ...a, id: 'c' }], min(1)).decisions;
    const dup = ds.find((d) => d.type === 'deduplicated');
    return dup === undefined ? ds : dup.fingerprint;
  };

  it('equal the sorted-entries reference, whatever the key order, on the ingest path and alone', () => {
    fc.assert(
      fc.property(labelsArb, fc.boolean(), (labels, reversed) => {
        const ordered = reversed ? Object.fromEntries(Object.entries(labels).reverse()) : labels;
        const expected = referenceFingerprint(labels);
        expect(labelsFingerprint(ordered)).toBe(expected);
        expect(fingerprintOnIngest(alert('b', ordered, 0))).toBe(expected);
      }),
      { numRuns: 2_000 },
    );
  });

  it('stay right along a stream whose label sets repeat, shrink, grow, reorder or go bad', () => {
    // The collector replays the names of the previous set; each step below varies one of a few sets.
    const step = fc.record({ shape: fc.nat(2), cut: fc.nat(9), extra: fc.option(name, { nil: undefined }), shuffle: fc.nat(3), bad: fc.nat(7), values: fc.array(fc.string({ maxLength: 4 }), { minLength: 10, maxLength: 10 }) });
    fc.assert(
      fc.property(fc.uniqueArray(name, { minLength: 1, maxLength: 8 }), fc.array(step, { minLength: 1, maxLength: 30 }), (pool, steps) => {
        const shapes = [pool, pool.slice(1), [...pool].reverse()];
        const alerts: Alert[] = [];
        const expected = new Map<string, string>();
        steps.forEach((st, i) => {
          let names = shapes[st.shape]!.slice(0, st.cut === 0 ? 1 : undefined);
          if (st.extra !== undefined && !names.includes(st.extra)) names = [...names.slice(0, st.cut % (names.length + 1)), st.extra, ...names.slice(st.cut % (names.length + 1))];
          if (st.shuffle === 0) names = [...names.slice(1), ...names.slice(0, 1)];
          const labels = Object.fromEntries(names.map((k, j) => [k, st.values[j] ?? '']));
          const bad = st.bad === 0 && names.length > 0;
          const sent = bad ? Object.fromEntries(Object.entries(labels).map(([k, v], j) => [j === st.cut % names.length ? `9${k}` : k, v])) : labels;
          if (!bad) expect(labelsFingerprint(labels)).toBe(referenceFingerprint(labels));
          if (!bad) expected.set(`c${i}`, referenceFingerprint(labels));
          alerts.push(alert(`a${i}`, sent, 0), alert(`c${i}`, sent, 0));
        });
        const fresh = createCorrelator({ rules: [{ id: 'all', groupBy: [] }] });
        const ds = fresh.ingest(fresh.initialState(), alerts, min(1)).decisions;
        const rejected = new Set(ds.filter((d) => d.type === 'rejected').map((d) => d.alertIds[0]));
        const seen = new Map(ds.flatMap((d) => (d.type === 'deduplicated' && d.alertId.startsWith('c') ? [[d.alertId, d.fingerprint] as const] : [])));
        for (const [id, fp] of expected) expect(seen.get(id)).toBe(fp);
        expect(rejected.size).toBe(2 * (steps.length - expected.size));
      }),
      { numRuns: 1_000 },
    );
  });

  it('use the fingerprint an alert carries instead of its labels', () => {
    fc.assert(
      fc.property(labelsArb, fc.string({ minLength: 1, maxLength: 40 }), (labels, carried) => {
        expect(fingerprintOnIngest(alert('b', labels, 0, { fingerprint: carried }))).toBe(carried);
      }),
      { numRuns: 300 },
    );
  });

  it('keep the values of itsm-kit 0.1.0 (stored fingerprints stay valid)', () => {
    expect(labelsFingerprint({ alertname: 'DbDown', service: 'db-7', cluster: 'c0', region: 'r2', host: 'host-7-1' })).toBe('ea52c1cff62abf37');
    expect(labelsFingerprint({ b: 'ü€𝄞', a: '' })).toBe('7f4cfa42fcc4aaca');
  });
});

describe('the incident key list cache', () => {
  it('answers each group number with its own key, across slot collisions', () => {
    const cache = new KeyListCache();
    const spell = (n: number) => `r${Math.floor(n / 2 ** 32)}#${n % 2 ** 32}`;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 4 }).map((k) => k * 65_536 + 7)), { minLength: 1, maxLength: 50 }), (picks) => {
        for (const [rule, seq] of picks) {
          const n = rule * 2 ** 32 + seq;
          const list = cache.get(n, spell);
          expect(list).toEqual([spell(n)]);
          expect(Object.isFrozen(list)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
