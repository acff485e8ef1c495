import type { AuditEntry } from '../_lib/workflow-types';
import type { Change } from '../models/change';
import type { Incident } from '../models/incident';
import type { Problem } from '../models/problem';
import type { Decision } from '../correlation/decisions';
import type { CorrelatorState } from '../correlation/state';
import type { ScenarioRecordKind } from './scenario-steps';

/**
 * A record a scenario holds: its kind, the record now, the record as it joined the scenario (created
 * or given), and every audit entry since, in order: what `slaTimelineFromAudit` replays.
 *
 * @example
 * const r: ScenarioRecord = { kind: 'incident', record: incident, initial: incident, audit: [] };
 */
export interface ScenarioRecord {
  readonly kind: ScenarioRecordKind;
  readonly record: Incident | Problem | Change;
  readonly initial: Incident | Problem | Change;
  readonly audit: readonly AuditEntry[];
}

/**
 * What a scenario holds between steps, as plain JSON: the current instant, the records by id, the
 * correlator state, and the correlator's decisions (all of them, and those of the latest `ingest` or
 * `tick`). A `check` step receives it; `run()` returns it.
 *
 * @example
 * const view: ScenarioView = scenario().run().view;
 * view.records['inc-1']?.record.state
 */
export interface ScenarioView {
  /** The current instant (ISO-8601 UTC), or null before the first `at`. */
  readonly now: string | null;
  readonly records: Readonly<Record<string, ScenarioRecord>>;
  readonly correlatorState: CorrelatorState | null;
  readonly decisions: readonly Decision[];
  readonly lastDecisions: readonly Decision[];
  /** The `incidentKey`s already turned into incidents by `openIncident`, with the incident ids. */
  readonly openedFrom: Readonly<Record<string, string>>;
  /** The follow-up commands of the latest accepted `apply` (e.g. a problem's, for its linked incidents). */
  readonly lastFollowUps: readonly unknown[];
}

/** The mutable working copy of a scenario's view while it runs (internal). */
export interface World {
  nowMs: number | null;
  readonly records: Map<string, ScenarioRecord>;
  correlatorState: CorrelatorState | null;
  decisions: Decision[];
  lastDecisions: Decision[];
  readonly openedFrom: Map<string, string>;
  lastFollowUps: readonly unknown[];
}

/** An empty world (internal). */
export function emptyWorld(): World {
  return { nowMs: null, records: new Map(), correlatorState: null, decisions: [], lastDecisions: [], openedFrom: new Map(), lastFollowUps: [] };
}

/** The plain view of a world (internal): null-prototype-free plain objects, safe to serialize. */
export function viewOf(world: World): ScenarioView {
  return {
    now: world.nowMs === null ? null : new Date(world.nowMs).toISOString(),
    records: Object.fromEntries(world.records),
    correlatorState: world.correlatorState,
    decisions: world.decisions,
    lastDecisions: world.lastDecisions,
    openedFrom: Object.fromEntries(world.openedFrom),
    lastFollowUps: world.lastFollowUps,
  };
}
