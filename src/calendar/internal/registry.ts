/** Maps the public, frozen calendar objects to their private engines, and validates call arguments. */
import { ItsmValidationError } from '../../_lib/errors';
import { toEpochMs } from '../../_lib/instant';
import type { Calendar } from '../calendar';
import type { Engine } from './engine';
import { HORIZON_MS } from './time';

const engines = new WeakMap<object, Engine>();

/** Registers a freshly built calendar object with its engine. */
export function register<C extends Calendar>(calendar: C, engine: Engine): C {
  engines.set(calendar, engine);
  return calendar;
}

/** The engine of `calendar`, or an {@link ItsmValidationError} at `calendar` when it is not one. */
export function engineOf(calendar: unknown, subject: string, path: ReadonlyArray<string | number> = ['calendar']): Engine {
  const engine = typeof calendar === 'object' && calendar !== null ? engines.get(calendar) : undefined;
  if (engine === undefined) {
    throw ItsmValidationError.at(subject, path, 'must be a calendar made by createCalendar or combineCalendars');
  }
  return engine;
}

/** An instant argument as integer epoch ms, or an {@link ItsmValidationError} naming `field`. */
export function instantArg(value: unknown, field: string, subject: string): number {
  const ms = toEpochMs(value, field, subject);
  if (!Number.isInteger(ms)) throw ItsmValidationError.at(subject, [field], 'must be a whole number of milliseconds');
  return ms;
}

/** A duration argument: an integer number of ms, at most 100 years either way. */
export function durationArg(value: unknown, field: string, subject: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw ItsmValidationError.at(subject, [field], 'must be a finite number of milliseconds');
  }
  if (!Number.isInteger(value)) throw ItsmValidationError.at(subject, [field], 'must be a whole number of milliseconds');
  if (Math.abs(value) > HORIZON_MS) throw ItsmValidationError.at(subject, [field], 'must be at most 100 years of milliseconds either way');
  return value;
}
