import type { SlaCondition, SlaConditionScalar, SlaFieldCondition } from './condition-schema';
import { pathSegments, readField } from './field-path';

/** What a compiled condition looks at: the entry's record and the `changed` keys of this and the previous entry. */
export interface ConditionInput {
  readonly record: Readonly<Record<string, unknown>>;
  readonly keys: ReadonlyArray<string | null>;
  readonly previousKeys: ReadonlyArray<string | null>;
}

/** A compiled condition. */
export type Predicate = (input: ConditionInput) => boolean;

/**
 * Compiles a validated condition into a predicate. Fields tested with `changed` are registered in
 * `watched` (their paths), whose keys the clock keeps from one entry to the next.
 */
export function compileCondition(condition: SlaCondition, watched: string[]): Predicate {
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

function compileFieldCondition(condition: SlaFieldCondition, watched: string[]): Predicate {
  const segments = pathSegments(condition.field);
  const read = (input: ConditionInput): unknown => normalize(readField(input.record, segments));
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
      let index = watched.indexOf(condition.field);
      if (index < 0) index = watched.push(condition.field) - 1;
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
  return value instanceof Date ? value.getTime() : value;
}
