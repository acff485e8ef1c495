import type { Alert } from '../models/alert';
import { TextHasher } from './hash';

/**
 * The fingerprint of an alert: the one it carries, else a stable 16-hex-digit hash of its label names
 * and values sorted by name (Alertmanager style: annotations, status and times do not count).
 *
 * @example
 * fingerprintOf({ ...alert, fingerprint: undefined }) === fingerprintOf({ ...alert, labels: { b: '2', a: '1' } })
 */
export function fingerprintOf(alert: Pick<Alert, 'fingerprint' | 'labels'>): string {
  if (alert.fingerprint !== undefined) return alert.fingerprint;
  return labelsFingerprint(alert.labels);
}

/**
 * The Alertmanager-style hash of a label set, independent of key order.
 *
 * @example
 * labelsFingerprint({ a: '1', b: '2' }) === labelsFingerprint({ b: '2', a: '1' }) //=> true
 */
export function labelsFingerprint(labels: Readonly<Record<string, string>>): string {
  // Names and values are read in one for-in pass (V8 reads `labels[k]` there through the enumeration
  // cache) into scratch arrays, then insertion-sorted by name: label sets are small, and `>` orders
  // strings exactly as the default sort does.
  const keys = SCRATCH_KEYS;
  const values = SCRATCH_VALUES;
  let n = 0;
  for (const k in labels) {
    if (!hasOwn.call(labels, k)) continue;
    const v = labels[k]!;
    let j = n - 1;
    while (j >= 0 && keys[j]! > k) {
      keys[j + 1] = keys[j]!;
      values[j + 1] = values[j]!;
      j--;
    }
    keys[j + 1] = k;
    values[j + 1] = v;
    n++;
  }
  const h = HASHER;
  h.reset();
  for (let i = 0; i < n; i++) {
    h.text(keys[i]!);
    h.char(0);
    h.text(values[i]!);
    h.char(1);
  }
  keys.length = 0;
  values.length = 0;
  return h.digest();
}

const hasOwn = Object.prototype.hasOwnProperty;
const SCRATCH_KEYS: string[] = [];
const SCRATCH_VALUES: string[] = [];
const HASHER = new TextHasher();
