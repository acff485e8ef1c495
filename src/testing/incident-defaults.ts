import type { IncidentInput, Priority } from '../models';
import { priorityOf } from '../models';
import { anchorIso, defined, later, latest, type BuildContext } from './builder-context';

/** Impact and urgency that give each priority on the standard 3x3 matrix. */
const LEVELS_FOR_PRIORITY: Record<Priority, [1 | 2 | 3, 1 | 2 | 3]> = { 1: [1, 1], 2: [1, 2], 3: [2, 2], 4: [2, 3], 5: [3, 3] };

const WORKED_STATES = new Set(['in_progress', 'on_hold', 'resolved', 'closed']);

/**
 * The default incident for `overrides` (internal): consistent with the state it is in (an incident
 * overridden to `resolved` has an acknowledgement, an assignee and a resolution; one in `on_hold` a
 * reason...), and with impact x urgency = priority on the standard matrix unless overridden.
 */
export function incidentDefaults(ctx: BuildContext, o: Partial<IncidentInput>): IncidentInput {
  const state = o.state ?? 'new';
  const openedAt = o.openedAt ?? anchorIso(ctx);
  const isLevel = (v: unknown): v is 1 | 2 | 3 => v === 1 || v === 2 || v === 3;
  const fromPriority = LEVELS_FOR_PRIORITY[(o.priority ?? 3) as Priority] ?? [2, 2];
  const impact = o.impact ?? fromPriority[0];
  const urgency = o.urgency ?? fromPriority[1];
  const priority = o.priority ?? (isLevel(impact) && isLevel(urgency) ? priorityOf(impact, urgency) : 3);
  const worked = WORKED_STATES.has(state);
  const resolved = state === 'resolved' || state === 'closed';
  const acknowledgedAt = worked ? later(openedAt, 5) : undefined;
  const resolvedAt = resolved ? later(openedAt, 120) : undefined;
  const closedAt = state === 'closed' ? later(openedAt, 120 + 3 * 24 * 60) : undefined;
  return defined<IncidentInput>({
    id: ctx.id,
    number: `INC${ctx.suffix}`,
    shortDescription: 'Users cannot send email',
    callerId: 'u-caller',
    openedBy: 'u-agent',
    impact,
    urgency,
    priority,
    state,
    openedAt,
    updatedAt: latest(openedAt, acknowledgedAt, resolvedAt, closedAt),
    assignmentGroup: worked ? 'service-desk' : undefined,
    assignedTo: worked ? 'u-agent' : undefined,
    acknowledgedAt,
    onHoldReason: state === 'on_hold' ? 'awaiting_caller' : undefined,
    resolvedAt,
    resolvedBy: resolved ? 'u-agent' : undefined,
    resolutionCode: resolved ? 'solution_provided' : undefined,
    resolutionNotes: resolved ? 'Restarted the mail relay.' : undefined,
    closedAt,
    closedBy: state === 'closed' ? 'u-agent' : undefined,
    cancelReason: state === 'canceled' ? 'Raised in error' : undefined,
  });
}
