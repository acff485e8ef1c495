const hasOwn = Object.prototype.hasOwnProperty;

/** Reads an own property only (never one inherited from `Object.prototype`, e.g. `constructor`). */
export function own<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return hasOwn.call(record, key) ? record[key] : undefined;
}

/** A fresh dictionary without a prototype, safe to assign any key onto (`__proto__` included). */
export function dict<V>(): Record<string, V> {
  return Object.create(null) as Record<string, V>;
}

/** A prototype-free shallow copy of a dictionary (own enumerable keys only). */
export function copyDict<V>(record: Readonly<Record<string, V>>): Record<string, V> {
  const out = dict<V>();
  for (const k of Object.keys(record)) out[k] = record[k]!;
  return out;
}
