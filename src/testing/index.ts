/**
 * What a team needs to test its own configured workflows and policies: builders with sensible
 * defaults for every model (`anIncident({ priority: 1 })`, `aChange(...)`, `anAlert(...)`), producing
 * records that parse, and seeded, deterministic alert-stream generators (steady, a storm from a
 * failing upstream CI, flapping, late arrivals). See docs/guides/testing.md.
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
