import { ItsmError, ItsmValidationError } from '../_lib/errors';
import { toEpochMs } from '../_lib/instant';
import { parseOrThrow } from '../_lib/zod-issues';
import { optionsObject } from '../_lib/hardening-options';
import type { Alert } from '../models/alert';
import { compileConfig } from './compile';
import type { CorrelatorConfig, CorrelatorConfigInput } from './config-schema';
import { CorrelatorConfigSchema } from './config-schema';
import { Ctx } from './context';
import type { Decision } from './decisions';
import { createTopology } from '../topology/topology';
import { calendarSchedule } from './calendar-schedule';
import { onFiring, onResolved } from './pipeline';
import type { CorrelatorState } from './state';
import { emptyState } from './state';
import { runTick } from './tick';
import { reschedule, type DueSchedule } from './schedule';
import { changedState, hostReopen, hostResolve, type IncidentActionOutcome } from './host-actions';
import { groupView, type CorrelationGroup } from './group-view';
import { TableWriter } from './table';
import type { CorrelationTopology } from './topology-view';
import { TopologyCache } from './topology-view';
import { checkAlert, timeMemo } from './validate-alert';
import { upgradeCorrelatorState } from './migrate-v1';

/**
 * What `ingest` and `tick` return: the next state, the decisions in order, and the next instant worth
 * a `tick` (null when nothing is scheduled).
 *
 * @example
 * const { state, decisions, nextTickAt } = correlator.ingest(state0, alerts, now);
 */
export interface CorrelatorOutput {
  readonly state: CorrelatorState;
  readonly decisions: Decision[];
  readonly nextTickAt: number | null;
}

/**
 * What `resolveIncident` and `closeIncident` return: a {@link CorrelatorOutput} and what the action
 * found and did.
 *
 * @example
 * const { state, outcome } = correlator.closeIncident(state0, 'db#1', now); // outcome: 'closed'
 */
export interface IncidentActionOutput extends CorrelatorOutput {
  readonly outcome: IncidentActionOutcome;
}

/**
 * A compiled correlator: pure functions of `(state, input, now)`.
 *
 * @example
 * let state = correlator.initialState();
 * const out = correlator.ingest(state, alert, Date.parse('2026-11-23T08:00:00Z'));
 * state = out.state;
 */
export interface Correlator {
  /** The validated config (durations in ms, defaults filled in). */
  readonly config: CorrelatorConfig;
  /** An empty state. @example correlator.initialState().open //=> 0 */
  initialState(): CorrelatorState;
  /**
   * Correlates alerts in order, by their own times (`now` only stands in for a resolved alert's missing
   * `endsAt`). Every input yields at least one decision; an invalid one yields `rejected`.
   *
   * @example
   * correlator.ingest(state, [alertA, alertB], new Date('2026-11-23T08:00:00Z')).decisions
   */
  ingest(state: CorrelatorState, alerts: Alert | readonly Alert[], now: Date | number): CorrelatorOutput;
  /**
   * Does the time-driven work due by `now`: opens groups whose `groupWait` ended, resolves after
   * `resolveAfter`, releases auto-paused, flapping and maintenance-suppressed alerts, forgets what is past
   * retention. Before the state's `nextTickAt` nothing is due, and it returns at once.
   *
   * @example
   * const out = correlator.tick(state, Date.parse('2026-11-23T08:05:00Z')); // out.nextTickAt
   */
  tick(state: CorrelatorState, now: Date | number): CorrelatorOutput;
  /**
   * Tells the correlator that the host resolved incident `incidentKey` in its own tool at `now` (an
   * agent fixed it, whatever its alerts say). An open incident resolves (`resolve-incident` with
   * `by: 'host'`), so alerts no longer attach to it: a new alert of its identity reopens it within the
   * rule's `reopenWithin` of `now`, else opens a new incident. Alerts that still fire stay with it (their
   * repeats are `deduplicated` naming it). Nothing changes for an incident already resolved, a pending
   * group or an unknown key; `outcome` says which.
   *
   * @example
   * const out = correlator.resolveIncident(state, 'db#1', Date.parse('2026-11-23T09:00:00Z')); // out.outcome: 'resolved'
   */
  resolveIncident(state: CorrelatorState, incidentKey: string, now: Date | number): IncidentActionOutput;
  /**
   * Tells the correlator that the host closed incident `incidentKey` at `now`: resolved as by
   * {@link Correlator.resolveIncident} if it was open, and never reopened, so the next alert of its
   * identity opens a new incident (a closed ticket stays closed).
   *
   * @example
   * const out = correlator.closeIncident(state, 'db#1', Date.parse('2026-11-23T09:00:00Z')); // out.outcome: 'closed'
   */
  closeIncident(state: CorrelatorState, incidentKey: string, now: Date | number): IncidentActionOutput;
  /**
   * Tells the correlator that the host reopened incident `incidentKey` at `now` (the fix did not
   * hold). A resolved incident opens again (`reopen-incident` with `by: 'host'`) and takes the alerts
   * of its identity for the rule's `window` from `now`; it resolves again as its alerts do or by
   * {@link Correlator.resolveIncident}, and is forgotten (`forget-incident`) `retention` after `now`
   * if no alert fires. A closed incident is never reopened (`already-closed`; open a new ticket).
   *
   * @example
   * const out = correlator.reopenIncident(state, 'db#1', Date.parse('2026-11-23T10:00:00Z')); // out.outcome: 'reopened'
   */
  reopenIncident(state: CorrelatorState, incidentKey: string, now: Date | number): IncidentActionOutput;
  /**
   * What the state holds about group `groupKey` (an incident, or a group waiting to open), or null
   * when it holds none (never made, or forgotten): status, alert counts and times, severity,
   * priority, CIs and root cause, and what is scheduled. Reads only; the state's layout stays opaque.
   *
   * @example
   * correlator.getGroup(state, 'db#1')?.status //=> 'open'
   */
  getGroup(state: CorrelatorState, groupKey: string): CorrelationGroup | null;
}

