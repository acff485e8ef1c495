import type { Alert } from '../models/alert';
import { ItsmValidationError } from '../_lib/errors';
import { requireObject } from '../_lib/hardening-options';
import { TextHasher } from './hash';

const SUBJECT = 'fingerprint input';

/**
 * The fingerprint of an alert: the one it carries, else a stable 16-hex-digit hash of its label names
 * and values sorted by name (Alertmanager style: annotations, status and times do not count).
 *
 * @example
 * fingerprintOf({ ...alert, fingerprint: undefined }) === fingerprintOf({ ...alert, labels: { b: '2', a: '1' } })
 */
export function fingerprintOf(alert: Pick<Alert, 'fingerprint' | 'labels'>): string {
  requireObject(alert, SUBJECT, ['alert'], 'an alert object');
  const carried: unknown = alert.fingerprint;
  if (carried === undefined) return labelsFingerprint(alert.labels);
  if (typeof carried !== 'string' || carried.length === 0) throw ItsmValidationError.at(SUBJECT, ['fingerprint'], 'must be a non-empty string');
  return carried;
}

/**
 * The Alertmanager-style hash of a label set, independent of key order.
 *
 * @example
 * labelsFingerprint({ a: '1', b: '2' }) === labelsFingerprint({ b: '2', a: '1' }) //=> true
 */
export function labelsFingerprint(labels: Readonly<Record<string, string>>): string {
  requireObject(labels, SUBJECT, ['labels'], 'an object of strings');
  const sorted = SCRATCH;
  sorted.clear();
  for (const k in labels) {
    if (!hasOwn.call(labels, k)) continue;
    const value: unknown = labels[k];
    if (typeof value !== 'string') throw ItsmValidationError.at(SUBJECT, ['labels', k], 'must be a string');
    sorted.add(k, value);
  }
  return sorted.fingerprint();
}

/**
 * Label names and values gathered in name order (insertion-sorted as they arrive: label sets are
 * small, and `>` orders strings exactly as the default sort does), then hashed Alertmanager style.
 * Lets the alert check collect labels in the same pass that validates them. A reusable scratch object.
 *
 * It remembers the names of the latest set, in arrival order, with the place each took in name order.
 * Alerts of one source usually repeat those names in the same order, and then each value goes straight
 * to its place: no sorting, and {@link SortedLabels.expects} tells the check the name is valid already.
 *
 * @example
 * const s = new SortedLabels();
 * s.add('b', '2'); s.add('a', '1');
 * s.fingerprint() === labelsFingerprint({ a: '1', b: '2' }) //=> true
 */
export class SortedLabels {
  private readonly keys: string[] = [];
  private readonly values: string[] = [];
  // This set's names in arrival order (while not replaying).
  private readonly arrival: string[] = [];
  private n = 0;
  // The remembered set: names in arrival order, the name-order place of each, names in name order.
  private shapeArrival: readonly string[] = [];
  private shapePlace: readonly number[] = [];
  private shapeKeys: readonly string[] = [];
  // Every name added since `clear` was the remembered set's name at the same position.
  private replaying = false;

  /** Forgets what was added (remembering its names, when they were a new set). */
  clear(): void {
    if (!this.replaying && this.n > 0) this.remember();
    this.n = 0;
    this.replaying = this.shapeKeys.length > 0;
  }

  /** True when `k` is the next name of the remembered set (so it was valid when first seen). */
  expects(k: string): boolean {
    return this.replaying && this.shapeArrival[this.n] === k;
  }

  /** Adds label `k` with value `v` (names are assumed distinct, as an object's keys are). */
  add(k: string, v: string): void {
    if (this.replaying) {
      if (this.shapeArrival[this.n] === k) {
        this.values[this.shapePlace[this.n]!] = v;
        this.n++;
        return;
      }
      this.stopReplaying();
    }
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
    this.arrival[this.n] = k;
    this.n++;
  }

  /** The fingerprint of the labels added since the last {@link SortedLabels.clear}. */
  fingerprint(): string {
    // A set that stopped short of the remembered one is sorted afresh.
    if (this.replaying && this.n !== this.shapeKeys.length) this.stopReplaying();
    const keys = this.replaying ? this.shapeKeys : this.keys;
    const h = HASHER;
    h.reset();
    for (let i = 0; i < this.n; i++) {
      h.text(keys[i]!);
      h.char(0);
      h.text(this.values[i]!);
      h.char(1);
    }
    return h.digest();
  }

  /** Re-adds the labels replayed so far the ordinary way (the set turned out to differ). */
  private stopReplaying(): void {
    const names = this.shapeArrival.slice(0, this.n);
    const values = names.map((_, i) => this.values[this.shapePlace[i]!]!);
    this.replaying = false;
    this.n = 0;
    for (let i = 0; i < names.length; i++) this.add(names[i]!, values[i]!);
  }

  /** Remembers the names of the set just gathered. */
  private remember(): void {
    const keys = this.keys.slice(0, this.n);
    this.shapeKeys = keys;
    this.shapeArrival = this.arrival.slice(0, this.n);
    this.shapePlace = this.shapeArrival.map((k) => keys.indexOf(k));
  }
}

const hasOwn = Object.prototype.hasOwnProperty;
const HASHER = new TextHasher();
const SCRATCH = new SortedLabels();
