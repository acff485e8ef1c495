import { ItsmValidationError } from '../_lib/errors';

/**
 * A seeded pseudo-random source (mulberry32): the same seed gives the same sequence on every platform.
 * It carries its own position (each call advances it); it is never shared between generators.
 *
 * @example
 * const rnd: SeededRandom = createRandom(42);
 * rnd.int(1, 6) // a die roll, the same for seed 42 every time
 */
export interface SeededRandom {
  /** A float in `[0, 1)`. */
  next(): number;
  /** An integer in `[min, max]`. */
  int(min: number, max: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** True with probability `p`. */
  chance(p: number): boolean;
}

/**
 * Creates a {@link SeededRandom} from a 32-bit integer seed using mulberry32 (Tommy Ettinger's small,
 * fast generator with a full 2^32 period). Never uses `Math.random`.
 *
 * @example
 * const a = createRandom(7);
 * const b = createRandom(7);
 * a.next() === b.next() //=> true
 */
export function createRandom(seed: number): SeededRandom {
  if (!Number.isInteger(seed)) throw ItsmValidationError.at('random', ['seed'], 'must be an integer');
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw ItsmValidationError.at('random', ['items'], 'must not be empty');
      return items[Math.floor(next() * items.length)] as T;
    },
    chance: (p) => next() < p,
  };
}
