import { ALERT_SEVERITIES, ALERT_STATUSES } from '../models/alert';
import type { Alert } from '../models/alert';
import { MODEL_LIMITS } from '../models/primitives';
import { isoFieldsExist } from '../_lib/instant';
import { SortedLabels } from './identity';

/** One problem with an ingested alert. */
export interface AlertIssue {
  readonly path: string;
  readonly message: string;
}

/** An alert checked for ingest, with its times in epoch ms (a per-correlator scratch object, valid until the next check). */
export interface CheckedAlert {
  alert: Alert;
  /** The alert's fingerprint (the one it carries, else the hash of its labels). */
  fingerprint: string;
  startsAt: number;
  endsAt: number | undefined;
}

const SEVERITIES = new Set<string>(ALERT_SEVERITIES);
const STATUSES = new Set<string>(ALERT_STATUSES);
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const KNOWN_FIELDS = new Set(['id', 'source', 'fingerprint', 'status', 'severity', 'labels', 'annotations', 'startsAt', 'endsAt', 'ciId', 'generatorUrl']);
const LABEL_KEY = /^[A-Za-z_][A-Za-z0-9_.:/-]*$/;
// The shape z.iso.datetime() accepts (as AlertSchema): seconds required, any fraction digits, `Z`.
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;
const hasOwn = Object.prototype.hasOwnProperty;
const MAX_UNKNOWN_NAMED = 16;

/**
 * How many enumerable keys `a` has (own and inherited; no `hasOwnProperty` call per key, which costs
 * more than the loop).
 */
function enumerableCount(a: object): number {
  let n = 0;
  for (const _ in a) n++;
  return n;
}

/**
 * How many of the Alert fields `a` defines. When it equals {@link enumerableCount}, every enumerable key
 * is a known field (one that is unknown would need a known field that is defined but not enumerable, which
 * a parsed payload never has), so the per-key check is skipped.
 */
function definedFieldCount(a: Record<string, unknown>): number {
  return (a.id !== undefined ? 1 : 0) + (a.source !== undefined ? 1 : 0) + (a.fingerprint !== undefined ? 1 : 0) + (a.status !== undefined ? 1 : 0) +
    (a.severity !== undefined ? 1 : 0) + (a.labels !== undefined ? 1 : 0) + (a.annotations !== undefined ? 1 : 0) + (a.startsAt !== undefined ? 1 : 0) +
    (a.endsAt !== undefined ? 1 : 0) + (a.ciId !== undefined ? 1 : 0) + (a.generatorUrl !== undefined ? 1 : 0);
}

function isId(v: unknown): v is string {
  return typeof v === 'string' && v.length >= 1 && v.length <= MODEL_LIMITS.idLength;
}

/** Checks a labels or annotations map; `sorted`, when given, collects its entries (for the fingerprint). */
function checkMap(value: unknown, name: string, maxValue: number, issues: AlertIssue[], memo: TimeMemo, sorted: SortedLabels | null): void {
  if (value === undefined) return;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.push({ path: name, message: 'must be an object of strings' });
    return;
  }
  if (hasOwn.call(value, '__proto__')) issues.push({ path: `${name}.__proto__`, message: 'is a reserved name' });
  let count = 0;
  for (const k in value) {
    if (!hasOwn.call(value, k)) continue;
    // Past the limit the map is rejected anyway: stop, so a huge one costs no issue per key.
    if (++count > MODEL_LIMITS.labels) break;
    const v = (value as Record<string, unknown>)[k];
    // A name the previous label set had at this position was valid then.
    if (!(sorted !== null && sorted.expects(k)) && !validKey(k, memo)) issues.push({ path: `${name}.${k}`, message: 'is not a valid name' });
    else if (typeof v !== 'string' || v.length > maxValue) issues.push({ path: `${name}.${k}`, message: `must be a string of at most ${maxValue} characters` });
    else if (sorted !== null) sorted.add(k, v);
  }
  if (count > MODEL_LIMITS.labels) issues.push({ path: name, message: `at most ${MODEL_LIMITS.labels} entries` });
}

