import type { ChangeInput } from '../models';
import { anchorIso, defined, later, latest, type BuildContext } from './builder-context';

const PLANNED = new Set(['scheduled', 'implement', 'review', 'closed']);
const STARTED = new Set(['implement', 'review', 'closed']);
const ENDED = new Set(['review', 'closed']);

/**
 * The default change for `overrides` (internal): a moderate-risk normal change; from `scheduled` on
 * it has a plan, a window the next day and an approval; from `implement` an actual start; from
 * `review` an actual end; `closed` a successful close code.
 */
export function changeDefaults(ctx: BuildContext, o: Partial<ChangeInput>): ChangeInput {
  const state = o.state ?? 'new';
  const openedAt = o.openedAt ?? anchorIso(ctx);
  const planned = PLANNED.has(state);
  const plannedStart = o.plannedStart ?? (planned ? later(openedAt, 24 * 60) : undefined);
  const plannedEnd = planned ? later(plannedStart, 120) : undefined;
  const actualStart = STARTED.has(state) ? plannedStart : undefined;
  const actualEnd = ENDED.has(state) ? later(plannedStart, 90) : undefined;
  const closedAt = state === 'closed' ? later(plannedStart, 180) : undefined;
  return defined<ChangeInput>({
    id: ctx.id,
    number: `CHG${ctx.suffix}`,
    type: 'normal',
    state,
    risk: 'moderate',
    shortDescription: 'Patch the orders database',
    requestedBy: 'u-requester',
    assignmentGroup: 'dba',
    ciIds: ['orders-db'],
    openedAt,
    updatedAt: latest(openedAt, actualStart, actualEnd, closedAt),
    implementationPlan: planned ? 'Apply the patch, restart, verify.' : undefined,
    backoutPlan: planned ? 'Restore the snapshot taken before the change.' : undefined,
    testPlan: planned ? 'Run the smoke tests.' : undefined,
    plannedStart,
    plannedEnd,
    approvals: planned ? [{ approver: 'u-cab', decision: 'approved', at: latest(openedAt, later(openedAt, 60)) }] : undefined,
    actualStart,
    actualEnd,
    closedAt,
    closeCode: state === 'closed' ? 'successful' : undefined,
    closeNotes: state === 'closed' ? 'Applied as planned.' : undefined,
    cancelReason: state === 'canceled' ? 'No longer needed' : undefined,
  });
}
