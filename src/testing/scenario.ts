import type { InstantInput } from '../_lib/instant';
import type { WorkflowErrorCode } from '../_lib/workflow-types';
import type { ChangeCommandInput, CreateChangeInput } from '../change/commands';
import type { IncidentCommandInput, CreateIncidentInput } from '../incident/commands';
import type { CreateProblemInput, ProblemCommandInput } from '../problem/commands';
import type { Actor } from '../models/actor';
import type { Alert } from '../models/alert';
import type { Change } from '../models/change';
import type { Incident } from '../models/incident';
import type { Problem } from '../models/problem';
import type { Decision } from '../correlation/decisions';
import type { SlaResult } from '../sla/result';
import type { AlertArrival } from './alert-arrival';
import { resolveScenarioEnv, type ScenarioEnv, type ScenarioOptions } from './scenario-env';
import { ItsmScenarioError, type ScenarioResult } from './scenario-report';
import { runSteps } from './scenario-run';
import type { DecisionMatchMode, Expected, ExpectedDecision, ScenarioRecordKind, ScenarioStep } from './scenario-steps';
import type { ScenarioView } from './scenario-world';

/**
 * Any command of the three workflows (the record's workflow validates it when the step runs).
 *
 * @example
 * const c: ScenarioCommand = { type: 'hold', reason: 'awaiting_vendor' };
 */
export type ScenarioCommand = IncidentCommandInput | ProblemCommandInput | ChangeCommandInput;

/**
 * A scenario script under construction. Every method returns a **new** scenario with one more step
 * (scenarios are immutable, so a common prefix can be shared by several tests); nothing runs before
 * `run()` or `runOrThrow()`. See {@link scenario}.
 *
 * @example
 * const base: Scenario = scenario({ name: 'P1' }).at('2026-11-23T08:00:00Z').given('incident', anIncident({ priority: 1 }));
 * base.expectRecord('inc-1', { priority: 1 }).runOrThrow();
 */
export interface Scenario {
  /** The script so far, as plain data (what {@link runScenario} takes). */
  readonly steps: readonly ScenarioStep[];
  /** Moves the scenario's clock to `instant` (never backwards). The first step of most scenarios. */
  at(instant: InstantInput): Scenario;
  /** Moves the clock forward by `ms`. */
  advance(ms: number): Scenario;
  /** The correlator ingests `alerts` (one batch) at the current instant. */
  ingest(alerts: Alert | readonly Alert[]): Scenario;
  /** Replays a seeded stream: for each distinct `receivedAt`, `at(receivedAt)` then `ingest` of what arrived then. */
  ingestStream(arrivals: readonly AlertArrival[]): Scenario;
  /** Time-driven work at the current instant: the correlator's `tick` and every record's workflow `tick`. */
  tick(): Scenario;
  /** An existing incident (e.g. from a builder) joins the scenario; its SLA timeline starts with it. */
  given(kind: 'incident', record: Incident): Scenario;
  /** An existing problem joins the scenario. */
  given(kind: 'problem', record: Problem): Scenario;
  /** An existing change joins the scenario. */
  given(kind: 'change', record: Change): Scenario;
  /** Creates an incident through the incident workflow's `create` (which must accept it), by `actor` at the current instant. */
  create(kind: 'incident', input: CreateIncidentInput, actor: Actor): Scenario;
  /** Creates a problem through the problem workflow's `create`. */
  create(kind: 'problem', input: CreateProblemInput, actor: Actor): Scenario;
  /** Creates a change through the change workflow's `create`. */
  create(kind: 'change', input: CreateChangeInput, actor: Actor): Scenario;
  /**
   * Creates incident `id` from an `open-incident` decision: the one for `incidentKey`, else the
   * earliest one not yet opened. Title, impact, urgency, alert ids and the root-cause CI come from the
   * decision; the caller is `callerId`, else the actor.
   */
  openIncident(id: string, actor: Actor, options?: { readonly incidentKey?: string; readonly callerId?: string }): Scenario;
  /** Applies a command to record `id` through its workflow, which must accept it. */
  apply(id: string, command: ScenarioCommand, actor: Actor): Scenario;
  /**
   * Sends the follow-up commands of the latest accepted `apply` (e.g. a problem resolved with
   * `fix_applied` resolving its linked incidents on hold `awaiting_problem`) to their target records,
   * by `actor`. Refusals (an incident not on hold) are noted, not failures: assert the records after.
   */
  applyFollowUps(actor: Actor): Scenario;
  /** Applies a command the workflow must refuse (with `code` when given); the record stays as it was. */
  expectRefusal(id: string, command: ScenarioCommand, actor: Actor, code?: WorkflowErrorCode): Scenario;
  /** Record `id` matches `expected` (a subset match). */
  expectRecord(id: string, expected: Expected<Incident> | Expected<Problem> | Expected<Change>): Scenario;
  /** The decisions of the latest `ingest` or `tick` match `expected` (see {@link DecisionMatchMode}). */
  expectDecisions(expected: readonly ExpectedDecision[], mode?: DecisionMatchMode): Scenario;
  /** The decisions of the latest `ingest` or `tick` include exactly these numbers of these types. */
  expectDecisionCounts(counts: Readonly<Partial<Record<Decision['type'], number>>>): Scenario;
  /**
   * `evaluateSla(slaPolicies[policy], slaTimelineFromAudit(initial, audit), now)` for record `id`
   * matches `expected` (a subset match; instants as `Date` or ISO strings).
   */
  expectSla(id: string, policy: string, expected: Expected<SlaResult>): Scenario;
  /** A custom assertion over the scenario's view: `true` or nothing passes, `false` or a message fails. */
  check(description: string, check: (view: ScenarioView) => boolean | string | void): Scenario;
  /** Runs the script and returns the result; stops at the first failing step. Never throws for a failing step. */
  run(): ScenarioResult;
  /** Runs the script; throws {@link ItsmScenarioError} (its message is the failure report) when a step fails. */
  runOrThrow(): Extract<ScenarioResult, { ok: true }>;
}

