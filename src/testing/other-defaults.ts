import type { Actor, AlertInput, ConfigurationItem, KnownError, ProblemInput, Relationship } from '../models';
import { anchorIso, defined, later, latest, type BuildContext } from './builder-context';

/** The default problem (internal): `knownError: true` brings a root cause and a workaround; `resolved`/`closed` a fix. */
export function problemDefaults(ctx: BuildContext, o: Partial<ProblemInput>): ProblemInput {
  const state = o.state ?? 'new';
  const openedAt = o.openedAt ?? anchorIso(ctx);
  const resolved = state === 'resolved' || state === 'closed';
  const resolvedAt = resolved ? later(openedAt, 3 * 24 * 60) : undefined;
  const closedAt = state === 'closed' ? later(resolvedAt, 24 * 60) : undefined;
  const analysed = o.knownError === true || resolved || state === 'fix_in_progress';
  return defined<ProblemInput>({
    id: ctx.id,
    number: `PRB${ctx.suffix}`,
    shortDescription: 'Mail relay stalls under load',
    state,
    openedBy: 'u-problem-manager',
    assignmentGroup: 'messaging',
    openedAt,
    updatedAt: latest(openedAt, resolvedAt, closedAt),
    rootCause: analysed ? 'Connection pool exhausted on the relay' : undefined,
    workaround: analysed ? 'Restart the relay service' : undefined,
    resolvedAt,
    closedAt,
    resolutionCode: resolved ? 'fix_applied' : undefined,
    resolutionNotes: resolved ? 'Pool size raised by change.' : undefined,
    cancelReason: state === 'canceled' ? 'Duplicate report' : undefined,
  });
}

/** The default known error (internal). */
export function knownErrorDefaults(ctx: BuildContext): KnownError {
  return {
    id: ctx.id,
    symptom: 'Mail queue stalls',
    rootCause: 'Connection pool exhausted on the relay',
    workaround: 'Restart the relay service',
    ciIds: [],
    incidentIds: [],
    createdAt: anchorIso(ctx),
  };
}

/** The default alert (internal): firing, major, with an `alertname` label; `resolved` brings `endsAt`. */
export function alertDefaults(ctx: BuildContext, o: Partial<AlertInput>): AlertInput {
  const startsAt = o.startsAt ?? anchorIso(ctx);
  return defined<AlertInput>({
    id: ctx.id,
    source: 'prometheus',
    status: 'firing',
    severity: 'major',
    labels: { alertname: 'HighErrorRate', ...(o.ciId !== undefined ? { ci: o.ciId } : {}) },
    annotations: { summary: 'Error rate above 5% for 5 minutes' },
    startsAt,
    endsAt: o.status === 'resolved' ? later(startsAt, 10) : undefined,
  });
}

/** The default configuration item (internal): an operational server named after its id. */
export function ciDefaults(ctx: BuildContext, o: Partial<ConfigurationItem>): ConfigurationItem {
  return { id: ctx.id, name: o.id ?? ctx.id, ciClass: 'server', status: 'operational', serviceIds: [], labels: {} };
}

/** The default relationship (internal): `app-<n> depends_on db-<n>`. */
export function relationshipDefaults(ctx: BuildContext): Relationship {
  return { from: `app-${ctx.suffix}`, to: `db-${ctx.suffix}`, type: 'depends_on' };
}

/** The default actor (internal): an agent of the service desk. */
export function actorDefaults(ctx: BuildContext): Actor {
  return { id: ctx.id, name: 'Ana Agent', roles: ['agent'], groups: ['service-desk'] };
}
