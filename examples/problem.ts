/**
 * itsm-kit/problem: a problem becomes a known error and hands follow-up commands to its incidents.
 * Run: npx tsx examples/problem.ts
 */
import { createProblemWorkflow } from '../src/problem';

const problems = createProblemWorkflow();
const pm = { id: 'u-pm', roles: ['problem_manager'], groups: ['messaging'] };
let now = Date.parse('2026-11-23T09:00:00Z');
const step = () => (now += 60_000);

let out = problems.create({ id: 'prb-1', number: 'PRB0040001', shortDescription: 'Mail queue stalls', incidentIds: ['inc-1', 'inc-2'], assignmentGroup: 'messaging' }, { actor: pm, now: step() });
for (const command of [
  { type: 'assess' },
  { type: 'confirm' },
  { type: 'record_root_cause', rootCause: 'Queue worker leaks sockets', workaround: 'Restart the worker' },
  { type: 'communicate_workaround' },
] as const) {
  if (!out.ok) throw new Error(out.error.message);
  out = problems.apply(out.record, command, { actor: pm, now: step() });
}
if (!out.ok) throw new Error(out.error.message);
console.log(`${out.record.number}: state ${out.record.state}, known error ${out.record.knownError}`);
console.log(`follow-ups for the linked incidents: ${out.followUps.map((f) => `${f.type} -> ${f.target.id}`).join(', ')}`);
