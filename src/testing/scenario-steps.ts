import type { InstantInput } from '../_lib/instant';
import type { WorkflowErrorCode } from '../_lib/workflow-types';
import type { Actor } from '../models/actor';
import type { Alert } from '../models/alert';
import type { Change } from '../models/change';
import type { Incident } from '../models/incident';
import type { Problem } from '../models/problem';
import type { Decision } from '../correlation/decisions';
import type { SlaResult } from '../sla/result';
import type { ScenarioView } from './scenario-world';

/**
 * The kind of a record a scenario holds.
 *
 * @example
 * const k: ScenarioRecordKind = 'incident';
 */
export type ScenarioRecordKind = 'incident' | 'problem' | 'change';

/**
 * A partial expectation: the fields you name, nested as deep as you like; arrays whole (same length,
 * each element a partial expectation); a function is a predicate; dates may be given as ISO strings.
 *
 * @example
 * const e: Expected<{ state: string; priority: number }> = { state: 'resolved' };
 */
export type Expected<T> = T extends Date
  ? Date | string | ((actual: unknown) => boolean)
  : T extends readonly (infer U)[]
    ? ReadonlyArray<Expected<U>> | ((actual: unknown) => boolean)
    : T extends object
      ? { readonly [K in keyof T]?: Expected<T[K]> } | ((actual: unknown) => boolean)
      : T | ((actual: unknown) => boolean);

/**
 * A decision expectation: its `type` and any of that decision's fields.
 *
 * @example
 * const d: ExpectedDecision = { type: 'open-incident', rootCauseCiId: 'db-1' };
 */
export type ExpectedDecision = {
  readonly [T in Decision['type']]: { readonly type: T } & { readonly [K in Exclude<keyof Extract<Decision, { type: T }>, 'type'>]?: Expected<Extract<Decision, { type: T }>[K]> };
}[Decision['type']];

/**
 * How `expectDecisions` compares the decisions of the latest `ingest` or `tick`:
 * - `includes` (default): each expectation matches a distinct decision, in the order given (other
 *   decisions may come between and around them);
 * - `exact`: as many decisions as expectations, the i-th matching the i-th.
 *
 * @example
 * const m: DecisionMatchMode = 'exact';
 */
export type DecisionMatchMode = 'includes' | 'exact';

/**
 * A step of a scenario, as plain data (the fluent builder writes these; `runScenario` takes them as
 * they are). `op` names the step:
 * - `at`: the scenario's clock moves to `at` (never backwards); `advance`: by `ms`;
 * - `ingest`: the correlator ingests `alerts` at the current instant; `tick`: the correlator's `tick`
 *   and every record's workflow `tick` run at the current instant;
 * - `given`: an existing record joins the scenario (its SLA timeline starts with it);
 * - `create`: a record is created through its workflow; `openIncident`: an incident is created from an
 *   `open-incident` decision (the one with `incidentKey`, else the earliest not yet used);
 * - `apply`: a command through the record's workflow, which must accept it (an incident made by
 *   `openIncident` that becomes resolved, closed or canceled, this way or by a follow-up or a tick, is
 *   resolved or closed in the correlator too, as a host would); `expectRefusal`: a
 *   command the workflow must refuse (with `code` when given); `applyFollowUps`: the follow-up
 *   commands of the latest accepted `apply`, each sent by `actor` to its target record in the scenario
 *   (a follow-up the target's workflow refuses, such as `onlyIfOnHold` on an incident not on hold, is
 *   noted in the step's detail, not a failure);
 * - `expectRecord`, `expectDecisions`, `expectDecisionCounts`, `expectSla`: assertions;
 * - `check`: a named custom assertion over the scenario's view.
 *
 * @example
 * const steps: ScenarioStep[] = [
 *   { op: 'at', at: '2026-11-23T08:00:00Z' },
 *   { op: 'expectRecord', id: 'inc-1', expected: { state: 'new' } },
 * ];
 */
export type ScenarioStep =
  | { readonly op: 'at'; readonly at: InstantInput }
  | { readonly op: 'advance'; readonly ms: number }
  | { readonly op: 'ingest'; readonly alerts: readonly Alert[] }
  | { readonly op: 'tick' }
  | { readonly op: 'given'; readonly kind: ScenarioRecordKind; readonly record: Incident | Problem | Change }
  | { readonly op: 'create'; readonly kind: ScenarioRecordKind; readonly input: unknown; readonly actor: Actor }
  | { readonly op: 'openIncident'; readonly id: string; readonly actor: Actor; readonly incidentKey?: string; readonly callerId?: string }
  | { readonly op: 'apply'; readonly id: string; readonly command: unknown; readonly actor: Actor }
  | { readonly op: 'applyFollowUps'; readonly actor: Actor }
  | { readonly op: 'expectRefusal'; readonly id: string; readonly command: unknown; readonly actor: Actor; readonly code?: WorkflowErrorCode }
  | { readonly op: 'expectRecord'; readonly id: string; readonly expected: unknown }
  | { readonly op: 'expectDecisions'; readonly expected: readonly unknown[]; readonly mode: DecisionMatchMode }
  | { readonly op: 'expectDecisionCounts'; readonly counts: Readonly<Partial<Record<Decision['type'], number>>> }
  | { readonly op: 'expectSla'; readonly id: string; readonly policy: string; readonly expected: Expected<SlaResult> }
  | {
      readonly op: 'check';
      readonly description: string;
      /** The assertion: `true` or nothing passes; `false` or a message fails. */
      readonly check: (view: ScenarioView) => boolean | string | void;
    };
