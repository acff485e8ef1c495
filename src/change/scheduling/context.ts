import { z } from 'zod';
import { ItsmValidationError } from '../../_lib/errors';
import { parseOrThrow } from '../../_lib/zod-issues';
import type { Change, ChangeInput, ChangeState } from '../../models/change';
import { CHANGE_STATES, ChangeSchema } from '../../models/change';
import type { Topology } from '../../topology';
import type { Interval } from './intervals';
import { OCCUPYING_CHANGE_STATES, plannedWindowOf } from './occupancy';
import type { CiRelation } from './related-cis';
import { relatedCis } from './related-cis';
import type { CompiledWindow } from './window-intervals';
import { compileWindow } from './window-intervals';
import { BlackoutWindowSchema, MaintenanceWindowSchema, SCHEDULING_LIMITS } from './windows';

/**
 * The plain-data part of a schedule (everything but the topology), as validated by `detectConflicts`
 * and `findChangeSlots`: the other changes, blackouts, maintenance windows, how many topology hops
 * away a CI still counts for overlapping changes (default 1: a parent or child CI, like ServiceNow),
 * and which change states occupy the schedule (default {@link OCCUPYING_CHANGE_STATES}).
 *
 * @example
 * ScheduleDataSchema.parse({ changes: [], blackouts: [], maintenanceWindows: [], dependencyHops: 2 })
 */
export const ScheduleDataSchema = z.strictObject({
  changes: z.array(ChangeSchema).max(SCHEDULING_LIMITS.changes, `at most ${SCHEDULING_LIMITS.changes} changes`),
  blackouts: z.array(BlackoutWindowSchema).max(SCHEDULING_LIMITS.blackouts, `at most ${SCHEDULING_LIMITS.blackouts} blackouts`).default([]),
  maintenanceWindows: z
    .array(MaintenanceWindowSchema)
    .max(SCHEDULING_LIMITS.maintenanceWindows, `at most ${SCHEDULING_LIMITS.maintenanceWindows} maintenance windows`)
    .default([]),
  dependencyHops: z.number().int().min(0).max(100).default(1),
  occupyingStates: z.array(z.enum(CHANGE_STATES)).max(CHANGE_STATES.length).default([...OCCUPYING_CHANGE_STATES]),
});

/**
 * What `detectConflicts` checks a change against: the plain data of {@link ScheduleDataSchema} plus,
 * optionally, a topology from `createTopology` so that changes on related CIs count as overlapping.
 *
 * @example
 * const context: ScheduleContext = { changes: [], blackouts: [], maintenanceWindows: [], topology: createTopology({ cis: [] }) };
 */
export type ScheduleContext = z.input<typeof ScheduleDataSchema> & { readonly topology?: Topology | undefined };

/** Another change that would conflict with the subject if their windows overlapped. */
export interface RivalChange {
  readonly change: Change;
  readonly window: Interval;
  /** Related CIs, one per CI of the other change that is related, in its `ciIds` order. */
  readonly relations: readonly CiRelation[];
  readonly sameImplementer: boolean;
}

/** A schedule validated and compiled for one subject change. */
export interface PreparedSchedule {
  readonly change: Change;
  readonly rivals: readonly RivalChange[];
  /** Blackouts that apply (global, or scoped to a CI of the change), with the change's CIs they name. */
  readonly blackouts: ReadonlyArray<{ readonly window: CompiledWindow; readonly ciIds: readonly string[] }>;
  /** The change's CIs that have maintenance windows, sorted by id, with those windows. */
  readonly maintenance: ReadonlyArray<{ readonly ciId: string; readonly windows: readonly CompiledWindow[] }>;
}

/** Validates the change and the schedule, compiles windows and relates CIs. */
export function prepareSchedule(changeInput: ChangeInput, context: ScheduleContext, extraKeys: readonly string[] = []): PreparedSchedule {
  const change = parseOrThrow(ChangeSchema, 'change', changeInput);
  if (typeof context !== 'object' || context === null) throw ItsmValidationError.at('change schedule', [], 'must be an object');
  const plain = Object.create(null) as Record<string, unknown>; // no prototype: a `__proto__` key stays a plain (unknown) key
  for (const [key, value] of Object.entries(context)) if (key !== 'topology' && !extraKeys.includes(key)) plain[key] = value;
  const data = parseOrThrow(ScheduleDataSchema, 'change schedule', plain);
  const topology = checkTopology(context.topology);

  const ciIds = [...new Set(change.ciIds)].sort();
  const related = relatedCis(ciIds, topology, data.dependencyHops);
  const occupying = new Set<ChangeState>(data.occupyingStates);
  const rivals: RivalChange[] = [];
  for (const other of data.changes) {
    const window = plannedWindowOf(other);
    if (other.id === change.id || !occupying.has(other.state) || window === undefined) continue;
    const relations = [...new Set(other.ciIds)].flatMap((id) => related.get(id) ?? []);
    const sameImplementer = change.assignedTo !== undefined && other.assignedTo === change.assignedTo;
    if (relations.length > 0 || sameImplementer) rivals.push({ change: other, window, relations, sameImplementer });
  }

  const scoped = new Set(ciIds);
  const blackouts = data.blackouts.flatMap((b) => {
    const global = b.ciIds === undefined || b.ciIds.length === 0;
    const hit = global ? [] : [...new Set(b.ciIds!.filter((id) => scoped.has(id)))].sort();
    return global || hit.length > 0 ? [{ window: compileWindow(b), ciIds: hit }] : [];
  });

  const byCi = new Map<string, CompiledWindow[]>();
  for (const m of data.maintenanceWindows) {
    const relevant = m.ciIds.filter((id) => scoped.has(id));
    if (relevant.length === 0) continue;
    const compiled = compileWindow(m);
    for (const id of new Set(relevant)) byCi.set(id, [...(byCi.get(id) ?? []), compiled]);
  }
  const maintenance = ciIds.flatMap((ciId) => {
    const windows = byCi.get(ciId);
    return windows ? [{ ciId, windows }] : [];
  });
  return { change, rivals, blackouts, maintenance };
}

function checkTopology(topology: unknown): Topology | undefined {
  if (topology === undefined) return undefined;
  const t = topology as Partial<Topology> | null;
  if (typeof t !== 'object' || t === null || typeof t.impactedBy !== 'function' || typeof t.dependenciesOf !== 'function') {
    throw ItsmValidationError.at('change schedule', ['topology'], 'must be a topology from createTopology');
  }
  return t as Topology;
}
