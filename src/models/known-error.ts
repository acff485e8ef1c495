import { z } from 'zod';
import { CustomFieldsSchema, IdSchema, idList, IsoTimestampSchema, LongTextSchema, ShortTextSchema } from './primitives';

/**
 * A known error (iTop's class): a problem whose root cause and workaround are documented.
 *
 * @example
 * KnownErrorSchema.parse({
 *   id: 'ke-1', problemId: 'prb-1', symptom: 'Mail queue stalls', rootCause: 'Disk full on mx-2',
 *   workaround: 'Purge /var/spool', createdAt: '2026-11-23T12:00:00Z',
 * })
 */
export const KnownErrorSchema = z.strictObject({
  id: IdSchema,
  problemId: IdSchema.optional(),
  symptom: ShortTextSchema.min(1, 'must not be empty'),
  rootCause: LongTextSchema.min(1, 'must not be empty'),
  workaround: LongTextSchema.min(1, 'must not be empty'),
  solution: LongTextSchema.optional(),
  errorCode: ShortTextSchema.optional(),
  ciIds: idList().default([]),
  incidentIds: idList().default([]),
  fixChangeId: IdSchema.optional(),
  createdAt: IsoTimestampSchema,
  updatedAt: IsoTimestampSchema.optional(),
  custom: CustomFieldsSchema.optional(),
});

/** A known-error record. @example const w: KnownError['workaround'] = 'Restart the pool'; */
export type KnownError = z.infer<typeof KnownErrorSchema>;