/** Options of {@link createCorrelator}. @example const o: CreateCorrelatorOptions = { topology }; */
export interface CreateCorrelatorOptions {
  /** A CMDB topology for rules with `topology` (e.g. from `createTopology`); overrides `config.topology`. */
  readonly topology?: CorrelationTopology;
}

const SUBJECT = 'correlator input';
// A rule id (at most 128 characters), `#` and a sequence number.
const MAX_GROUP_KEY = 140;

/** Throws unless `key` (the argument named `name`) could be a group key: a string of 1 to 140 characters. */
function checkGroupKey(key: string, name: string): void {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_GROUP_KEY) {
    throw ItsmValidationError.at(SUBJECT, [name], `must be a string of 1 to ${MAX_GROUP_KEY} characters (a key from an open-incident or pending decision)`);
  }
}

/** True when `state.next` says nothing is due by `now` (null: nothing is scheduled). */
function nothingDueBy(state: CorrelatorState, now: number): boolean {
  const next: unknown = state.next;
  if (next !== null && (typeof next !== 'number' || !Number.isFinite(next))) throw ItsmValidationError.at(SUBJECT, ['state', 'next'], 'must be null or an instant in epoch ms');
  return next === null || now < next;
}

/**
 * The state of a call, shallowly checked: a v2 state as is, a state of itsm-kit 0.1.0 (layout v1)
 * upgraded (every entry checked; called inside {@link onStoredState}).
 */
function checkState(state: unknown, ruleIds: readonly string[]): CorrelatorState {
  return upgradeCorrelatorState(state, ruleIds);
}

/**
 * Runs a call on a state that passed the shallow {@link checkState}. States are read back from hosts'
 * storage, and checking every table entry on every call would cost the size of the state (a call is
 * meant to cost what it changes), so a state tampered with deep inside its tables is caught here, where
 * it fails: any error that is not itsm-kit's own becomes an ItsmValidationError at `state`, carrying the
 * original message. Inputs are never mutated, so nothing is left half-done.
 */
function onStoredState<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof ItsmError) throw e;
    const reason = e instanceof Error ? e.message : String(e);
    throw ItsmValidationError.at(SUBJECT, ['state'], `is not a state this correlator produced (tampered with, or from another version): ${reason}`);
  }
}


/**
 * Validates a correlator config (throws ItsmValidationError naming the bad field, e.g.
 * `rules.0.match.1.value: is not a valid regular expression`) and compiles its rules once.
 *
 * @example
 * const correlator = createCorrelator({
 *   rules: [{ id: 'by-service', groupBy: ['service'], window: '1h', template: { title: '{{alertname}} on {{service}}' } }],
 * });
 * const out = correlator.ingest(correlator.initialState(), {
 *   id: 'a-1', source: 'prometheus', status: 'firing', severity: 'critical',
 *   labels: { alertname: 'DbDown', service: 'orders' }, annotations: {}, startsAt: '2026-11-23T08:00:00Z',
 * }, Date.parse('2026-11-23T08:00:05Z'));
 * out.decisions[0]?.type //=> 'open-incident'
 */
