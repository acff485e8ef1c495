import { ItsmValidationError } from './errors';

/**
 * An optional options argument: `{}` when it is `undefined`, the object itself when it is a plain object,
 * otherwise an {@link ItsmValidationError} at `field` (so `null`, a number or an array never reaches a
 * property read deep inside).
 */
export function optionsObject<T extends object>(value: T | undefined, subject: string, field = 'options'): T | Record<string, never> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw ItsmValidationError.at(subject, [field], 'must be an object');
  return value;
}
