import { ItsmValidationError } from '../_lib/errors';
import type { CiGraph } from './graph';
import type { TopologyWalkOptions } from './options';

/**
 * The CI classes counted as services by `impactedServices` unless told otherwise.
 *
 * @example
 * DEFAULT_SERVICE_CLASSES //=> ['business_service', 'service', 'technical_service']
 */
export const DEFAULT_SERVICE_CLASSES: readonly string[] = ['business_service', 'service', 'technical_service'];

/**
 * Options of `impactedServices`: the walk's options plus which CI classes are services.
 *
 * @example
 * const options: ImpactedServicesOptions = { hops: 4, serviceClasses: ['business_service'] };
 */
export interface ImpactedServicesOptions extends TopologyWalkOptions {
  /** CI classes whose CIs are services themselves (default {@link DEFAULT_SERVICE_CLASSES}). */
  readonly serviceClasses?: readonly string[];
}

/** Sorted, unique service ids of the visited `nodes`. */
export function collectServices(graph: CiGraph, nodes: Int32Array, serviceClasses: readonly string[] | undefined, subject: string): string[] {
  if (serviceClasses !== undefined && !Array.isArray(serviceClasses)) {
    throw ItsmValidationError.at(subject, ['options', 'serviceClasses'], 'must be an array of CI classes');
  }
  const classes = new Set(serviceClasses ?? DEFAULT_SERVICE_CLASSES);
  const services = new Set<string>();
  for (const node of nodes) {
    const ci = graph.cis[node]!;
    for (const s of ci.serviceIds) services.add(s);
    if (classes.has(ci.ciClass)) services.add(ci.id);
  }
  return [...services].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
