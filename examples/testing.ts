/**
 * itsm-kit/testing: builders that produce valid records, and a seeded alert storm from a failing CI.
 * Run: npx tsx examples/testing.ts
 */
import { aChange, alertStorm, anIncident, flappingAlerts } from '../src/testing';

const inc = anIncident({ priority: 1, state: 'resolved' });
console.log(`anIncident: ${inc.number} P${inc.priority} ${inc.state}, resolved ${inc.resolvedAt} (${inc.resolutionCode})`);
const chg = aChange({ state: 'scheduled' });
console.log(`aChange: ${chg.number} ${chg.type} ${chg.state}, ${chg.plannedStart} - ${chg.plannedEnd}`);

const storm = alertStorm({
  seed: 7, upstreamCiId: 'orders-db', alertsPerDependant: 5,
  topology: [{ from: 'checkout', to: 'orders-db' }, { from: 'payments', to: 'orders-db' }, { from: 'web', to: 'checkout' }],
});
console.log(`alertStorm: ${storm.length} alerts from ${new Set(storm.map((a) => a.alert.ciId)).size} CIs, first ${storm[0]?.alert.labels.alertname} on ${storm[0]?.alert.ciId}`);
console.log(`same seed, same storm: ${JSON.stringify(storm) === JSON.stringify(alertStorm({ seed: 7, upstreamCiId: 'orders-db', alertsPerDependant: 5, topology: [{ from: 'checkout', to: 'orders-db' }, { from: 'payments', to: 'orders-db' }, { from: 'web', to: 'checkout' }] }))}`);
console.log(`flappingAlerts: ${flappingAlerts({ seed: 1, flaps: 3 }).map((a) => a.alert.status).join(' ')}`);