function groupArrivals(arrivals: readonly AlertArrival[]): ScenarioStep[] {
  const steps: ScenarioStep[] = [];
  let i = 0;
  while (i < arrivals.length) {
    const at = arrivals[i]!.receivedAt;
    const batch: Alert[] = [];
    for (; i < arrivals.length && arrivals[i]!.receivedAt === at; i++) batch.push(arrivals[i]!.alert);
    steps.push({ op: 'at', at }, { op: 'ingest', alerts: batch });
  }
  return steps;
}

function build(env: ScenarioEnv, steps: readonly ScenarioStep[]): Scenario {
  const next = (...more: ScenarioStep[]) => build(env, [...steps, ...more]);
  const self: Scenario = {
    steps,
    at: (at) => next({ op: 'at', at }),
    advance: (ms) => next({ op: 'advance', ms }),
    ingest: (alerts) => next({ op: 'ingest', alerts: Array.isArray(alerts) ? [...(alerts as readonly Alert[])] : [alerts as Alert] }),
    ingestStream: (arrivals) => next(...groupArrivals(arrivals)),
    tick: () => next({ op: 'tick' }),
    given: (kind: ScenarioRecordKind, record: Incident | Problem | Change) => next({ op: 'given', kind, record }),
    create: (kind: ScenarioRecordKind, input: unknown, actor: Actor) => next({ op: 'create', kind, input, actor }),
    openIncident: (id, actor, options = {}) => next({ op: 'openIncident', id, actor, ...options }),
    apply: (id, command, actor) => next({ op: 'apply', id, command, actor }),
    applyFollowUps: (actor) => next({ op: 'applyFollowUps', actor }),
    expectRefusal: (id, command, actor, code) => next({ op: 'expectRefusal', id, command, actor, ...(code === undefined ? {} : { code }) }),
    expectRecord: (id, expected) => next({ op: 'expectRecord', id, expected }),
    expectDecisions: (expected, mode = 'includes') => next({ op: 'expectDecisions', expected, mode }),
    expectDecisionCounts: (counts) => next({ op: 'expectDecisionCounts', counts }),
    expectSla: (id, policy, expected) => next({ op: 'expectSla', id, policy, expected }),
    check: (description, check) => next({ op: 'check', description, check }),
    run: () => runSteps(env, steps),
    runOrThrow: () => {
      const result = runSteps(env, steps);
      if (!result.ok) throw new ItsmScenarioError(result);
      return result;
    },
  };
  return self;
}

/**
 * Starts a scenario: a script of timed steps (alerts, commands, ticks) run through the real modules
 * (`createCorrelator`, the incident, problem and change workflows, `slaTimelineFromAudit` and
 * `evaluateSla`), with assertions on records, decisions and SLA results. Pure: time is given by the
 * steps (`at`, `advance`), never read from a clock; the records and the correlator state stay plain
 * JSON. Expectations are subset matches. A failing step stops the run and yields a readable report
 * with the step, the expected and the actual values and their differences.
 *
 * Throws `ItsmValidationError` at once for invalid options (a bad correlator config or SLA policy).
 *
 * @example
 * const agent = anActor({ id: 'u-ana', groups: ['dba'] });
 * scenario({ name: 'database outage', correlator, slaPolicies: { resolution: incidentResolutionPolicy() } })
 *   .at('2026-11-23T08:00:00Z')
 *   .ingest(alerts)
 *   .expectDecisions([{ type: 'open-incident', rootCauseCiId: 'db-1' }])
 *   .openIncident('inc-1', agent)
 *   .apply('inc-1', { type: 'assign', assignmentGroup: 'dba' }, agent)
 *   .apply('inc-1', { type: 'start' }, agent)
 *   .expectRecord('inc-1', { state: 'in_progress' })
 *   .advance(30 * 60_000)
 *   .expectSla('inc-1', 'resolution', { breached: false, status: 'running' })
 *   .runOrThrow();
 */
export function scenario(options: ScenarioOptions = {}): Scenario {
  return build(resolveScenarioEnv(options), []);
}
