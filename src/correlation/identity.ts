import type { Alert } from '../models/alert';
import { hashText } from './hash';

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
  if (keys.length > 1) keys.sort();
  let text = '';
  for (const k of keys) text += `${k}\u0000${labels[k]!}\u0001`;
  return hashText(text);
}
