import { z } from 'zod';
import { ConfigurationItemSchema } from '../models/configuration-item';
import { RelationshipSchema } from '../models/relationship';

/**
 * Size limits of a topology definition: at most 1,000,000 CIs and 1,000,000 relationships, and at most
 * 100 referential issues (duplicate ids, unknown CIs) reported at once.
 *
 * @example
 * TOPOLOGY_LIMITS.cis //=> 1000000
 */
export const TOPOLOGY_LIMITS = {
  cis: 1_000_000,
  relationships: 1_000_000,
  reportedIssues: 100,
} as const;

/**
 * A CMDB topology as plain JSON: the configuration items and the relationships between them. Every
 * relationship must name CIs of `cis` (an unknown one is reported at `relationships.<i>.from` or
 * `relationships.<i>.to`) and CI ids must be unique (a duplicate is reported at `cis.<i>.id`).
 *
 * @example
 * TopologyDefinitionSchema.parse({
 *   cis: [{ id: 'app', name: 'checkout', ciClass: 'application' }, { id: 'db', name: 'orders-db', ciClass: 'database' }],
 *   relationships: [{ from: 'app', to: 'db', type: 'depends_on' }],
 * })
 */
export const TopologyDefinitionSchema = z
  .strictObject({
    cis: z.array(ConfigurationItemSchema).max(TOPOLOGY_LIMITS.cis, `at most ${TOPOLOGY_LIMITS.cis} CIs`),
    relationships: z
      .array(RelationshipSchema)
      .max(TOPOLOGY_LIMITS.relationships, `at most ${TOPOLOGY_LIMITS.relationships} relationships`)
      .default([]),
  })
  .superRefine((def, ctx) => {
    let reported = 0;
    const report = (path: Array<string | number>, message: string): boolean => {
      ctx.addIssue({ code: 'custom', path, message });
      return ++reported >= TOPOLOGY_LIMITS.reportedIssues;
    };
    const ids = new Set<string>();
    for (let i = 0; i < def.cis.length; i++) {
      const id = def.cis[i]!.id;
      if (ids.has(id) && report(['cis', i, 'id'], `duplicate CI id "${id}"`)) return;
      ids.add(id);
    }
    for (let i = 0; i < def.relationships.length; i++) {
      const r = def.relationships[i]!;
      if (!ids.has(r.from) && report(['relationships', i, 'from'], `unknown CI "${r.from}"`)) return;
      if (!ids.has(r.to) && report(['relationships', i, 'to'], `unknown CI "${r.to}"`)) return;
    }
  });

/** A validated topology definition. @example const d: TopologyDefinition = { cis: [], relationships: [] }; */
export type TopologyDefinition = z.output<typeof TopologyDefinitionSchema>;
/** What {@link TopologyDefinitionSchema} accepts (CI defaults such as `status` may be left out). @example const d: TopologyDefinitionInput = { cis: [] }; */
export type TopologyDefinitionInput = z.input<typeof TopologyDefinitionSchema>;
