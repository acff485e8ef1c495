import { z } from 'zod';
import { parseOrThrow } from '../_lib/zod-issues';
import type { Alert } from '../models/alert';
import { MatcherSchema } from './config-schema';
import type { Matcher } from './config-schema';
import { fingerprintOf } from './identity';
import { compileMatchers } from './matchers';

/**
 * Compiles matchers (as in rules, inhibitions and maintenance windows) into a predicate on alerts, for
 * hosts that want the same semantics elsewhere (a silence preview, a routing check). Regular
 * expressions run with re2js in linear time, anchored to the whole value. Throws
 * ItsmValidationError naming the bad matcher.
 *
 * @example
 * const isDb = createAlertMatcher([{ label: 'service', op: 'regex', value: 'db-.*' }]);
 * isDb({ id: 'a', source: 'p', status: 'firing', severity: 'major', labels: { service: 'db-1' }, annotations: {}, startsAt: '2026-11-23T08:00:00Z' }) //=> true
 */
export function createAlertMatcher(matchers: readonly Matcher[]): (alert: Alert) => boolean {
  const parsed = parseOrThrow(z.array(MatcherSchema).max(32), 'matchers', matchers);
  const test = compileMatchers(parsed, []);
  return (alert) => test(alert, fingerprintOf(alert));
}
