import { z } from 'zod';
import { FieldPathSchema } from './field-path';
import { SLA_LIMITS } from './limits';

const TextValueSchema = z.string().max(1_024, 'at most 1024 characters');
const ScalarSchema = z.union([TextValueSchema, z.number().refine(Number.isFinite, 'must be finite'), z.boolean(), z.null()]);

/**
 * A scalar a condition compares against: a string, a finite number, a boolean or `null`.
 *
 * @example
 * const v: SlaConditionScalar = 'on_hold';
 */
export type SlaConditionScalar = string | number | boolean | null;

/**
 * A test of one record field. `field` is a dotted path read through own properties only.
 * - `eq` / `neq`: strict equality with `value` (a `Date` in the record compares as its epoch ms).
 * - `in` / `notIn`: membership in the list `value`.
 * - `exists` / `notExists`: the field holds a value other than `undefined` and `null`.
 * - `gt` / `gte` / `lt` / `lte`: numbers with numbers (a `Date` counts as its epoch ms), strings with
 *   strings (UTF-16 code unit order, which orders ISO timestamps of one format); mixed types are false.
 * - `changed`: the value differs from the previous entry's (objects compare by content; before the
 *   first entry the field counts as absent).
 *
 * @example
 * const onHold: SlaFieldCondition = { field: 'state', op: 'eq', value: 'on_hold' };
 */
export type SlaFieldCondition =
  | { field: string; op: 'eq' | 'neq'; value: SlaConditionScalar }
  | { field: string; op: 'in' | 'notIn'; value: SlaConditionScalar[] }
  | { field: string; op: 'exists' | 'notExists' | 'changed' }
  | { field: string; op: 'gt' | 'gte' | 'lt' | 'lte'; value: number | string };

/**
 * A condition on a record: a field test, or `{ all }`, `{ any }`, `{ not }` of conditions. Plain JSON,
 * nested at most 8 deep with at most 200 nodes (see {@link SLA_LIMITS}).
 *
 * @example
 * const waiting: SlaCondition = { any: [{ field: 'state', op: 'eq', value: 'on_hold' }, { field: 'pendingReason', op: 'exists' }] };
 */
export type SlaCondition = SlaFieldCondition | { all: SlaCondition[] } | { any: SlaCondition[] } | { not: SlaCondition };

const FieldConditionSchema = z.discriminatedUnion('op', [
  z.strictObject({ field: FieldPathSchema, op: z.enum(['eq', 'neq']), value: ScalarSchema }),
  z.strictObject({ field: FieldPathSchema, op: z.enum(['in', 'notIn']), value: z.array(ScalarSchema).max(SLA_LIMITS.listItems, `at most ${SLA_LIMITS.listItems} items`) }),
  z.strictObject({ field: FieldPathSchema, op: z.enum(['exists', 'notExists', 'changed']) }),
  z.strictObject({ field: FieldPathSchema, op: z.enum(['gt', 'gte', 'lt', 'lte']), value: z.union([z.number().refine(Number.isFinite, 'must be finite'), TextValueSchema]) }),
]);

const MembersSchema = z
  .array(z.lazy(() => SlaConditionSchema))
  .min(1, 'must list at least one condition')
  .max(SLA_LIMITS.listItems, `at most ${SLA_LIMITS.listItems} conditions`);

/**
 * The zod schema of {@link SlaCondition}. Depth and node limits are checked by `createSlaPolicy` before
 * this schema runs, so a hostile, deeply nested input cannot exhaust the stack.
 *
 * @example
 * SlaConditionSchema.parse({ field: 'state', op: 'in', value: ['resolved', 'closed'] })
 */
export const SlaConditionSchema: z.ZodType<SlaCondition, SlaCondition> = z.union([
  FieldConditionSchema,
  z.strictObject({ all: MembersSchema }),
  z.strictObject({ any: MembersSchema }),
  z.strictObject({ not: z.lazy(() => SlaConditionSchema) }),
]);
