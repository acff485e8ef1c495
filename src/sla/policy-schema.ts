import { z } from 'zod';
import { CalendarDefinitionSchema } from '../calendar';
import { IdSchema, ShortTextSchema } from '../models/primitives';
import { SlaConditionSchema } from './condition-schema';
import { FieldPathSchema } from './field-path';
import { SLA_LIMITS } from './limits';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A target duration: whole milliseconds of business time, at least 1 and at most 100 years.
 *
 * @example
 * SlaDurationSchema.parse(4 * 3_600_000) //=> 14400000
 */
export const SlaDurationSchema = z
  .number()
  .int('must be whole milliseconds')
  .positive('must be positive')
  .max(SLA_LIMITS.maxDurationMs, 'must be at most 100 years');

const TargetKeySchema = z
  .string()
  .min(1, 'must not be empty')
  .max(128, 'at most 128 characters')
  .refine((k) => !FORBIDDEN_KEYS.has(k), 'must not be __proto__, constructor or prototype');

/**
 * An SLA target: a fixed `durationMs`, or `durationsMs` keyed by the value of the record's `field`
 * as a string (`1` and `'1'` both pick key `'1'`). A value with no key means no target.
 *
 * @example
 * SlaTargetSchema.parse({ field: 'priority', durationsMs: { '1': 4 * 3_600_000, '2': 8 * 3_600_000 } })
 */
export const SlaTargetSchema = z.union([
  z.strictObject({ durationMs: SlaDurationSchema }),
  z.strictObject({
    field: FieldPathSchema,
    durationsMs: z
      .record(TargetKeySchema, SlaDurationSchema)
      .refine((m) => Object.keys(m).length <= SLA_LIMITS.targetKeys, `at most ${SLA_LIMITS.targetKeys} targets`),
  }),
]);

/**
 * The validated form of {@link SlaTargetSchema}.
 *
 * @example
 * const target: SlaTarget = { durationMs: 8 * 3_600_000 };
 */
export type SlaTarget = z.output<typeof SlaTargetSchema>;

const WarnAtSchema = z
  .array(z.number().gt(0, 'must be greater than 0').lte(1, 'must be at most 1'))
  .max(SLA_LIMITS.warnings, `at most ${SLA_LIMITS.warnings} thresholds`)
  .refine((list) => list.every((f, i) => i === 0 || f > (list[i - 1] as number)), 'must be strictly increasing');

/**
 * The plain-JSON definition of an SLA policy, validated by {@link createSlaPolicy}.
 *
 * - `calendar`: business hours as in `itsm-kit/calendar` (omitted: 24x7 UTC).
 * - `target`: fixed or by field (omitted: the clock runs without a target).
 * - `start`, `pause`, `stop`, `cancel`, `resetOn`: conditions on the record (see {@link SlaCondition}).
 * - `warnAt`: strictly increasing fractions in (0, 1] of the target.
 * - `retroactiveStart`: `{ field }`, a record field holding the instant the clock counts from.
 *
 * @example
 * SlaPolicyDefinitionSchema.parse({ id: 'resp', start: { field: 'state', op: 'eq', value: 'new' }, target: { durationMs: 900_000 } })
 */
export const SlaPolicyDefinitionSchema = z.strictObject({
  id: IdSchema,
  name: ShortTextSchema.optional(),
  calendar: CalendarDefinitionSchema.optional(),
  target: SlaTargetSchema.optional(),
  start: SlaConditionSchema,
  pause: SlaConditionSchema.optional(),
  stop: SlaConditionSchema.optional(),
  cancel: SlaConditionSchema.optional(),
  resetOn: SlaConditionSchema.optional(),
  warnAt: WarnAtSchema.optional(),
  retroactiveStart: z.strictObject({ field: FieldPathSchema }).optional(),
});

/**
 * A validated SLA policy definition (plain JSON). See {@link SlaPolicyDefinitionSchema}.
 *
 * @example
 * const def: SlaPolicyDefinition = { id: 'resp', start: { field: 'state', op: 'eq', value: 'new' } };
 */
export type SlaPolicyDefinition = z.output<typeof SlaPolicyDefinitionSchema>;

/**
 * What {@link createSlaPolicy} accepts: the input form of {@link SlaPolicyDefinition}.
 *
 * @example
 * const input: SlaPolicyDefinitionInput = { id: 'fix', start: { field: 'state', op: 'exists' }, target: { durationMs: 3_600_000 } };
 */
export type SlaPolicyDefinitionInput = z.input<typeof SlaPolicyDefinitionSchema>;
