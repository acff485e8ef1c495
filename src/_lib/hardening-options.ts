import { ItsmValidationError } from './errors';

/**
 * An optional options argument: `{}` when it is `undefined`, the object itself when it is a plain object,
 * otherwise an {@link ItsmValidationError} at `field` (so `null`, a number or an array never reaches a
 * property read deep inside).
 */
export function optionsObject<T extends object>(value: T | undefined, subject: string, field = 'options'): T | Record<string, never> {
  return value === undefined ? {} : requireObject(value, subject, [field]);
}

/**
 * A required object argument: the value itself when it is an object (not an array), otherwise an
 * {@link ItsmValidationError} at `path` naming what it must be.
 */
export function requireObject<T extends object>(value: T, subject: string, path: ReadonlyArray<string | number>, what = 'an object'): T {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw ItsmValidationError.at(subject, path, `must be ${what}`);
  return value;
}

/** A required array argument: the value itself when it is an array, otherwise an {@link ItsmValidationError} at `path`. */
export function requireArray<T>(value: readonly T[], subject: string, path: ReadonlyArray<string | number>, what = 'an array'): readonly T[] {
  if (!Array.isArray(value)) throw ItsmValidationError.at(subject, path, `must be ${what}`);
  return value;
}
