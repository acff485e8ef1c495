/**
 * `npm run demo`: validates a few models and prints the results. (The end-to-end "Monday at the
 * service desk" demo replaces this once every module exists.)
 */
import { parseAlert, parseIncident, priorityOf } from '../src/models';

const good = parseIncident({
  id: 'inc-1', number: 'INC0010001', shortDescription: 'Email is down for the sales floor', callerId: 'u-bob',
  impact: 1, urgency: 2, priority: priorityOf(1, 2), state: 'new',
  openedAt: '2026-11-23T08:00:00Z', updatedAt: '2026-11-23T08:00:00Z',
});
console.log('A valid incident:', good.ok ? `${good.value.number} priority ${good.value.priority}` : good.error.message);

const bad = parseIncident({ id: 'inc-2', number: 'INC0010002', impact: 7, state: 'open', openedAt: 'yesterday' });
if (!bad.ok) {
  console.log('\nAn invalid incident, field by field:');
  for (const issue of bad.error.issues) console.log(`  ${issue.path.padEnd(18)} ${issue.message}`);
}

const alert = parseAlert({
  id: 'a-1', source: 'prometheus', status: 'firing', severity: 'critical',
  labels: JSON.parse('{"alertname":"DbDown","__proto__":"x"}') as Record<string, string>, startsAt: '2026-11-23T08:00:00Z',
});
console.log('\nAn alert with a hostile label:', alert.ok ? 'accepted' : alert.error.issues.map((i) => `${i.path}: ${i.message}`).join('; '));

console.log('\nThe priority matrix (impact x urgency):');
for (const impact of [1, 2, 3]) console.log(`  impact ${impact}: ${[1, 2, 3].map((u) => priorityOf(impact, u)).join(' ')}`);