export function createCorrelator(config: CorrelatorConfigInput, options?: CreateCorrelatorOptions): Correlator {
  const parsed = parseOrThrow(CorrelatorConfigSchema, 'correlator config', config);
  // Checked as an object first: a default parameter covers only `undefined`, and `null` would crash.
  let topology = optionsObject<CreateCorrelatorOptions>(options, 'correlator options').topology;
  if (topology === undefined && parsed.topology !== undefined) topology = createTopology(parsed.topology);
  if (topology === undefined && parsed.rules.some((r) => r.topology !== undefined)) {
    const i = parsed.rules.findIndex((r) => r.topology !== undefined);
    throw ItsmValidationError.at('correlator config', ['rules', i, 'topology'], 'needs a topology (config.topology or the topology option)');
  }
  const compiled = compileConfig(parsed, calendarSchedule, topology ? new TopologyCache(topology) : undefined);
  const memo = timeMemo();
  const ruleIds = parsed.rules.map((r) => r.id);
  // The schedule of each state a call returned, handed on to the state the next call on it returns
  // (see schedule.ts): derived data that lets a tick skip reading the whole state, never a result.
  const schedules = new WeakMap<CorrelatorState, DueSchedule>();

  /**
   * The context of a call on `state` at `nowMs`, with the schedule of `state` if it has one. A call
   * takes it (it changes it for the state it returns), and the context then tracks what it writes.
   */
  function begin(state: CorrelatorState, nowMs: number): { ctx: Ctx; schedule: DueSchedule | null } {
    const schedule = schedules.get(state) ?? null;
    if (schedule !== null) schedules.delete(state);
    return { ctx: new Ctx(compiled, state, nowMs, schedule !== null), schedule };
  }

  /** The output of a call on `ctx`, handing `schedule` (of the state after) on to the state it returns. */
  function output(ctx: Ctx, schedule: DueSchedule | null): CorrelatorOutput {
    const state = ctx.state();
    if (schedule !== null) schedules.set(state, schedule);
    return { state, decisions: ctx.out, nextTickAt: ctx.next };
  }

  return {
    config: parsed,
    initialState: emptyState,
    ingest(state, alerts, now) {
      const nowMs = toEpochMs(now, 'now', SUBJECT);
      return onStoredState(() => ingestChecked(checkState(state, ruleIds), alerts, nowMs));
    },
    tick(state, now) {
      const nowMs = toEpochMs(now, 'now', SUBJECT);
      return onStoredState(() => {
        const checked = checkState(state, ruleIds);
        // Nothing is due before `next` (every change lowers it to when it falls due): a tick before it,
        // as a host ticking on a fixed interval mostly makes, costs nothing.
        if (nothingDueBy(checked, nowMs)) return { state: checked, decisions: [], nextTickAt: checked.next };
        const { ctx, schedule } = begin(checked, nowMs);
        return output(ctx, runTick(ctx, schedule));
      });
    },
    resolveIncident: (state, incidentKey, now) => hostAction(state, incidentKey, now, (ctx) => hostResolve(ctx, incidentKey, false)),
    closeIncident: (state, incidentKey, now) => hostAction(state, incidentKey, now, (ctx) => hostResolve(ctx, incidentKey, true)),
    reopenIncident: (state, incidentKey, now) => hostAction(state, incidentKey, now, (ctx) => hostReopen(ctx, incidentKey)),
    getGroup(state, groupKey) {
      checkGroupKey(groupKey, 'groupKey');
      return onStoredState(() => {
        const g = new TableWriter(checkState(state, ruleIds).groups).get(groupKey);
        return g === undefined ? null : groupView(groupKey, compiled.rules[g.r]!.id, g);
      });
    },
  };

  /** Runs a host action (`resolveIncident`, `closeIncident`, `reopenIncident`) on incident `incidentKey`. */
  function hostAction(state: CorrelatorState, incidentKey: string, now: Date | number, act: (ctx: Ctx) => IncidentActionOutcome): IncidentActionOutput {
    const nowMs = toEpochMs(now, 'now', SUBJECT);
    checkGroupKey(incidentKey, 'incidentKey');
    return onStoredState(() => {
      const checked = checkState(state, ruleIds);
      const { ctx, schedule } = begin(checked, nowMs);
      const outcome = act(ctx);
      // Nothing to do: the state passed in (upgraded, if it was stored by 0.1.0) is the state after.
      if (!changedState(outcome)) {
        if (schedule !== null) schedules.set(checked, schedule);
        return { state: checked, decisions: ctx.out, nextTickAt: checked.next, outcome };
      }
      return { ...output(ctx, schedule && reschedule(ctx, schedule)), outcome };
    });
  }

  /** Ingests a batch into a state that passed the shallow check. */
  function ingestChecked(checkedState: CorrelatorState, alerts: Alert | readonly Alert[], nowMs: number): CorrelatorOutput {
    const { ctx, schedule } = begin(checkedState, nowMs);
    const list = Array.isArray(alerts) ? (alerts as readonly unknown[]) : [alerts];
    for (let i = 0; i < list.length; i++) {
      const checked = checkAlert(list[i], memo);
      if (Array.isArray(checked)) {
        const id = (list[i] as { id?: unknown } | null)?.id;
        const alertId = typeof id === 'string' && id.length > 0 && id.length <= 128 ? id : null;
        ctx.out.push({ type: 'rejected', alertId, index: i, issues: checked, ruleId: null, alertIds: alertId === null ? [] : [alertId], at: nowMs });
        continue;
      }
      const { alert, fingerprint: fp, startsAt, endsAt } = checked;
      if (alert.status === 'firing') onFiring(ctx, alert, fp, startsAt);
      else onResolved(ctx, alert, fp, endsAt ?? Math.max(startsAt, nowMs));
    }
    return output(ctx, schedule && reschedule(ctx, schedule));
  }
}
