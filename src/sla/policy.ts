import { ALWAYS, createCalendar, type Calendar } from '../calendar';
import { trustedOps, type TrustedCalendarOps } from '../calendar/internal/trusted-ops';
import { ItsmValidationError, isItsmValidationError } from '../_lib/errors';
import { compileCondition, registerField, type FieldRegistry, type Predicate } from './condition';
import { checkConditionBounds } from './condition-bounds';
import { deepFreeze } from './deep-freeze';
import { pathSegments } from './field-path';
import { levelsMemo } from './levels';
import { parsePolicyDefinition } from './policy-parse';
import type { SlaPolicyDefinition, SlaPolicyDefinitionInput, SlaTarget } from './policy-schema';

/**
 * A validated, ready-to-evaluate SLA policy: its frozen plain-JSON `definition` and the compiled
 * business `calendar`. Create one with {@link createSlaPolicy} and reuse it for every record.
 *
 * @example
 * const policy: SlaPolicy = createSlaPolicy({ id: 'resp', start: { field: 'state', op: 'eq', value: 'new' }, target: { durationMs: 900_000 } });
 * policy.definition.target //=> { durationMs: 900000 }
 */
export interface SlaPolicy {
  /** The policy's id, from its definition. */
  readonly id: string;
  /** The validated definition (deep-frozen plain JSON); this is what the incremental state stores. */
  readonly definition: SlaPolicyDefinition;
  /** The compiled calendar (24x7 UTC when the definition has none). */
  readonly calendar: Calendar;
}

/** The compiled form the clock works with (internal). */
export interface CompiledPolicy {
  readonly policy: SlaPolicy;
  /** The policy's calendar as epoch-ms operations resolved once (the clock calls them in a loop). */
  readonly calendar: TrustedCalendarOps;
  readonly start: Predicate;
  readonly pause: Predicate | null;
  readonly stop: Predicate | null;
  readonly cancel: Predicate | null;
  readonly resetOn: Predicate | null;
  /** Segments of each field the conditions and the target read, in `ConditionInput.values` order. */
  readonly fields: ReadonlyArray<readonly string[]>;
  /** Every property name an evaluation reads plainly: each field's segments, plus an entry's `at` and `record`. */
  readonly readKeys: readonly string[];
  /** Segments of each field watched by `changed`, in key order. */
  readonly watched: ReadonlyArray<readonly string[]>;
  /** Warning fractions, ascending. */
  readonly warnAt: readonly number[];
  /** The levels of a target: each warning threshold, then the target (see `levelsOf`). */
  readonly levels: (targetMs: number) => readonly number[];
  /** The target picked by an entry's field values. */
  readonly targetOf: (values: readonly unknown[]) => number | null;
  /** The `retroactiveStart.field` path, or null. */
  readonly retroactiveField: string | null;
}

const SUBJECT = 'SLA policy';
const CONDITION_KEYS = ['start', 'pause', 'stop', 'cancel', 'resetOn'] as const;
const compiledByDefinition = new WeakMap<object, CompiledPolicy>();

/**
 * Validates a plain-JSON SLA policy definition and compiles it (conditions into predicates, the
 * calendar into its fast form). Throws {@link ItsmValidationError} naming the bad field, e.g.
 * `target.durationsMs.1: must be positive` or `calendar.timeZone: ...`.
 *
 * @example
 * const policy = createSlaPolicy({
 *   id: 'incident-resolution',
 *   calendar: { timeZone: 'Europe/Berlin', week: { mon: [{ start: '08:00', end: '17:00' }] } },
 *   target: { field: 'priority', durationsMs: { '1': 4 * 3_600_000, '2': 8 * 3_600_000 } },
 *   start: { field: 'state', op: 'in', value: ['new', 'in_progress'] },
 *   pause: { field: 'state', op: 'eq', value: 'on_hold' },
 *   stop: { field: 'state', op: 'in', value: ['resolved', 'closed'] },
 *   warnAt: [0.5, 0.75],
 * });
 */
export function createSlaPolicy(definition: SlaPolicyDefinitionInput): SlaPolicy {
  checkRawDefinition(definition);
  const parsed = deepFreeze(parsePolicyDefinition(definition, SUBJECT));
  const calendar = parsed.calendar === undefined ? ALWAYS : createPolicyCalendar(parsed.calendar);
  const policy: SlaPolicy = Object.freeze({ id: parsed.id, definition: parsed, calendar });
  compiledByDefinition.set(parsed, compile(policy));
  return policy;
}

