/**
 * The CMDB topology: a read-only graph over configuration items and their relationships, with impact
 * (`impactedBy`) and dependency (`dependenciesOf`) walks, `hasPath`, `impactedServices` and
 * root-cause candidates for a set of CIs. Built once from plain JSON, cycle-safe, deterministic.
 *
 * @example
 * import { createTopology } from 'itsm-kit/topology';
 * const topo = createTopology({ cis, relationships });
 * topo.rootCauseCandidates(['app', 'vm', 'db'])[0]?.ciId //=> 'db'
 *
 * @module topology
 */
export { createTopology, type Topology } from './topology';
export { TopologyDefinitionSchema, TOPOLOGY_LIMITS, type TopologyDefinition, type TopologyDefinitionInput } from './schema';
export type { TopologyWalkOptions } from './options';
export type { ReachedCi } from './reached';
export { ROOT_CAUSE_MAX_CI_IDS, type RootCauseCandidate } from './root-cause';
export { DEFAULT_SERVICE_CLASSES, type ImpactedServicesOptions } from './services';
