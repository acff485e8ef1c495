/**
 * itsm-kit/change: a normal change approved by the CAB, then scheduled around a blackout.
 * Run: npx tsx examples/change.ts
 */
import { createChangeWorkflow, detectConflicts, findChangeSlots } from '../src/change';

const changes = createChangeWorkflow();
const dev = { id: 'u-dev', roles: ['agent'], groups: ['ops'] };
const cm = { id: 'u-cm', roles: ['change_manager'], groups: [] };
const cab = { id: 'u-cab1', roles: ['approver'], groups: ['cab'] };

let out = changes.create(
  { id: 'chg-1', number: 'CHG0030001', type: 'normal', shortDescription: 'Patch db-1', requestedBy: 'u-dev', impact: 2, probability: 'medium', ciIds: ['db-1'],
    plannedStart: '2026-12-24T20:00:00Z', plannedEnd: '2026-12-24T22:00:00Z' },
  { actor: dev, now: '2026-11-23T08:00:00Z' },
);
for (const [command, actor] of [[{ type: 'submit' }, dev], [{ type: 'request_approval' }, cm], [{ type: 'approve' }, cab]] as const) {
  if (!out.ok) throw new Error(out.error.message);
  out = changes.apply(out.record, command, { actor, now: '2026-11-23T09:00:00Z' });
}
if (!out.ok) throw new Error(out.error.message);
console.log(`${out.record.number}: ${out.record.state} (risk ${out.record.risk})`);

const schedule = { changes: [], maintenanceWindows: [], blackouts: [{ id: 'xmas', start: '2026-12-24T00:00:00Z', end: '2026-12-27T00:00:00Z' }] };
console.log(`conflicts: ${detectConflicts(out.record, schedule).map((c) => c.message).join('; ')}`);
const [slot] = findChangeSlots(out.record, { ...schedule, from: '2026-12-24T00:00:00Z', limit: 1 });
console.log(`next free slot: ${slot?.plannedStart} - ${slot?.plannedEnd}`);
