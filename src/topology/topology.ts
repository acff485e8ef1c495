import { ItsmValidationError } from '../_lib/errors';
import { parseOrThrow } from '../_lib/zod-issues';
import type { ConfigurationItem } from '../models/configuration-item';
import type { CiGraph } from './graph';
import { buildCiGraph } from './graph';
import type { TopologyWalkOptions } from './options';
import { readWalkOptions } from './options';
import type { ReachedCi } from './reached';
import { collectReached } from './reached';
import type { RootCauseCandidate } from './root-cause';
import { rankRootCauses } from './root-cause';
import type { TopologyDefinitionInput } from './schema';
import { TopologyDefinitionSchema } from './schema';
import type { ImpactedServicesOptions } from './services';
import { collectServices } from './services';
import { Walker } from './walk';

/**
 * A read-only CMDB graph with impact and dependency walks. Relationships read `from <type> to`; `to` is
 * upstream (its failure impacts `from`); `connected_to` is followed both ways. Every walk is
 * cycle-safe, breadth-first, and returns CIs ordered by hops, then by id, each with a shortest path
 * from the queried CI. A CI id the topology does not know has no relationships: its walks are empty.
 *
 * @example
 * const topo = createTopology({ cis, relationships });
 * topo.impactedBy('db').map((r) => r.ciId) //=> ['app']
 */
export interface Topology {
  /** How many CIs the topology holds. */
  readonly size: number;
  /** True when the topology holds a CI with this id. @example topo.has('db') //=> true */
  has(ciId: string): boolean;
  /** The validated CI with this id (defaults filled in), if any. @example topo.ci('db')?.ciClass //=> 'database' */
  ci(ciId: string): ConfigurationItem | undefined;
  /**
   * What depends on `ciId`, transitively: the CIs its failure impacts (downstream).
   *
   * @example
   * topo.impactedBy('db', { hops: 2 }).map((r) => r.path.join(' <- ')) //=> ['db <- vm', 'db <- vm <- app']
   */
  impactedBy(ciId: string, options?: TopologyWalkOptions): ReachedCi[];
  /**
   * What `ciId` depends on, transitively (upstream).
   *
   * @example
   * topo.dependenciesOf('app').map((r) => r.ciId) //=> ['vm', 'db']
   */
  dependenciesOf(ciId: string, options?: TopologyWalkOptions): ReachedCi[];
  /**
   * True when `fromCiId` depends on `toCiId` within the hops limit (`toCiId` is upstream of it), i.e.
   * `toCiId` is among `dependenciesOf(fromCiId)`. A CI has a path of 0 hops to itself.
   *
   * @example
   * topo.hasPath('app', 'db') //=> true
   * topo.hasPath('db', 'app') //=> false
   */
  hasPath(fromCiId: string, toCiId: string, options?: TopologyWalkOptions): boolean;
  /**
   * The most upstream CIs among `ciIds` (see {@link RootCauseCandidate}): those with no CI of the set
   * strictly upstream of them, ranked by how many of the set they impact, then by id.
   *
   * @example
   * topo.rootCauseCandidates(['app', 'vm', 'db'])[0]?.ciId //=> 'db'
   */
  rootCauseCandidates(ciIds: readonly string[], options?: TopologyWalkOptions): RootCauseCandidate[];
  /**
   * The services a failure of `ciId` reaches, sorted: the `serviceIds` of the CI and of every CI it
   * impacts, plus the ids of those CIs whose `ciClass` is a service class.
   *
   * @example
   * topo.impactedServices('db') //=> ['svc-checkout']
   */
  impactedServices(ciId: string, options?: ImpactedServicesOptions): string[];
}

/**
 * Validates a topology definition and builds its graph once (ids interned to integers, adjacency in
 * flat typed arrays), so each query costs only the CIs it visits. Throws {@link ItsmValidationError}
 * naming the bad field, e.g. `relationships.3.to: unknown CI "db-9"` or `cis.2.id: duplicate CI id`.
 *
 * @example
 * const topo = createTopology({
 *   cis: [
 *     { id: 'app', name: 'checkout', ciClass: 'application' },
 *     { id: 'vm', name: 'vm-1', ciClass: 'server' },
 *     { id: 'db', name: 'orders-db', ciClass: 'database' },
 *   ],
 *   relationships: [
 *     { from: 'app', to: 'vm', type: 'hosted_on' },
 *     { from: 'vm', to: 'db', type: 'depends_on' },
 *   ],
 * });
 * topo.impactedBy('db').map((r) => r.ciId) //=> ['vm', 'app']
 */
export function createTopology(definition: TopologyDefinitionInput): Topology {
  const def = parseOrThrow(TopologyDefinitionSchema, 'topology', definition);
  return new GraphTopology(buildCiGraph(def.cis, def.relationships));
}

const SUBJECT = 'topology query';

class GraphTopology implements Topology {
  private readonly walker: Walker;

  constructor(private readonly graph: CiGraph) {
    this.walker = new Walker(graph.ids.length);
  }

  get size(): number {
    return this.graph.ids.length;
  }

  has(ciId: string): boolean {
    return this.graph.indexOf.has(ciId);
  }

  ci(ciId: string): ConfigurationItem | undefined {
    const node = this.graph.indexOf.get(ciId);
    return node === undefined ? undefined : this.graph.cis[node];
  }

  impactedBy(ciId: string, options?: TopologyWalkOptions): ReachedCi[] {
    return this.reach('downstream', ciId, options);
  }

  dependenciesOf(ciId: string, options?: TopologyWalkOptions): ReachedCi[] {
    return this.reach('upstream', ciId, options);
  }

  hasPath(fromCiId: string, toCiId: string, options?: TopologyWalkOptions): boolean {
    const limits = readWalkOptions(options, SUBJECT);
    const from = this.node(fromCiId, 'fromCiId');
    const to = this.node(toCiId, 'toCiId');
    if (from === undefined || to === undefined) return fromCiId === toCiId;
    this.walker.walk(this.graph.upstream, from, limits.maxHops, limits.typeMask, to);
    return this.walker.visited(to);
  }

  rootCauseCandidates(ciIds: readonly string[], options?: TopologyWalkOptions): RootCauseCandidate[] {
    return rankRootCauses(this.graph, this.walker, ciIds, readWalkOptions(options, SUBJECT), SUBJECT);
  }

  impactedServices(ciId: string, options?: ImpactedServicesOptions): string[] {
    const limits = readWalkOptions(options, SUBJECT);
    const node = this.node(ciId, 'ciId');
    if (node === undefined) return [];
    const count = this.walker.walk(this.graph.downstream, node, limits.maxHops, limits.typeMask);
    return collectServices(this.graph, this.walker.order.subarray(0, count), options?.serviceClasses, SUBJECT);
  }

  private reach(direction: 'upstream' | 'downstream', ciId: string, options: TopologyWalkOptions | undefined): ReachedCi[] {
    const limits = readWalkOptions(options, SUBJECT);
    const node = this.node(ciId, 'ciId');
    if (node === undefined) return [];
    const count = this.walker.walk(this.graph[direction], node, limits.maxHops, limits.typeMask);
    return collectReached(this.graph, this.walker, count);
  }

  private node(ciId: string, field: string): number | undefined {
    if (typeof ciId !== 'string') throw ItsmValidationError.at(SUBJECT, [field], 'must be a CI id (a string)');
    return this.graph.indexOf.get(ciId);
  }
}
