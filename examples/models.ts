/**
 * itsm-kit/models: parse untrusted records into typed models; errors name the field, never throw.
 * Run: npx tsx examples/models.ts
 */
import { parseAlert, parseIncident, priorityOf } from '../src/models';

const good = parseIncident({
  id: 'inc-1', number: 'INC0010001', shortDescription: 'Email is down for the sales floor', callerId: 'u-bob',
  impact: 1, urgency: 2, priority: priorityOf(1, 2), state: 'new',
  openedAt: '2026-11-23T08:00:00Z', updatedAt: '2026-11-23T08:00:00Z',
});
console.log(good.ok ? `valid incident ${good.value.number}, priority ${good.value.priority}` : good.error.message);

const bad = parseIncident({ id: 'inc-2', number: 'INC0010002', impact: 7, state: 'open', openedAt: 'yesterday' });
if (!bad.ok) {
  console.log(`invalid incident, ${bad.error.issues.length} issues:`);
  for (const issue of bad.error.issues) console.log(`  ${issue.path.padEnd(18)} ${issue.message}`);
}

const hostile = parseAlert({
  id: 'a-1', source: 'prometheus', status: 'firing', severity: 'critical',
  labels: JSON.parse('{"alertname":"DbDown","__proto__":"x"}') as Record<string, string>, startsAt: '2026-11-23T08:00:00Z',
});
console.log(`alert with a __proto__ label: ${hostile.ok ? 'accepted' : `rejected (${hostile.error.issues.map((i) => i.path).join(', ')})`}`);
