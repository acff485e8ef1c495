import { z } from 'zod';

/**
 * Impact of an incident or change: 1 high, 2 medium, 3 low.
 *
 * @example
 * ImpactSchema.parse(1) //=> 1
 */
export const ImpactSchema = z.literal([1, 2, 3], { error: 'must be 1 (high), 2 (medium) or 3 (low)' });
/** Impact: 1 high, 2 medium, 3 low. @example const i: Impact = 2; */
export type Impact = z.infer<typeof ImpactSchema>;

/**
 * Urgency: 1 high, 2 medium, 3 low.
 *
 * @example
 * UrgencySchema.parse(3) //=> 3
 */
export const UrgencySchema = ImpactSchema;
/** Urgency: 1 high, 2 medium, 3 low. @example const u: Urgency = 1; */
export type Urgency = z.infer<typeof UrgencySchema>;

/**
 * Priority: 1 critical, 2 high, 3 moderate, 4 low, 5 planning.
 *
 * @example
 * PrioritySchema.parse(1) //=> 1
 */
export const PrioritySchema = z.literal([1, 2, 3, 4, 5], { error: 'must be 1 (critical), 2 (high), 3 (moderate), 4 (low) or 5 (planning)' });
/** Priority: 1 critical .. 5 planning. @example const p: Priority = 1; */
export type Priority = z.infer<typeof PrioritySchema>;
