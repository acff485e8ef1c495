import { transition } from 'xstate';
import { createChangeWorkflow } from '../src/change';
import { createIncidentWorkflow } from '../src/incident';
import { IncidentSchema } from '../src/models';
import { measure, printTable } from './_lib/measure';

/**
 * Command API throughput (validate record and command, check permissions and rules, pure transition,
 * audit diff), against parsing the same incident with its zod schema as the baseline (the floor of any
 * API that accepts stored records).
 */
export default function run(): void {
  const incidents = createIncidentWorkflow();
  const agent = { id: 'u-ana', roles: ['agent'], groups: ['sd'] };
  const created = incidents.create(
    { id: 'inc-1', number: 'INC1', shortDescription: 'Mail down', callerId: 'u-bob', impact: 2, urgency: 2, assignmentGroup: 'sd' },
    { actor: agent, now: '2026-11-23T08:00:00Z' },
  );
  if (!created.ok) throw new Error(created.error.message);
  const record = created.record;
  const at = '2026-11-23T09:00:00.000Z';
  const snapshot = incidents.machine.resolveState({ value: record.state, context: { record } });

  const baseline = measure('IncidentSchema.parse', () => IncidentSchema.parse(record).priority);
  const raw = measure('xstate transition (start)', () => transition(incidents.machine, snapshot, { type: 'start', actor: agent, at })[0].context.record.state.length);
  const start = measure('incidents.apply start', () => (incidents.apply(record, { type: 'start' }, { actor: agent, now: at }).ok ? 1 : 0));
  const update = measure('incidents.apply update', (i) => (incidents.apply(record, { type: 'update', impact: ((i % 3) + 1) as 1 | 2 | 3 }, { actor: agent, now: at }).ok ? 1 : 0));
  const refused = measure('incidents.apply forbidden', () => (incidents.apply(record, { type: 'start' }, { actor: { id: 'u-x', roles: [], groups: [] }, now: at }).ok ? 1 : 0));
  const allowed = measure('incidents.allowed', () => incidents.allowed(record, agent, at).length);

  const changes = createChangeWorkflow();
  const cm = { id: 'u-cm', roles: ['change_manager'], groups: ['cab'] };
  const chg = changes.create({ id: 'c', number: 'C', type: 'normal', shortDescription: 'x', requestedBy: 'u-dev' }, { actor: cm, now: at });
  if (!chg.ok) throw new Error(chg.error.message);
  const authorize = { ...chg.record, state: 'authorize' as const };
  const approve = measure('changes.apply approve (-> scheduled)', () => (changes.apply(authorize, { type: 'approve' }, { actor: cm, now: at }).ok ? 1 : 0));
  printTable('workflows', [baseline, raw, start, update, refused, allowed, approve], baseline);
}
