import { z } from 'zod';
import { SlaPolicyDefinitionSchema } from './policy-schema';

const InstantMsSchema = z.number().int('must be whole milliseconds').min(-8.64e15).max(8.64e15);
const DurationMsSchema = z.number().int('must be whole milliseconds').min(0).max(8.64e15);

/**
 * The zod schema of {@link SlaState}, used to check a state that comes back from storage before the
 * clock trusts it (states returned by `startSla` / `advanceSla` are not re-checked).
 *
 * @example
 * SlaStateSchema.safeParse(JSON.parse(stored)).success //=> true
 */
export const SlaStateSchema = z.strictObject({
  kind: z.literal('sla-clock'),
  version: z.literal(1),
  policy: SlaPolicyDefinitionSchema,
  status: z.enum(['not_started', 'running', 'paused', 'stopped', 'cancelled']),
  entries: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  lastEntryAt: InstantMsSchema.nullable(),
  since: InstantMsSchema.nullable(),
  elapsedMs: DurationMsSchema,
  pausedMs: DurationMsSchema,
  pauseUnmeasured: z.boolean().optional(),
  startedAt: InstantMsSchema.nullable(),
  stoppedAt: InstantMsSchema.nullable(),
  targetMs: DurationMsSchema.nullable(),
  targetSince: InstantMsSchema.nullable(),
  reachedAt: z.array(InstantMsSchema.nullable()).max(11),
  watchedKeys: z.array(z.string().max(8_192).nullable()).max(200),
});
