/**
 * The elapsed milliseconds at which a warning fraction `f` of `targetMs` is crossed: `f x target`
 * rounded up to the whole millisecond (float noise below one microsecond is ignored, so 0.7 x 1 h is
 * exactly 2,520,000 ms).
 */
export function thresholdMs(fraction: number, targetMs: number): number {
  return Math.ceil(fraction * targetMs - 1e-3);
}

/** The levels tracked for a target: each warning threshold (ascending), then the target itself. */
export function levelsOf(warnAt: readonly number[], targetMs: number): readonly number[] {
  const levels = warnAt.map((f) => thresholdMs(f, targetMs));
  levels.push(targetMs);
  return levels;
}

/**
 * {@link levelsOf} remembered per target for one policy's `warnAt` (a policy has at most 101 distinct
 * targets, so the memo stays small).
 */
export function levelsMemo(warnAt: readonly number[]): (targetMs: number) => readonly number[] {
  const memo = new Map<number, readonly number[]>();
  return (targetMs) => {
    let levels = memo.get(targetMs);
    if (levels === undefined) {
      levels = Object.freeze(levelsOf(warnAt, targetMs));
      memo.set(targetMs, levels);
    }
    return levels;
  };
}
