import type { z } from 'zod';
import { safeParseWith, type ParseResult } from '../_lib/zod-issues';
import { ActorSchema } from './actor';
import { AlertSchema } from './alert';
import { ChangeSchema } from './change';
import { ConfigurationItemSchema } from './configuration-item';
import { IncidentSchema } from './incident';
import { KnownErrorSchema } from './known-error';
import { PriorityMatrixSchema } from './priority';
import { ProblemSchema } from './problem';
import { RelationshipSchema } from './relationship';

function parserFor<S extends z.ZodType>(schema: S, subject: string) {
  return (input: unknown): ParseResult<z.output<S>> => safeParseWith(schema, subject, input);
}

/**
 * Validates an incident. Never throws: returns `{ ok: true, value }` or `{ ok: false, error }` where
 * `error.issues` names each bad field.
 *
 * @example
 * const r = parseIncident({ id: 'inc-1' });
 * r.ok //=> false
 * r.ok || r.error.issues.some((i) => i.path === 'number') //=> true
 */
export const parseIncident = parserFor(IncidentSchema, 'incident');

/**
 * Validates a problem.
 *
 * @example
 * parseProblem({ id: 'prb-1' }).ok //=> false
 */
export const parseProblem = parserFor(ProblemSchema, 'problem');

/**
 * Validates a known error.
 *
 * @example
 * parseKnownError({ id: 'ke-1' }).ok //=> false
 */
export const parseKnownError = parserFor(KnownErrorSchema, 'known error');

/**
 * Validates a change.
 *
 * @example
 * parseChange({ id: 'chg-1' }).ok //=> false
 */
export const parseChange = parserFor(ChangeSchema, 'change');

/**
 * Validates an alert.
 *
 * @example
 * parseAlert({ id: 'a-1', source: 'prom', status: 'firing', severity: 'info', startsAt: '2026-11-23T08:00:00Z' }).ok //=> true
 */
export const parseAlert = parserFor(AlertSchema, 'alert');

/**
 * Validates a configuration item.
 *
 * @example
 * parseConfigurationItem({ id: 'db-1', name: 'orders-db', ciClass: 'database' }).ok //=> true
 */
export const parseConfigurationItem = parserFor(ConfigurationItemSchema, 'configuration item');

/**
 * Validates a CMDB relationship.
 *
 * @example
 * parseRelationship({ from: 'app', to: 'db', type: 'depends_on' }).ok //=> true
 */
export const parseRelationship = parserFor(RelationshipSchema, 'relationship');

/**
 * Validates an actor.
 *
 * @example
 * parseActor({ id: 'u-1', roles: ['agent'], groups: [] }).ok //=> true
 */
export const parseActor = parserFor(ActorSchema, 'actor');

/**
 * Validates a priority matrix.
 *
 * @example
 * parsePriorityMatrix([[1, 2], [2]]).ok //=> false (rows differ in length)
 */
export const parsePriorityMatrix = parserFor(PriorityMatrixSchema, 'priority matrix');
