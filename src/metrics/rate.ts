import { percentOf } from './record-fields';

/**
 * A share of counted records: `matching` out of `total`, and `ratePct` (`null` when `total` is 0).
 *
 * @example
 * const r: RateResult = { total: 8, matching: 2, ratePct: 25 };
 */
export interface RateResult {
  /** Records counted. */
  readonly total: number;
  /** Counted records that match the metric's condition. */
  readonly matching: number;
  /** `matching / total x 100`, or `null` when nothing was counted. */
  readonly ratePct: number | null;
}

/** Accumulator of a {@link RateResult} (internal). */
export interface RateAcc {
  total: number;
  matching: number;
}

/** The fold parts shared by rate metrics (internal): values are `true` (matching) or `false`. */
export const rateFold = {
  create: (): RateAcc => ({ total: 0, matching: 0 }),
  add(acc: RateAcc, matches: boolean): void {
    acc.total++;
    if (matches) acc.matching++;
  },
  finish: (acc: RateAcc): RateResult => ({ total: acc.total, matching: acc.matching, ratePct: percentOf(acc.matching, acc.total) }),
};
