import type { SlaCondition, SlaConditionScalar, SlaFieldCondition } from './condition-schema';
import { readField } from './field-path';

/**
 * What a compiled condition looks at: the entry's field values (each field the policy reads, read once
 * per entry, in the order of `CompiledPolicy.fields`) and the `changed` keys of this and the previous
 * entry. The batch evaluator reuses one for the whole timeline (see {@link loadConditionInput}).
 */
export interface ConditionInput {
  readonly values: unknown[];
  keys: ReadonlyArray<string | null>;
  previousKeys: ReadonlyArray<string | null>;
  /** Plain reads find only own properties for this evaluation (see `plainReadsAreOwn`). */
  plainOk: boolean;
}

/** A compiled condition. */
export type Predicate = (input: ConditionInput) => boolean;

/** An empty {@link ConditionInput} for `fieldCount` fields. */
export function createConditionInput(fieldCount: number): ConditionInput {
  return { values: new Array<unknown>(fieldCount).fill(undefined), keys: [], previousKeys: [], plainOk: false };
}

/** The fields a policy reads (`paths`) and those it compares with `changed` (`watched`), registered at compile time. */
export interface FieldRegistry {
  readonly paths: string[];
  readonly watched: string[];
}

/** The index of `path` in `list`, adding it when new. */
export function registerField(list: string[], path: string): number {
  const index = list.indexOf(path);
  return index >= 0 ? index : list.push(path) - 1;
}

/**
 * Loads an entry into `input`: every registered field of `record` read once (own properties only, a
 * `Date` as its epoch ms) into `input.values`, and the `changed` keys.
 */
export function loadConditionInput(
  input: ConditionInput,
  record: Readonly<Record<string, unknown>>,
  segments: ReadonlyArray<readonly string[]>,
  keys: ReadonlyArray<string | null>,
  previousKeys: ReadonlyArray<string | null>,
): void {
  const values = input.values;
  for (let i = 0; i < segments.length; i++) values[i] = normalize(readField(record, segments[i] as readonly string[], input.plainOk));
  input.keys = keys;
  input.previousKeys = previousKeys;
}

/**
 * Compiles a validated condition into a predicate. Every field it reads is registered in
 * `fields.paths`; fields tested with `changed` also in `fields.watched`, whose keys the clock keeps
 * from one entry to the next.
 */
export function compileCondition(condition: SlaCondition, watched: FieldRegistry): Predicate {
  if ('all' in condition) {
    const members = condition.all.map((c) => compileCondition(c, watched));
    return (input) => members.every((m) => m(input));
  }
  if ('any' in condition) {
    const members = condition.any.map((c) => compileCondition(c, watched));
    return (input) => members.some((m) => m(input));
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not, watched);
    return (input) => !inner(input);
  }
  return compileFieldCondition(condition, watched);
}

function compileFieldCondition(condition: SlaFieldCondition, fields: FieldRegistry): Predicate {
  const at = registerField(fields.paths, condition.field);
  const read = (input: ConditionInput): unknown => input.values[at];
  switch (condition.op) {
    case 'eq': {
      const expected = condition.value;
      return (input) => read(input) === expected;
    }
    case 'neq': {
      const expected = condition.value;
      return (input) => read(input) !== expected;
    }
    case 'in': {
      const members = new Set<unknown>(condition.value);
      return (input) => members.has(read(input));
    }
    case 'notIn': {
      const members = new Set<SlaConditionScalar>(condition.value);
      return (input) => !members.has(read(input) as SlaConditionScalar);
    }
    case 'exists':
      return (input) => read(input) != null;
    case 'notExists':
      return (input) => read(input) == null;
    case 'changed': {
      const index = registerField(fields.watched, condition.field);
      return (input) => input.keys[index] !== input.previousKeys[index];
    }
    default:
      return compileComparison(condition.op, condition.value, read);
  }
}

function compileComparison(op: 'gt' | 'gte' | 'lt' | 'lte', bound: number | string, read: (input: ConditionInput) => unknown): Predicate {
  const sameType = (v: unknown): v is number | string => typeof v === typeof bound;
  switch (op) {
    case 'gt':
      return (input) => { const v = read(input); return sameType(v) && v > bound; };
    case 'gte':
      return (input) => { const v = read(input); return sameType(v) && v >= bound; };
    case 'lt':
      return (input) => { const v = read(input); return sameType(v) && v < bound; };
    case 'lte':
      return (input) => { const v = read(input); return sameType(v) && v <= bound; };
  }
}

/** A `Date` in a record compares as its epoch milliseconds; every other value as itself. */
function normalize(value: unknown): unknown {
  return typeof value === 'object' && value instanceof Date ? value.getTime() : value;
}
