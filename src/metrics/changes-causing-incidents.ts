import { ItsmValidationError } from '../_lib/errors';
import type { ChangeFields, ChangeMetricOptions } from './change-metrics';
import { foldRecords } from './grouping';
import { inPeriod, resolvePeriod } from './period';
import { assertArray, assertRecord, ownField, percentOf, readInstant } from './record-fields';
import type { ResultFor } from './time-to-event';

/**
 * Changes that caused incidents.
 *
 * @example
 * const r: ChangesCausingIncidentsResult = { total: 10, matching: 1, ratePct: 10, changeIds: ['chg-7'], incidentIds: ['inc-3', 'inc-4'] };
 */
export interface ChangesCausingIncidentsResult {
  /** Changes implemented in the period. */
  readonly total: number;
  /** Of those, the changes that caused at least one incident. */
  readonly matching: number;
  /** `matching / total x 100` (the change failure rate); `null` when no change was implemented. */
  readonly ratePct: number | null;
  /** Ids of the matching changes, sorted. */
  readonly changeIds: readonly string[];
  /** Distinct ids of the incidents they caused, sorted. */
  readonly incidentIds: readonly string[];
}

/** The incident fields read by {@link changesCausingIncidents}. @example const i: CausedIncidentFields = { id: 'inc-1', causedByChangeId: 'chg-1' }; */
export interface CausedIncidentFields {
  readonly id: string;
  readonly causedByChangeId?: string | undefined;
}

function stringList(v: unknown, path: Array<string | number>, subject: string): readonly string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw ItsmValidationError.at(subject, path, 'must be an array of ids');
  return v as string[];
}

/**
 * Changes that caused incidents (the change failure rate).
 *
 * Definition: counted = changes implemented in `[from, to)`: their `actualEnd`, or for a closed change
 * without one its `closedAt`, lies in the period; cancelled changes are never counted. A change
 * matches when it caused at least one incident, from either side of the link: its own
 * `causedIncidentIds`, or an incident whose `causedByChangeId` names it (the two are united and
 * de-duplicated). Linear: the incidents are indexed once by `causedByChangeId`.
 *
 * @example
 * changesCausingIncidents(
 *   [{ id: 'chg-1', state: 'closed', closedAt: '2026-11-23T09:00:00Z' }, { id: 'chg-2', state: 'closed', closedAt: '2026-11-23T10:00:00Z' }],
 *   [{ id: 'inc-9', causedByChangeId: 'chg-1' }],
 *   { period: { from: '2026-11-23T00:00:00Z', to: '2026-11-24T00:00:00Z' } },
 * ) //=> { total: 2, matching: 1, ratePct: 50, changeIds: ['chg-1'], incidentIds: ['inc-9'] }
 */
export function changesCausingIncidents<R extends ChangeFields, const O extends ChangeMetricOptions<R>>(
  changes: readonly R[],
  incidents: readonly CausedIncidentFields[],
  options: O,
): ResultFor<O, ChangesCausingIncidentsResult> {
  const subject = 'changesCausingIncidents input';
  assertArray(changes, 'changes', subject);
  assertArray(incidents, 'incidents', subject);
  const period = resolvePeriod(options?.period, subject);
  const causedBy = new Map<string, string[]>();
  incidents.forEach((inc, i) => {
    assertRecord(inc, 'incidents', i, subject);
    const changeId = ownField(inc, 'causedByChangeId');
    if (changeId === undefined || changeId === null) return;
    const id = ownField(inc, 'id');
    if (typeof changeId !== 'string') throw ItsmValidationError.at(subject, ['incidents', i, 'causedByChangeId'], 'must be a string');
    if (typeof id !== 'string') throw ItsmValidationError.at(subject, ['incidents', i, 'id'], 'must be a string');
    const list = causedBy.get(changeId);
    if (list) list.push(id);
    else causedBy.set(changeId, [id]);
  });
  return foldRecords<R, { changeId: string; incidentIds: readonly string[] }, { total: number; changeIds: string[]; incidentIds: Set<string> }, ChangesCausingIncidentsResult>(
    changes,
    {
      extract(c, i) {
        assertRecord(c, 'changes', i, subject);
        const state = ownField(c, 'state');
        if (state === 'canceled') return undefined;
        const ended = readInstant(c, 'actualEnd', 'changes', i, subject) ?? (state === 'closed' ? readInstant(c, 'closedAt', 'changes', i, subject) : undefined);
        if (ended === undefined || !inPeriod(ended, period)) return undefined;
        const id = ownField(c, 'id');
        if (typeof id !== 'string') throw ItsmValidationError.at(subject, ['changes', i, 'id'], 'must be a string');
        const own = stringList(ownField(c, 'causedIncidentIds'), ['changes', i, 'causedIncidentIds'], subject);
        const linked = causedBy.get(id) ?? [];
        return { changeId: id, incidentIds: linked.length === 0 ? own : [...own, ...linked] };
      },
      create: () => ({ total: 0, changeIds: [], incidentIds: new Set() }),
      add(acc, v) {
        acc.total++;
        if (v.incidentIds.length === 0) return;
        acc.changeIds.push(v.changeId);
        for (const id of v.incidentIds) acc.incidentIds.add(id);
      },
      finish: (acc) => ({
        total: acc.total,
        matching: acc.changeIds.length,
        ratePct: percentOf(acc.changeIds.length, acc.total),
        changeIds: [...acc.changeIds].sort(),
        incidentIds: [...acc.incidentIds].sort(),
      }),
    },
    options.groupBy,
    subject,
  ) as ResultFor<O, ChangesCausingIncidentsResult>;
}
