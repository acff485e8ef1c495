/**
 * itsm-kit/incident: the incident lifecycle as a pure command API, with refusals as data.
 * Run: npx tsx examples/incident.ts
 */
import { createIncidentWorkflow } from '../src/incident';

const incidents = createIncidentWorkflow();
const agent = { id: 'u-ana', roles: ['agent'], groups: ['service-desk'] };
const caller = { id: 'u-bob', roles: ['caller'], groups: [] };

const created = incidents.create(
  { id: 'inc-1', number: 'INC0010001', shortDescription: 'Mail down', callerId: 'u-bob', impact: 1, urgency: 2, assignmentGroup: 'service-desk' },
  { actor: agent, now: '2026-11-23T08:00:00Z' },
);
if (!created.ok) throw new Error(created.error.message);
console.log(`created ${created.record.number}: state ${created.record.state}, priority ${created.record.priority}`);

const refused = incidents.apply(created.record, { type: 'resolve', code: 'solution_provided', notes: 'Restarted' }, { actor: caller, now: '2026-11-23T08:05:00Z' });
console.log(`the caller resolves it: ${refused.ok ? 'accepted' : refused.error.code}`);

const resolved = incidents.apply(created.record, { type: 'resolve', code: 'solution_provided', notes: 'Restarted the relay' }, { actor: agent, now: '2026-11-23T08:30:00Z' });
if (!resolved.ok) throw new Error(resolved.error.message);
console.log(`the agent resolves it: ${resolved.record.state}; audit: ${resolved.audit.map((a) => `${a.event} ${a.from} -> ${a.to}`).join('; ')}`);
console.log(`allowed for the caller now: ${incidents.allowed(resolved.record, caller, '2026-11-23T08:31:00Z').join(', ')}`);
