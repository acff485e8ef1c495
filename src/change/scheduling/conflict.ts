import type { CiRelation } from './related-cis';

/**
 * One reason a change cannot run in its planned window, as data. `start`/`end` (ISO UTC) give the part
 * of the change's window concerned. Types:
 *
 * - `ci-overlap`: another change occupying the schedule overlaps it on the same CI, or on a CI upstream
 *   or downstream of one of its CIs (with a topology, within `dependencyHops`);
 * - `blackout`: the window overlaps a blackout (global, or scoped to one of its CIs, listed in `ciIds`);
 * - `outside-maintenance-window`: one of its CIs has maintenance windows and the change does not fit
 *   entirely inside their union;
 * - `implementer-double-booked`: its `assignedTo` is assigned to another change overlapping it.
 *
 * @example
 * const c: ChangeConflict = {
 *   type: 'blackout', windowId: 'freeze', ciIds: [],
 *   start: '2026-12-24T10:00:00.000Z', end: '2026-12-24T12:00:00.000Z',
 *   message: 'the window overlaps blackout "freeze"',
 * };
 */
export type ChangeConflict =
  | (ConflictBase<'ci-overlap'> & { readonly changeId: string; readonly changeNumber: string } & CiRelation)
  | (ConflictBase<'blackout'> & { readonly windowId: string; readonly ciIds: readonly string[] })
  | (ConflictBase<'outside-maintenance-window'> & { readonly ciId: string; readonly windowIds: readonly string[] })
  | (ConflictBase<'implementer-double-booked'> & { readonly changeId: string; readonly changeNumber: string; readonly assignedTo: string });

/** Fields every conflict has. @example const b: ConflictBase<'blackout'>['type'] = 'blackout'; */
export interface ConflictBase<T extends string> {
  readonly type: T;
  /** Start of the part of the change's window concerned (ISO UTC). */
  readonly start: string;
  /** End of that part (ISO UTC). */
  readonly end: string;
  /** A sentence for people. */
  readonly message: string;
}

/**
 * The conflict types, in the order `detectConflicts` reports them.
 *
 * @example
 * CHANGE_CONFLICT_TYPES[0] //=> 'blackout'
 */
export const CHANGE_CONFLICT_TYPES = ['blackout', 'outside-maintenance-window', 'ci-overlap', 'implementer-double-booked'] as const;
/** A conflict type. @example const t: ChangeConflictType = 'ci-overlap'; */
export type ChangeConflictType = (typeof CHANGE_CONFLICT_TYPES)[number];
