import { z } from 'zod';

/** Size limits applied to every model; documented in docs/ARCHITECTURE.md ("Resource bounds"). */
export const MODEL_LIMITS = {
  idLength: 128,
  shortTextLength: 512,
  longTextLength: 32_000,
  labels: 64,
  labelKeyLength: 128,
  labelValueLength: 1_024,
  annotationValueLength: 8_192,
  listItems: 1_000,
  customFields: 100,
} as const;

/**
 * An identifier: 1 to 128 characters.
 *
 * @example
 * IdSchema.parse('INC0010001') //=> 'INC0010001'
 */
export const IdSchema = z.string().min(1, 'must not be empty').max(MODEL_LIMITS.idLength, `at most ${MODEL_LIMITS.idLength} characters`);

/**
 * A one-line text of at most 512 characters.
 *
 * @example
 * ShortTextSchema.parse('Email is down') //=> 'Email is down'
 */
export const ShortTextSchema = z.string().max(MODEL_LIMITS.shortTextLength, `at most ${MODEL_LIMITS.shortTextLength} characters`);

/**
 * A free text of at most 32,000 characters.
 *
 * @example
 * LongTextSchema.parse('Users report bounces since 09:12.')
 */
export const LongTextSchema = z.string().max(MODEL_LIMITS.longTextLength, `at most ${MODEL_LIMITS.longTextLength} characters`);

/**
 * An ISO-8601 instant in UTC with a `Z` suffix, e.g. `2026-11-23T08:15:00Z` (fractional seconds allowed).
 *
 * @example
 * IsoTimestampSchema.parse('2026-11-23T08:15:00.000Z')
 */
export const IsoTimestampSchema = z.iso.datetime({ message: 'must be an ISO-8601 UTC timestamp such as 2026-11-23T08:15:00Z' });

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const LABEL_KEY = /^[A-Za-z_][A-Za-z0-9_.:/-]*$/;

/**
 * A label or annotation name: starts with a letter or `_`, then letters, digits, `_ . : / -`; never
 * `__proto__`, `constructor` or `prototype`.
 *
 * @example
 * LabelKeySchema.parse('kubernetes.io/hostname')
 */
export const LabelKeySchema = z
  .string()
  .min(1, 'must not be empty')
  .max(MODEL_LIMITS.labelKeyLength, `at most ${MODEL_LIMITS.labelKeyLength} characters`)
  .regex(LABEL_KEY, 'must start with a letter or _ and contain only letters, digits and _ . : / -')
  .refine((k) => !FORBIDDEN_KEYS.has(k), { message: 'is a reserved name (__proto__, constructor, prototype)' });

/**
 * Wraps a record schema so that an own `__proto__` key in the input is reported (zod itself skips it
 * silently, which would lose data without a word).
 */
function rejectProtoKey<S extends z.ZodType>(schema: S) {
  return z.preprocess((value, ctx) => {
    if (typeof value === 'object' && value !== null && Object.prototype.hasOwnProperty.call(value, '__proto__')) {
      ctx.issues.push({ code: 'custom', path: ['__proto__'], input: value, message: 'is a reserved name (__proto__, constructor, prototype)' });
    }
    return value;
  }, schema);
}

function boundedStringMap(valueMax: number) {
  return rejectProtoKey(
    z
      .record(LabelKeySchema, z.string().max(valueMax, `at most ${valueMax} characters`))
      .refine((r) => Object.keys(r).length <= MODEL_LIMITS.labels, { message: `at most ${MODEL_LIMITS.labels} entries` }),
  );
}

/**
 * Labels: name to string value, at most 64 of them.
 *
 * @example
 * LabelsSchema.parse({ alertname: 'HighLatency', service: 'checkout' })
 */
export const LabelsSchema = boundedStringMap(MODEL_LIMITS.labelValueLength);

/**
 * Annotations: like labels, with longer values (summaries, runbook links).
 *
 * @example
 * AnnotationsSchema.parse({ summary: 'p99 latency above 2s' })
 */
export const AnnotationsSchema = boundedStringMap(MODEL_LIMITS.annotationValueLength);

/**
 * A host's own extra fields on a record: at most 100 scalar values. Unknown top-level fields are
 * rejected by every model (so nothing is silently dropped); this is where custom data goes instead.
 *
 * @example
 * CustomFieldsSchema.parse({ u_region: 'emea', u_vip: true })
 */
export const CustomFieldsSchema = rejectProtoKey(
  z
    .record(LabelKeySchema, z.union([z.string().max(MODEL_LIMITS.longTextLength), z.number(), z.boolean(), z.null()]))
    .refine((r) => Object.keys(r).length <= MODEL_LIMITS.customFields, { message: `at most ${MODEL_LIMITS.customFields} entries` }),
);

/** A bounded list of ids (at most 1,000). */
export function idList() {
  return z.array(IdSchema).max(MODEL_LIMITS.listItems, `at most ${MODEL_LIMITS.listItems} items`);
}
