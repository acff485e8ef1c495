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
  const sorted = SCRATCH;
  sorted.clear();
  for (const k in labels) if (hasOwn.call(labels, k)) sorted.add(k, labels[k]!);
  return sorted.fingerprint();
}

/**
 * Label names and values gathered in name order (insertion-sorted as they arrive: label sets are
 * small, and `>` orders strings exactly as the default sort does), then hashed Alertmanager style.
 * Lets the alert check collect labels in the same pass that validates them. A reusable scratch object.
 *
 * @example
 * const s = new SortedLabels();
 * s.add('b', '2'); s.add('a', '1');
 * s.fingerprint() === labelsFingerprint({ a: '1', b: '2' }) //=> true
 */
export class SortedLabels {
  private readonly keys: string[] = [];
  private readonly values: string[] = [];
  private n = 0;

  /** Forgets what was added. */
  clear(): void {
    this.n = 0;
  }

  /** Adds label `k` with value `v` (names are assumed distinct, as an object's keys are). */
  add(k: string, v: string): void {
    const keys = this.keys;
    const values = this.values;
    let j = this.n - 1;
    while (j >= 0 && keys[j]! > k) {
      keys[j + 1] = keys[j]!;
      values[j + 1] = values[j]!;
      j--;
    }
    keys[j + 1] = k;
    values[j + 1] = v;
    this.n++;
  }

  /** The fingerprint of the labels added since the last {@link SortedLabels.clear}. */
  fingerprint(): string {
    const h = HASHER;
    h.reset();
    for (let i = 0; i < this.n; i++) {
      h.text(this.keys[i]!);
      h.char(0);
      h.text(this.values[i]!);
      h.char(1);
    }
    return h.digest();
  }
}

const hasOwn = Object.prototype.hasOwnProperty;
const HASHER = new TextHasher();
const SCRATCH = new SortedLabels();
