/**
 * What a team needs to test its own configured workflows and policies: builders with sensible
 * defaults for every model (`anIncident({ priority: 1 })`, `aChange(...)`, `anAlert(...)`), producing
 * records that parse; seeded, deterministic alert-stream generators (steady, a storm from a failing
 * upstream CI, flapping, late arrivals); `scenario()`, scripts of timed steps run through the real
 * correlator, workflows and SLA clocks with subset expectations and readable failure reports; and
 * `workflowPaths()`, every path through a configured workflow (with `@xstate/graph`) to assert
 * invariants over. See docs/guides/testing.md.
 *
 * @module testing
 */
export {
  createBuilders, BUILDER_EPOCH, anIncident, aProblem, aKnownError, aChange, anAlert, aConfigurationItem, aCi, aRelationship, anActor,
  type Builders, type CreateBuildersOptions,
} from './builders';
export { createRandom, type SeededRandom } from './random';
export { MAX_STREAM_ALERTS, type AlertArrival, type StreamOptions } from './alert-arrival';
export { steadyAlerts, type SteadyAlertsOptions } from './steady-alerts';
export { alertStorm, type AlertStormOptions, type TopologyEdge } from './alert-storm';
export { flappingAlerts, type FlappingAlertsOptions } from './flapping-alerts';
export { withLateArrivals, lateAlerts, type LateArrivalOptions, type LateAlertsOptions } from './late-arrivals';
export { scenario, type Scenario, type ScenarioCommand } from './scenario';
export { runScenario, describeStep } from './scenario-run';
export type { ScenarioOptions } from './scenario-env';
export type { ScenarioStep, ScenarioRecordKind, Expected, ExpectedDecision, DecisionMatchMode } from './scenario-steps';
export type { ScenarioView, ScenarioRecord } from './scenario-world';
export { ItsmScenarioError, type ScenarioResult, type ScenarioFailure, type ScenarioStepResult } from './scenario-report';
export { subsetMismatches, type Mismatch, type ValuePredicate } from './scenario-match';
export {
  workflowPaths, type WorkflowPathsOptions, type WorkflowPath, type WorkflowPathStep, type PathRecordOf, type PathCommandOf,
  type PathCommandTypeOf, type PathPayloadOf, type PathFollowUpOf, type PathWorkflow,
} from './workflow-paths';
export { DEFAULT_PATH_PAYLOADS } from './workflow-path-samples';
