/**
 * Record helpers shared by the workflows: copy-on-write patches that never leave `undefined` values
 * behind (records stay equal to their JSON round trip).
 */

const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/** Fields to set; an `undefined` value removes the field. */
export type RecordPatch<R> = { [K in keyof R]?: R[K] | undefined };

/** A new record with `fields` applied (undefined removes) and `updatedAt` set to `at`. */
export function patchRecord<R extends { updatedAt: string }>(record: R, at: string, fields: RecordPatch<R>): R {
  const next: Record<string, unknown> = { ...record, updatedAt: at };
  for (const key of Object.keys(fields)) {
    if (RESERVED.has(key)) continue;
    const value = (fields as Record<string, unknown>)[key];
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return next as R;
}

/** Appends `id` to a list unless it is already there. */
export function withId(list: readonly string[], id: string): string[] {
  return list.includes(id) ? [...list] : [...list, id];
}

/** Copies only the keys of `source` whose value is defined. */
export function definedFields<T extends object>(source: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(source) as Array<keyof T>) {
    if (source[key] !== undefined) out[key] = source[key];
  }
  return out;
}

/**
 * A record as `create()` builds it: the defined fields of the validated create input, the fields the
 * workflow derives (`derived`, which win), state `new`, and `openedAt` = `updatedAt` = `at`.
 *
 * @example
 * newRecord({ id: 'chg-1', risk: undefined }, '2026-11-23T08:00:00.000Z', { risk: 'low' })
 * //=> { id: 'chg-1', risk: 'low', state: 'new', openedAt: '2026-11-23T08:00:00.000Z', updatedAt: '2026-11-23T08:00:00.000Z' }
 */
export function newRecord<T extends object, D extends object>(fields: T, at: string, derived: D) {
  return { ...definedFields(fields), ...derived, state: 'new', openedAt: at, updatedAt: at };
}
