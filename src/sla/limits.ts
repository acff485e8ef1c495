/**
 * Size limits of SLA policies and timelines. Every definition and payload is untrusted input, so each
 * list, text and nesting level is bounded; the limits are checked before any work is done.
 *
 * @example
 * SLA_LIMITS.timelineEntries //=> 100000
 */
export const SLA_LIMITS = {
  /** Entries accepted by one `evaluateSla` call (the incremental form has no limit: its state is constant-size). */
  timelineEntries: 100_000,
  /** Nesting depth of a condition (`{ all: [{ not: { ... } }] }` is depth 3). */
  conditionDepth: 8,
  /** Leaf and combinator nodes in one condition tree. */
  conditionNodes: 200,
  /** Items in an `in` / `notIn` list and members of an `all` / `any`. */
  listItems: 100,
  /** Segments in a dotted field path (`a.b.c` has 3). */
  pathSegments: 10,
  /** Characters in a dotted field path. */
  pathLength: 256,
  /** Entries of a `durationsMs` map. */
  targetKeys: 100,
  /** Warning thresholds in `warnAt`. */
  warnings: 10,
  /** Largest target: 100 years of business time, the calendar's search horizon. */
  maxDurationMs: 100 * 366 * 24 * 3_600_000,
  /** Characters of a field value compared by the `changed` operator (objects and arrays are serialized). */
  changedValueLength: 4_096,
} as const;
