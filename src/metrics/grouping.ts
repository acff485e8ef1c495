import { ItsmValidationError } from '../_lib/errors';
import { ownField } from './record-fields';

/** A group key: a string, a number, a boolean, or `null` for records without one. @example const k: GroupKey = 'service-desk'; */
export type GroupKey = string | number | boolean | null;

/**
 * How to group records: the name of a field read from each record (`'priority'`,
 * `'assignmentGroup'`, `'service'`, `'ciId'`, `'policyId'`...) or a function returning the key. A missing
 * field or a `null`/`undefined` key puts the record in the `null` group.
 *
 * @example
 * const byPriority: GroupBy<{ priority: number }> = 'priority';
 * const byP1: GroupBy<{ priority: number }> = (r) => (r.priority === 1 ? 'P1' : 'other');
 */
export type GroupBy<R> = (string & keyof R) | ((record: R, index: number) => GroupKey | undefined);

/**
 * A metric computed over all records (`overall`) and for each group (`groups`, ordered: numbers
 * ascending, then booleans, then strings in code-unit order, then `null`). Every record lands in
 * exactly one group, so the groups' counts add up to the overall count.
 *
 * @example
 * const g: Grouped<{ count: number }> = { overall: { count: 2 }, groups: [{ key: 1, value: { count: 2 } }] };
 */
export interface Grouped<T> {
  /** The metric over every record. */
  readonly overall: T;
  /** The metric per group key. */
  readonly groups: ReadonlyArray<{ readonly key: GroupKey; readonly value: T }>;
}

/**
 * How a metric folds records (internal): `extract` turns a record into the value it contributes (or
 * `undefined` when the record is not counted), `add` folds a value into an accumulator, `finish` turns
 * an accumulator into the result.
 */
export interface MetricFold<R, V, A, T> {
  extract(record: R, index: number): V | undefined;
  create(): A;
  add(acc: A, value: V): void;
  finish(acc: A): T;
}

/** Options shared by every groupable metric. */
export interface GroupOption<R> {
  /** Group the result by a field or a key function; see {@link GroupBy}. */
  readonly groupBy?: GroupBy<R>;
}

function keyOf<R>(groupBy: GroupBy<R>, record: R, index: number, subject: string): GroupKey {
  const key = typeof groupBy === 'function' ? groupBy(record, index) : ownField(record as object, groupBy);
  if (key === undefined || key === null) return null;
  if (typeof key === 'string' || typeof key === 'boolean' || (typeof key === 'number' && Number.isFinite(key))) return key;
  throw ItsmValidationError.at(subject, ['groupBy'], `record ${index}: a group key must be a string, a finite number, a boolean or null`);
}

const KIND_ORDER = { number: 0, boolean: 1, string: 2 } as const;

function compareKeys(a: GroupKey, b: GroupKey): number {
  if (a === null || b === null) return a === null ? (b === null ? 0 : 1) : -1;
  const ka = KIND_ORDER[typeof a as 'number' | 'boolean' | 'string'];
  const kb = KIND_ORDER[typeof b as 'number' | 'boolean' | 'string'];
  if (ka !== kb) return ka - kb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Folds `records` once, into the overall accumulator and, with `groupBy`, into one accumulator per
 * group key of the records that count (linear in the number of records; only the distinct keys are
 * sorted). Records that do not count (outside the period, still open...) form no group.
 */
export function foldRecords<R, V, A, T>(
  records: readonly R[],
  fold: MetricFold<R, V, A, T>,
  groupBy: GroupBy<R> | undefined,
  subject: string,
): T | Grouped<T> {
  if (groupBy !== undefined && typeof groupBy !== 'function' && typeof groupBy !== 'string') {
    throw ItsmValidationError.at(subject, ['groupBy'], 'must be a field name or a function');
  }
  const overall = fold.create();
  const groups = new Map<GroupKey, A>();
  for (let i = 0; i < records.length; i++) {
    const record = records[i] as R;
    const value = fold.extract(record, i);
    if (value === undefined) continue;
    fold.add(overall, value);
    if (groupBy === undefined) continue;
    const key = keyOf(groupBy, record, i, subject);
    let acc = groups.get(key);
    if (acc === undefined) {
      acc = fold.create();
      groups.set(key, acc);
    }
    fold.add(acc, value);
  }
  if (groupBy === undefined) return fold.finish(overall);
  const keys = [...groups.keys()].sort(compareKeys);
  return { overall: fold.finish(overall), groups: keys.map((key) => ({ key, value: fold.finish(groups.get(key) as A) })) };
}
