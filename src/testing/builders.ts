import type { z } from 'zod';
import { toEpochMs, type InstantInput } from '../_lib/instant';
import { ItsmValidationError } from '../_lib/errors';
import { parseOrThrow } from '../_lib/zod-issues';
import {
  ActorSchema, AlertSchema, ChangeSchema, ConfigurationItemSchema, IncidentSchema, KnownErrorSchema, ProblemSchema, RelationshipSchema,
  type Actor, type Alert, type AlertInput, type Change, type ChangeInput, type ConfigurationItem, type Incident, type IncidentInput,
  type KnownError, type Problem, type ProblemInput, type Relationship,
} from '../models';
import type { BuildContext } from './builder-context';
import { changeDefaults } from './change-defaults';
import { incidentDefaults } from './incident-defaults';
import { actorDefaults, alertDefaults, ciDefaults, knownErrorDefaults, problemDefaults, relationshipDefaults } from './other-defaults';
import { stableHash } from './stable-key';
import { optionsObject } from '../_lib/hardening-options';

/**
 * The instant every default timestamp is derived from unless told otherwise: Monday 2026-11-23 08:00 UTC.
 *
 * @example
 * anIncident().openedAt === BUILDER_EPOCH //=> true
 */
export const BUILDER_EPOCH = '2026-11-23T08:00:00.000Z';

/**
 * Builders for every model: each returns a record that parses with its model schema, with sensible
 * defaults consistent with the state you ask for; the overrides you pass win and are validated (a bad
 * override throws `ItsmValidationError` naming the field).
 *
 * @example
 * const b: Builders = createBuilders();
 * b.anIncident({ priority: 1 }).id //=> 'inc-1'
 */
export interface Builders {
  /** An incident; `state` brings matching fields (acknowledgement, assignee, resolution...). */
  anIncident(overrides?: Partial<IncidentInput>): Incident;
  /** A problem; `knownError: true` brings a root cause and a workaround. */
  aProblem(overrides?: Partial<ProblemInput>): Problem;
  /** A known-error record. */
  aKnownError(overrides?: Partial<z.input<typeof KnownErrorSchema>>): KnownError;
  /** A change request; `state` brings a plan, a window, an approval, actual times and a close code as fits. */
  aChange(overrides?: Partial<ChangeInput>): Change;
  /** An alert; `status: 'resolved'` brings `endsAt`. */
  anAlert(overrides?: Partial<AlertInput>): Alert;
  /** A configuration item. */
  aConfigurationItem(overrides?: Partial<z.input<typeof ConfigurationItemSchema>>): ConfigurationItem;
  /** Alias of {@link Builders.aConfigurationItem}. */
  aCi(overrides?: Partial<z.input<typeof ConfigurationItemSchema>>): ConfigurationItem;
  /** A CMDB relationship (`from depends_on to` by default). */
  aRelationship(overrides?: Partial<Relationship>): Relationship;
  /** An actor (an agent of the service desk by default). */
  anActor(overrides?: Partial<Actor>): Actor;
}

/**
 * Options of {@link createBuilders}.
 *
 * @example
 * const o: CreateBuildersOptions = { at: '2026-12-01T09:00:00Z', idPrefix: 'test-' };
 */
export interface CreateBuildersOptions {
  /** The instant default timestamps are derived from. Default {@link BUILDER_EPOCH}. */
  readonly at?: InstantInput;
  /** Prepended to every generated id (`test-inc-1`). At most 64 characters. Default none. */
  readonly idPrefix?: string;
}

type Identify = (kind: string, overrides: object) => { id: string; suffix: string };

function makeBuilders(identify: Identify, atMs: number): Builders {
  function builder<S extends z.ZodType, I extends object>(
    kind: string,
    schema: S,
    subject: string,
    defaults: (ctx: BuildContext, overrides: I) => object,
  ): (overrides?: I) => z.output<S> {
    return (overrides) => {
      const o = (overrides ?? {}) as I;
      if (typeof o !== 'object' || o === null || Array.isArray(o)) throw ItsmValidationError.at(subject, ['overrides'], 'must be an object');
      const ctx: BuildContext = { ...identify(kind, o), atMs };
      return parseOrThrow(schema, subject, { ...defaults(ctx, o), ...o });
    };
  }
  const aConfigurationItem = builder('ci', ConfigurationItemSchema, 'configuration item', ciDefaults);
  return {
    anIncident: builder('inc', IncidentSchema, 'incident', incidentDefaults),
    aProblem: builder('prb', ProblemSchema, 'problem', problemDefaults),
    aKnownError: builder('ke', KnownErrorSchema, 'known error', knownErrorDefaults),
    aChange: builder('chg', ChangeSchema, 'change', changeDefaults),
    anAlert: builder('alert', AlertSchema, 'alert', alertDefaults),
    aConfigurationItem,
    aCi: aConfigurationItem,
    aRelationship: builder('rel', RelationshipSchema, 'relationship', relationshipDefaults),
    anActor: builder('u', ActorSchema, 'actor', actorDefaults),
  };
}