/** Remembers timestamp texts parsed and names validated (streams repeat them), per correlator. */
export interface TimeMemo {
  /** Timestamp text -> epoch ms (bounded). */
  times: Map<string, number>;
  /** Label and annotation names already found valid (bounded). */
  keys: Set<string>;
  /** Scratch: the issues of the alert being checked (copied out when there are any). */
  readonly issues: AlertIssue[];
  /** Scratch: the result of the latest successful check. */
  readonly checked: CheckedAlert;
  /** Scratch: the labels of the alert being checked, in name order. */
  readonly labels: SortedLabels;
}

/** A fresh memo for one correlator. */
export function timeMemo(): TimeMemo {
  return { times: new Map(), keys: new Set(), issues: [], checked: { alert: undefined as unknown as Alert, fingerprint: '', startsAt: 0, endsAt: undefined }, labels: new SortedLabels() };
}

const KEY_MEMO_SIZE = 10_000;

function validKey(k: string, memo: TimeMemo): boolean {
  if (memo.keys.has(k)) return true;
  if (k.length > MODEL_LIMITS.labelKeyLength || FORBIDDEN.has(k) || !LABEL_KEY.test(k)) return false;
  if (memo.keys.size >= KEY_MEMO_SIZE) memo.keys.clear();
  memo.keys.add(k);
  return true;
}

// What `pair` returns for a non-digit: negative however it is scaled and added, so every range check fails.
const NOT_DIGITS = -1_000_000;

/** The value of the two decimal digits at `at` of `s`, or {@link NOT_DIGITS}. */
function pair(s: string, at: number): number {
  const hi = s.charCodeAt(at) - 48;
  const lo = s.charCodeAt(at + 1) - 48;
  // `>>> 0` turns a negative difference into a huge one: one comparison per digit.
  return hi >>> 0 <= 9 && lo >>> 0 <= 9 ? hi * 10 + lo : NOT_DIGITS;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Epoch ms of the two common shapes `YYYY-MM-DDTHH:MM:SSZ` and `YYYY-MM-DDTHH:MM:SS.sssZ` (years 100
 * to 9999) with fields that exist, read without a regex or `Date.parse`; NaN for anything else (the
 * general check then decides). Equal to `Date.parse` wherever it answers (a property test checks it).
 */
export function commonIsoMs(s: string): number {
  const len = s.length;
  if (len !== 20 && len !== 24) return NaN;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58 || s.charCodeAt(len - 1) !== 90) return NaN;
  const high = pair(s, 0);
  const year = high < 0 ? NOT_DIGITS : high * 100 + pair(s, 2);
  const month = pair(s, 5);
  const day = pair(s, 8);
  const hour = pair(s, 11);
  const minute = pair(s, 14);
  const second = pair(s, 17);
  let ms = 0;
  if (len === 24) {
    const last = s.charCodeAt(22) - 48;
    if (s.charCodeAt(19) !== 46 || last >>> 0 > 9) return NaN;
    const first = pair(s, 20);
    ms = first < 0 ? NOT_DIGITS : first * 10 + last;
  }
  // A non-digit anywhere made its field negative, which fails the lower bounds below.
  if (!(year >= 100 && month >= 1 && month <= 12 && day >= 1 && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59 && ms >= 0)) return NaN;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > DAYS_IN_MONTH[month - 1]! + (leap ? 1 : 0)) return NaN;
  return ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60_000 + second * 1_000 + ms;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil; cheaper than `Date.UTC`). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function parseTime(value: unknown, name: string, issues: AlertIssue[], memo: TimeMemo): number | undefined {
  if (typeof value !== 'string' || value.length > 40) {
    issues.push({ path: name, message: 'must be an ISO-8601 UTC timestamp such as 2026-11-23T08:15:00Z' });
    return undefined;
  }
  const fast = commonIsoMs(value);
  if (fast === fast) return fast; // not NaN
  const hit = memo.times.get(value);
  if (hit !== undefined) return hit;
  const ms = ISO_UTC.test(value) && isoFieldsExist(value) ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) {
    issues.push({ path: name, message: 'must be an ISO-8601 UTC timestamp such as 2026-11-23T08:15:00Z' });
    return undefined;
  }
  if (memo.times.size >= KEY_MEMO_SIZE) memo.times.clear();
  memo.times.set(value, ms);
  return ms;
}

