/**
 * One small hierarchy of named error classes. Validation problems are data (`issues`), so hosts can show
 * them field by field; `instanceof` works across every subpath because the classes live in one chunk,
 * and `isItsmValidationError` works even across duplicated copies of the package.
 */

/** One problem found in an input: where (`path`) and why (`message`), in plain words. */
export interface ValidationIssue {
  /** Dotted path to the bad field, e.g. `week.mon.0.start`; empty for the input as a whole. */
  readonly path: string;
  /** The same path as segments, for hosts that map errors onto form fields. */
  readonly segments: ReadonlyArray<string | number>;
  /** Why the field is bad, in plain words. */
  readonly message: string;
  /** A machine-readable code (zod's issue codes, plus itsm-kit's own such as `unknown_time_zone`). */
  readonly code: string;
}

const VALIDATION_BRAND = Symbol.for('itsm-kit.ItsmValidationError');

/**
 * Base class of every error itsm-kit throws.
 *
 * @example
 * try { createCalendar(definition) } catch (e) { if (e instanceof ItsmError) console.error(e.message) }
 */
export class ItsmError extends Error {
  override readonly name: string = 'ItsmError';
}

/**
 * Thrown (or returned inside `{ ok: false, error }`) when an input does not validate. Lists every bad
 * field with its path and the reason.
 *
 * @example
 * const r = parseIncident({ id: 'x' });
 * if (!r.ok) r.error.issues.map((i) => `${i.path}: ${i.message}`);
 * //=> ['number: required', ...]
 */
export class ItsmValidationError extends ItsmError {
  override readonly name = 'ItsmValidationError';
  /** What was being validated, e.g. `incident` or `calendar`. */
  readonly subject: string;
  /** Every problem found, in input order. */
  readonly issues: readonly ValidationIssue[];
  readonly [VALIDATION_BRAND] = true;

  constructor(subject: string, issues: readonly ValidationIssue[]) {
    super(formatMessage(subject, issues));
    this.subject = subject;
    this.issues = issues;
  }

  /** Builds an error with a single issue at `path` (segments joined by dots). */
  static at(subject: string, path: ReadonlyArray<string | number>, message: string, code = 'custom'): ItsmValidationError {
    return new ItsmValidationError(subject, [{ path: path.join('.'), segments: [...path], message, code }]);
  }
}

/**
 * Thrown when a computation cannot finish by design, e.g. a calendar with no business time at all, or
 * a sum that cannot be reached within the 100-year search horizon.
 *
 * @example
 * addBusinessTime(createCalendar({ timeZone: 'UTC', week: {} }), 0, 1) // throws ItsmRangeError
 */
export class ItsmRangeError extends ItsmError {
  override readonly name = 'ItsmRangeError';
}

/**
 * True when `value` is an {@link ItsmValidationError}, even one created by another copy of itsm-kit.
 *
 * @example
 * isItsmValidationError(new ItsmValidationError('x', [])) //=> true
 */
export function isItsmValidationError(value: unknown): value is ItsmValidationError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[VALIDATION_BRAND] === true;
}

const MAX_LISTED = 5;

function formatMessage(subject: string, issues: readonly ValidationIssue[]): string {
  const listed = issues.slice(0, MAX_LISTED).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  const more = issues.length > MAX_LISTED ? `; and ${issues.length - MAX_LISTED} more` : '';
  return `Invalid ${subject}: ${listed.join('; ')}${more}`;
}
