import { z } from 'zod';
import { IdSchema, idList, LabelsSchema, ShortTextSchema } from './primitives';

/**
 * Operational status of a configuration item.
 *
 * @example
 * CI_STATUSES[0] //=> 'operational'
 */
export const CI_STATUSES = ['operational', 'degraded', 'down', 'maintenance', 'retired'] as const;
/** A configuration item status. @example const s: CiStatus = 'down'; */
export type CiStatus = (typeof CI_STATUSES)[number];

/**
 * A configuration item (CMDB): a server, database, application, service, network device...
 * `ciClass` is free text (`database`, `server`, `business_service`...).
 *
 * @example
 * ConfigurationItemSchema.parse({ id: 'db-1', name: 'orders-db', ciClass: 'database' })
 */
export const ConfigurationItemSchema = z.strictObject({
  id: IdSchema,
  name: ShortTextSchema.min(1, 'must not be empty'),
  ciClass: IdSchema,
  status: z.enum(CI_STATUSES).default('operational'),
  environment: IdSchema.optional(),
  ownerGroup: IdSchema.optional(),
  serviceIds: idList().default([]),
  labels: LabelsSchema.default({}),
});

/** A configuration item. @example const c: ConfigurationItem['ciClass'] = 'database'; */
export type ConfigurationItem = z.infer<typeof ConfigurationItemSchema>;
