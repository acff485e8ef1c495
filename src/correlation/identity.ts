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
  const keys = Object.keys(labels);
  // Insertion sort: label sets are small, and `<` orders strings exactly as the default sort does.
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > k) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = k;
  }
  const h = new TextHasher();
  for (const k of keys) {
    h.text(k);
    h.char(0);
    h.text(labels[k]!);
    h.char(1);
  }
  return h.digest();
}
