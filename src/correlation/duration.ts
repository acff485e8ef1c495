import { z } from 'zod';

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const DURATION_TEXT = /^(\d{1,9})(ms|s|m|h|d)$/;
/**
 * The longest duration accepted anywhere in a correlator config: 400 days.
 *
 * @example
 * MAX_DURATION_MS / 86_400_000 //=> 400
 */
export const MAX_DURATION_MS = 400 * 86_400_000;

/**
 * A duration: milliseconds as a number, or a text such as `30s`, `5m`, `1h`, `2d` (Alertmanager style).
 * Parsed to milliseconds; at most 400 days.
 *
 * @example
 * DurationSchema.parse('5m') //=> 300000
 * DurationSchema.parse(1500) //=> 1500
 */
export const DurationSchema = z
  .union([
    z.int().min(0, 'must not be negative'),
    z.string().regex(DURATION_TEXT, 'must be milliseconds or a text like 30s, 5m, 1h, 2d'),
  ])
  .transform((v) => (typeof v === 'number' ? v : parseDurationText(v)))
  .refine((ms) => ms <= MAX_DURATION_MS, { message: 'at most 400 days' });

/** A duration as accepted by {@link DurationSchema}. @example const d: DurationInput = '30s'; */
export type DurationInput = z.input<typeof DurationSchema>;

function parseDurationText(text: string): number {
  const m = DURATION_TEXT.exec(text)!;
  return Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
}