/**
 * Checks an ingested value against the Alert model without zod (a hand-rolled structural check, ~50x
 * cheaper, run on every alert): the same fields, limits and reserved names as `AlertSchema`.
 * Returns the alert (labels and annotations defaulted to `{}`) or the issues found. The result is
 * `memo.checked`, overwritten by the next check.
 */
export function checkAlert(input: unknown, memo: TimeMemo): CheckedAlert | AlertIssue[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return [{ path: '', message: 'must be an alert object' }];
  const a = input as Record<string, unknown>;
  const issues = memo.issues;
  // Emptied after every check that found issues; setting `length` is a runtime call, so only when needed.
  if (issues.length !== 0) issues.length = 0;
  if (enumerableCount(a) !== definedFieldCount(a)) {
    for (const k in a) {
      if (!hasOwn.call(a, k) || KNOWN_FIELDS.has(k)) continue;
      // A few named unknown fields say enough; an object with thousands gets no issue per key.
      if (issues.length === MAX_UNKNOWN_NAMED) {
        issues.push({ path: '', message: 'has more unknown fields' });
        break;
      }
      issues.push({ path: k, message: 'unknown field' });
    }
  }
  if (!isId(a.id)) issues.push({ path: 'id', message: 'must be a string of 1 to 128 characters' });
  if (typeof a.source !== 'string' || a.source.length < 1 || a.source.length > MODEL_LIMITS.shortTextLength) issues.push({ path: 'source', message: 'must be a string of 1 to 512 characters' });
  if (a.fingerprint !== undefined && !isId(a.fingerprint)) issues.push({ path: 'fingerprint', message: 'must be a string of 1 to 128 characters' });
  if (typeof a.status !== 'string' || !STATUSES.has(a.status)) issues.push({ path: 'status', message: 'must be firing or resolved' });
  if (typeof a.severity !== 'string' || !SEVERITIES.has(a.severity)) issues.push({ path: 'severity', message: `must be one of ${ALERT_SEVERITIES.join(', ')}` });
  const carried = typeof a.fingerprint === 'string';
  const labels = memo.labels;
  labels.clear();
  checkMap(a.labels, 'labels', MODEL_LIMITS.labelValueLength, issues, memo, carried ? null : labels);
  checkMap(a.annotations, 'annotations', MODEL_LIMITS.annotationValueLength, issues, memo, null);
  const startsAt = parseTime(a.startsAt, 'startsAt', issues, memo);
  const endsAt = a.endsAt === undefined ? undefined : parseTime(a.endsAt, 'endsAt', issues, memo);
  if (startsAt !== undefined && endsAt !== undefined && endsAt < startsAt) issues.push({ path: 'endsAt', message: 'must not be before startsAt' });
  if (a.ciId !== undefined && !isId(a.ciId)) issues.push({ path: 'ciId', message: 'must be a string of 1 to 128 characters' });
  if (a.generatorUrl !== undefined && (typeof a.generatorUrl !== 'string' || a.generatorUrl.length > 2_048)) issues.push({ path: 'generatorUrl', message: 'must be a string of at most 2048 characters' });
  if (issues.length > 0) {
    const found = issues.slice();
    issues.length = 0;
    return found;
  }
  const checked = memo.checked;
  checked.alert = (a.labels === undefined || a.annotations === undefined
    ? { ...a, labels: a.labels ?? {}, annotations: a.annotations ?? {} }
    : a) as unknown as Alert;
  checked.fingerprint = carried ? (a.fingerprint as string) : labels.fingerprint();
  checked.startsAt = startsAt!;
  checked.endsAt = endsAt;
  return checked;
}