/**
 * Creates a set of builders that number their records: the n-th incident built is `inc-<n>` with
 * number `INC000000<n>`, the n-th change `chg-<n>`, and so on, each kind counting on its own. The
 * counters live in this builder set only (this is its builder sequence): two sets never share them,
 * and the same calls in the same order always give the same records.
 *
 * @example
 * const { anIncident, aChange } = createBuilders({ at: '2026-12-01T09:00:00Z' });
 * anIncident().id //=> 'inc-1'
 * anIncident({ state: 'resolved' }).resolvedAt //=> '2026-12-01T11:00:00.000Z'
 * aChange().id //=> 'chg-1'
 */
export function createBuilders(input?: CreateBuildersOptions): Builders {
  const options: CreateBuildersOptions = optionsObject(input, 'builders options');
  const atMs = toEpochMs(options.at ?? BUILDER_EPOCH, 'at', 'builders options');
  const prefix = options.idPrefix ?? '';
  if (typeof prefix !== 'string' || prefix.length > 64) throw ItsmValidationError.at('builders options', ['idPrefix'], 'must be a string of at most 64 characters');
  const counters = new Map<string, number>();
  return makeBuilders((kind) => {
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    return { id: `${prefix}${kind}-${n}`, suffix: String(n).padStart(7, '0') };
  }, atMs);
}

/**
 * The default, stateless builders: a record's generated id derives from its overrides (`inc-1` with
 * none, `inc-<8-hex hash of the overrides>` otherwise), so the same call always gives the same record
 * and no state is kept between calls. Pass an `id` (or use {@link createBuilders}) to build several
 * distinct records with equal overrides.
 */
const stateless = makeBuilders((kind, overrides) => {
  const suffix = Object.keys(overrides).length === 0 ? '1' : stableHash(overrides);
  return { id: `${kind}-${suffix}`, suffix: suffix.padStart(7, '0').toUpperCase() };
}, Date.parse(BUILDER_EPOCH));

/**
 * An incident that parses with `IncidentSchema`. Stateless: its id derives from the overrides.
 *
 * @example
 * anIncident({ priority: 1 }).impact //=> 1 (impact and urgency follow the priority)
 * anIncident({ state: 'on_hold' }).onHoldReason //=> 'awaiting_caller'
 */
export const anIncident = stateless.anIncident;
/**
 * A problem that parses with `ProblemSchema`.
 *
 * @example
 * aProblem({ knownError: true }).workaround //=> 'Restart the relay service'
 */
export const aProblem = stateless.aProblem;
/**
 * A known error that parses with `KnownErrorSchema`.
 *
 * @example
 * aKnownError({ problemId: 'prb-1' }).problemId //=> 'prb-1'
 */
export const aKnownError = stateless.aKnownError;
/**
 * A change that parses with `ChangeSchema`.
 *
 * @example
 * aChange({ state: 'closed' }).closeCode //=> 'successful'
 */
export const aChange = stateless.aChange;
/**
 * An alert that parses with `AlertSchema`.
 *
 * @example
 * anAlert({ ciId: 'db-1', severity: 'critical' }).labels //=> { alertname: 'HighErrorRate', ci: 'db-1' }
 */
export const anAlert = stateless.anAlert;
/**
 * A configuration item that parses with `ConfigurationItemSchema`.
 *
 * @example
 * aConfigurationItem({ id: 'db-1', ciClass: 'database' }).name //=> 'db-1'
 */
export const aConfigurationItem = stateless.aConfigurationItem;
/**
 * Alias of {@link aConfigurationItem}.
 *
 * @example
 * aCi({ id: 'web-1' }).status //=> 'operational'
 */
export const aCi = stateless.aCi;
/**
 * A relationship that parses with `RelationshipSchema`.
 *
 * @example
 * aRelationship({ from: 'checkout', to: 'orders-db' }).type //=> 'depends_on'
 */
export const aRelationship = stateless.aRelationship;
/**
 * An actor that parses with `ActorSchema`.
 *
 * @example
 * anActor({ roles: ['change_manager'] }).groups //=> ['service-desk']
 */
export const anActor = stateless.anActor;
