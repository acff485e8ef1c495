import type { CompiledConfig } from './compile';

/** The flapping bookkeeping of a fingerprint after a state change at `t`. */
export interface FlapState {
  readonly h: readonly number[];
  readonly fu: number | undefined;
}

/**
 * Records a state change (firing <-> resolved) at `t`: keeps the changes within the period (at most
 * threshold + 1 of them) and marks the fingerprint flapping (until `t + quietPeriod`) when there are
 * more than `threshold` changes within the period, or when it was flapping and changed again.
 */
export function recordChange(config: CompiledConfig, history: readonly number[] | undefined, flappingUntil: number | undefined, t: number): FlapState {
  const { enabled, threshold, period, quietPeriod } = config.flapping;
  if (!enabled) return { h: [], fu: undefined };
  const h: number[] = [];
  for (const x of history ?? []) if (x > t - period && x <= t) h.push(x);
  h.push(t);
  h.sort((a, b) => a - b);
  while (h.length > threshold + 1) h.shift();
  const stillFlapping = flappingUntil !== undefined && flappingUntil > t;
  const fu = h.length > threshold || stillFlapping ? t + quietPeriod : flappingUntil;
  return { h, fu };
}

/** True while a fingerprint is flapping at `t`. */
export function isFlapping(flappingUntil: number | undefined, t: number): boolean {
  return flappingUntil !== undefined && flappingUntil > t;
}
