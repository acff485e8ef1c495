import { ItsmValidationError } from '../_lib/errors';
import type { RelationshipType } from '../models/relationship';
import { RELATIONSHIP_TYPES } from '../models/relationship';

/**
 * Options of every topology walk.
 *
 * @example
 * const options: TopologyWalkOptions = { hops: 4, types: ['depends_on', 'runs_on'] };
 */
export interface TopologyWalkOptions {
  /**
   * The most relationships to follow from the queried CI: a non-negative integer, or `Infinity`
   * (the default: the whole transitive closure). ServiceNow notes that CMDB walks of more than about
   * 4 hops get slow and noisy there; here they stay cheap, so the limit is a matter of meaning.
   */
  readonly hops?: number;
  /** Only follow relationships of these types (default: all of them). */
  readonly types?: readonly RelationshipType[];
}

/** A walk's options in the walker's terms. */
export interface WalkLimits {
  readonly maxHops: number;
  readonly typeMask: number;
}

const ALL_TYPES = (1 << RELATIONSHIP_TYPES.length) - 1;
const DEFAULT_LIMITS: WalkLimits = { maxHops: Infinity, typeMask: ALL_TYPES };

/** Checks walk options (cheaply: this runs on every query) and throws ItsmValidationError naming the field. */
export function readWalkOptions(options: TopologyWalkOptions | undefined, subject: string): WalkLimits {
  if (options === undefined) return DEFAULT_LIMITS;
  if (typeof options !== 'object' || options === null) {
    throw ItsmValidationError.at(subject, ['options'], 'must be an object');
  }
  const { hops, types } = options;
  let maxHops = Infinity;
  if (hops !== undefined) {
    if (typeof hops !== 'number' || !(hops === Infinity || (Number.isInteger(hops) && hops >= 0))) {
      throw ItsmValidationError.at(subject, ['options', 'hops'], 'must be a non-negative integer or Infinity');
    }
    maxHops = hops;
  }
  let typeMask = ALL_TYPES;
  if (types !== undefined) {
    if (!Array.isArray(types)) throw ItsmValidationError.at(subject, ['options', 'types'], 'must be an array of relationship types');
    typeMask = 0;
    types.forEach((t: unknown, i) => {
      const code = RELATIONSHIP_TYPES.indexOf(t as RelationshipType);
      if (code < 0) {
        throw ItsmValidationError.at(subject, ['options', 'types', i], `must be one of ${RELATIONSHIP_TYPES.join(', ')}`);
      }
      typeMask |= 1 << code;
    });
  }
  return { maxHops, typeMask };
}
