/**
 * itsm-kit/correlation: an Alertmanager webhook with a duplicate becomes one incident; a resolve
 * closes it after a quiet period. Then it fires again, and an agent closes the ticket while the
 * alert still fires: the next alert opens a new incident instead of joining the closed one.
 * Run: npx tsx examples/correlation.ts
 */
import { createCorrelator, fromAlertmanagerWebhook } from '../src/correlation';

const correlator = createCorrelator({
  rules: [{ id: 'by-service', groupBy: ['service'], groupWait: '30s', resolveAfter: '5m', template: { title: '{{alertname}} on {{service}}' } }],
});
const alert = (name: string, status: 'firing' | 'resolved', endsAt?: string) => ({
  status, labels: { alertname: name, service: 'checkout', severity: 'critical' }, annotations: {},
  startsAt: '2026-11-23T08:00:00Z', ...(endsAt ? { endsAt } : {}), fingerprint: `fp-${name}`,
});
const webhook = { version: '4', status: 'firing', receiver: 'itsm', groupLabels: {}, commonLabels: {}, commonAnnotations: {}, externalURL: 'http://am', alerts: [alert('HighErrorRate', 'firing'), alert('HighErrorRate', 'firing'), alert('HighLatency', 'firing')] };

let out = correlator.ingest(correlator.initialState(), fromAlertmanagerWebhook(webhook), Date.parse('2026-11-23T08:00:05Z'));
console.log(`ingest: ${out.decisions.map((d) => d.type).join(', ')} (wake at ${new Date(out.nextTickAt!).toISOString()})`);
out = correlator.tick(out.state, out.nextTickAt!);
for (const d of out.decisions) if (d.type === 'open-incident') console.log(`open-incident "${d.title}" priority ${d.priority} with ${d.alertIds.length} alerts`);
const resolved = { ...webhook, status: 'resolved', alerts: [alert('HighErrorRate', 'resolved', '2026-11-23T08:10:00Z'), alert('HighLatency', 'resolved', '2026-11-23T08:10:00Z')] };
out = correlator.ingest(out.state, fromAlertmanagerWebhook(resolved), Date.parse('2026-11-23T08:10:00Z'));
out = correlator.tick(out.state, Date.parse('2026-11-23T08:15:00Z'));
console.log(`after 5 quiet minutes: ${out.decisions.map((d) => d.type).join(', ')}`);

out = correlator.ingest(out.state, fromAlertmanagerWebhook({ ...webhook, alerts: [{ ...alert('HighLatency', 'firing'), startsAt: '2026-11-23T09:00:00Z' }] }), Date.parse('2026-11-23T09:00:00Z'));
out = correlator.tick(out.state, out.nextTickAt!);
const reopened = out.decisions.find((d) => d.type === 'open-incident');
if (reopened?.type !== 'open-incident') throw new Error('expected a new incident');
const closed = correlator.closeIncident(out.state, reopened.incidentKey, Date.parse('2026-11-23T09:20:00Z'));
console.log(`agent closes ${reopened.incidentKey}: ${closed.outcome} (${closed.decisions.map((d) => d.type).join(', ')})`);
out = correlator.ingest(closed.state, fromAlertmanagerWebhook({ ...webhook, alerts: [{ ...alert('HighErrorRate', 'firing'), startsAt: '2026-11-23T09:25:00Z' }] }), Date.parse('2026-11-23T09:25:00Z'));
out = correlator.tick(out.state, out.nextTickAt!);
console.log(`a new alert at 09:25: ${out.decisions.map((d) => (d.type === 'open-incident' ? `open-incident ${d.incidentKey}` : d.type)).join(', ')}`);
