import { z } from 'zod';
import { IdSchema } from './primitives';

/**
 * CMDB relationship types. Each reads `from <type> to`: `app depends_on db`, `vm runs_on host`,
 * `app hosted_on vm`; the `to` side is upstream (its failure impacts `from`). `connected_to` is
 * symmetric and is followed both ways by topology analysis.
 *
 * @example
 * RELATIONSHIP_TYPES //=> ['depends_on', 'runs_on', 'hosted_on', 'connected_to']
 */
export const RELATIONSHIP_TYPES = ['depends_on', 'runs_on', 'hosted_on', 'connected_to'] as const;
/** A relationship type. @example const t: RelationshipType = 'runs_on'; */
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/**
 * A directed CMDB relationship between two configuration items (a CI cannot relate to itself).
 *
 * @example
 * RelationshipSchema.parse({ from: 'checkout-app', to: 'orders-db', type: 'depends_on' })
 */
export const RelationshipSchema = z
  .strictObject({
    from: IdSchema,
    to: IdSchema,
    type: z.enum(RELATIONSHIP_TYPES),
  })
  .refine((r) => r.from !== r.to, { message: 'a CI cannot relate to itself', path: ['to'] });

/** A CMDB relationship. @example const r: Relationship = { from: 'app', to: 'db', type: 'depends_on' }; */
export type Relationship = z.infer<typeof RelationshipSchema>;
