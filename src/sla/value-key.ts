import { SLA_LIMITS } from './limits';

/**
 * The comparable form of a record value for the `changed` operator: a string that is equal for two
 * values exactly when they are the same value (a `Date` equals its epoch milliseconds; objects compare
 * by content with keys in any order), or `null` when the field is absent. Strings keep the state plain
 * JSON. Returns `undefined` when the value is too large to compare.
 */
export function valueKey(value: unknown): string | null | undefined {
  if (value === undefined) return null;
  const budget = { left: SLA_LIMITS.changedValueLength };
  const key = encode(value, budget, 0);
  return budget.left < 0 ? undefined : key;
}

function encode(value: unknown, budget: { left: number }, depth: number): string {
  if (budget.left < 0 || depth > 16) {
    budget.left = -1;
    return '';
  }
  let out: string;
  if (typeof value === 'string') out = `s${JSON.stringify(value)}`;
  else if (typeof value === 'number') out = `n${String(value)}`;
  else if (value instanceof Date) out = `n${String(value.getTime())}`;
  else if (value === null) out = 'z';
  else if (typeof value === 'boolean' || typeof value === 'bigint') out = `${typeof value}:${String(value)}`;
  else if (Array.isArray(value)) out = `[${value.map((v: unknown) => encode(v, budget, depth + 1)).join(',')}]`;
  else if (typeof value === 'object') {
    const keys = Object.keys(value).sort();
    const parts = keys.map((k) => `${JSON.stringify(k)}:${encode((value as Record<string, unknown>)[k], budget, depth + 1)}`);
    out = `{${parts.join(',')}}`;
  } else out = typeof value;
  budget.left -= out.length;
  return out;
}