/**
 * Checks zod cannot make on the raw input: condition depth and size (before zod recurses into them),
 * and a `__proto__` target key (which zod would drop silently rather than report).
 */
function checkRawDefinition(definition: unknown): void {
  if (typeof definition !== 'object' || definition === null) return;
  const raw = definition as Record<string, unknown>;
  for (const key of CONDITION_KEYS) if (Object.hasOwn(raw, key)) checkConditionBounds(raw[key], [key], SUBJECT);
  const target = Object.hasOwn(raw, 'target') ? raw.target : undefined;
  const durations = typeof target === 'object' && target !== null && Object.hasOwn(target, 'durationsMs') ? (target as Record<string, unknown>).durationsMs : undefined;
  if (typeof durations === 'object' && durations !== null && Object.hasOwn(durations, '__proto__')) {
    throw ItsmValidationError.at(SUBJECT, ['target', 'durationsMs', '__proto__'], 'must not be __proto__, constructor or prototype');
  }
}

/**
 * The compiled form of a policy, or of a definition (validated and compiled on first sight, then
 * remembered for that object: a deserialized incremental state pays for compilation once).
 */
export function compiledPolicy(input: SlaPolicy | SlaPolicyDefinitionInput): CompiledPolicy {
  const isPolicy = typeof input === 'object' && input !== null && Object.hasOwn(input, 'definition');
  const known = compiledByDefinition.get(isPolicy ? (input as SlaPolicy).definition : input);
  if (known !== undefined) return known;
  const created = createSlaPolicy(input as SlaPolicyDefinitionInput);
  return compiledByDefinition.get(created.definition) as CompiledPolicy;
}

function createPolicyCalendar(definition: NonNullable<SlaPolicyDefinition['calendar']>): Calendar {
  try {
    return createCalendar(definition);
  } catch (error) {
    if (!isItsmValidationError(error)) throw error;
    const issues = error.issues.map((i) => ({ ...i, path: ['calendar', ...i.segments].join('.'), segments: ['calendar', ...i.segments] }));
    throw new ItsmValidationError(SUBJECT, issues);
  }
}

function compile(policy: SlaPolicy): CompiledPolicy {
  const def = policy.definition;
  const fields: FieldRegistry = { paths: [], watched: [] };
  const optional = (c: SlaPolicyDefinition['pause']): Predicate | null => (c === undefined ? null : compileCondition(c, fields));
  const start = compileCondition(def.start, fields);
  const pause = optional(def.pause);
  const stop = optional(def.stop);
  const cancel = optional(def.cancel);
  const resetOn = optional(def.resetOn);
  const targetOf = compileTarget(def.target, fields);
  return {
    policy, calendar: trustedOps(policy.calendar), start, pause, stop, cancel, resetOn, targetOf,
    fields: fields.paths.map(pathSegments),
    readKeys: [...new Set(['at', 'record', ...fields.paths.flatMap(pathSegments)])],
    watched: fields.watched.map(pathSegments),
    warnAt: def.warnAt ?? [],
    levels: levelsMemo(def.warnAt ?? []),
    retroactiveField: def.retroactiveStart?.field ?? null,
  };
}

function compileTarget(target: SlaTarget | undefined, fields: FieldRegistry): (values: readonly unknown[]) => number | null {
  if (target === undefined) return () => null;
  if ('durationMs' in target) {
    const fixed = target.durationMs;
    return () => fixed;
  }
  const at = registerField(fields.paths, target.field);
  const byKey = new Map(Object.entries(target.durationsMs));
  // Keys that are how a number prints ('1', '2.5') also by number, so a numeric value is looked up
  // without building its string: exactly the same answers as `byKey.get(String(value))`.
  const byNumber = new Map([...byKey].filter(([key]) => String(Number(key)) === key).map(([key, ms]) => [Number(key), ms]));
  return (values) => {
    const value = values[at];
    if (typeof value === 'number') return byNumber.get(value) ?? null;
    if (typeof value !== 'string' && typeof value !== 'boolean') return null;
    return byKey.get(String(value)) ?? null;
  };
}
