/** What a builder's default function receives (internal): the record's id, its sequence number and time anchor. */
export interface BuildContext {
  /** The id to give the record (unless overridden). */
  readonly id: string;
  /** A short deterministic suffix for human-readable numbers (`INC<suffix>`). */
  readonly suffix: string;
  /** The anchor instant (epoch ms) every default timestamp is derived from. */
  readonly atMs: number;
}

const MINUTE = 60_000;

/**
 * The anchor instant of a build as an ISO string: where the defaults' first timestamp (`openedAt`,
 * `startsAt`, `createdAt`) stands (internal).
 *
 * @example
 * anchorIso({ id: 'inc-1', suffix: '0001', atMs: 0 }) //=> '1970-01-01T00:00:00.000Z'
 */
export function anchorIso(ctx: BuildContext): string {
  return new Date(ctx.atMs).toISOString();
}

/** ISO string of `baseIso + minutes`, or `undefined` when `baseIso` is not a valid instant (internal). */
export function later(baseIso: unknown, minutes: number): string | undefined {
  if (typeof baseIso !== 'string') return undefined;
  const ms = Date.parse(baseIso);
  return Number.isFinite(ms) ? new Date(ms + minutes * MINUTE).toISOString() : undefined;
}

/** The latest of some ISO timestamps (ignoring missing or invalid ones), or `fallback` (internal). */
export function latest(fallback: string, ...isos: Array<string | undefined>): string {
  let best = fallback;
  let bestMs = Date.parse(fallback);
  for (const iso of isos) {
    const ms = iso === undefined ? Number.NaN : Date.parse(iso);
    if (Number.isFinite(ms) && !(ms <= bestMs)) {
      best = iso as string;
      bestMs = ms;
    }
  }
  return best;
}

/** A record draft whose optional fields may be `undefined` (internal). */
export type Draft<T> = { [K in keyof T]?: T[K] | undefined };

/**
 * Copies only the entries whose value is not `undefined` (internal; keeps exactOptionalPropertyTypes
 * happy). The result is validated by the model schema right after, so required fields are checked there.
 */
export function defined<T extends object>(o: Draft<T>): T {
  const out = {} as Record<string, unknown>;
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}
