/**
 * Act 3: a problem is raised for the outage, becomes a known error (root cause and workaround), tells
 * the incident about the workaround through a follow-up, and a change to fix it is scheduled around
 * the Cyber Week blackout with `findChangeSlots`, then approved by the CAB.
 */
import {
  createChangeWorkflow, detectConflicts, findChangeSlots,
  type BlackoutWindowInput, type ChangeCommandInput, type ChangeConflict, type ChangeSlot, type MaintenanceWindowInput,
} from '../../src/change';
import type { Actor, Change, Problem } from '../../src/models';
import { createProblemWorkflow, type ProblemCommandInput } from '../../src/problem';
import { createTopology } from '../../src/topology';
import { ok } from '../support/report';
import type { IncidentFile, Step } from './incident';
import { CIS, monday, PEOPLE, RELATIONSHIPS, SCHEDULED_CHANGES } from './setting';

/** No changes during Cyber Week (Thursday 26 November to Monday 30 November, Berlin). */
export const BLACKOUTS: BlackoutWindowInput[] = [{ id: 'cyber-week', name: 'Cyber Week freeze', start: '2026-11-25T23:00:00Z', end: '2026-11-30T23:00:00Z' }];
/** orders-db may be changed on Tuesday and Thursday nights, 22:00-02:00 Berlin. */
export const MAINTENANCE_WINDOWS: MaintenanceWindowInput[] = [
  { id: 'orders-db-nights', ciIds: ['orders-db'], calendar: { timeZone: 'Europe/Berlin', week: { tue: [{ start: '22:00', end: '02:00' }], thu: [{ start: '22:00', end: '02:00' }] } } },
];

/** What act 3 produced, for the report. */
export interface FixOutcome {
  readonly problem: Problem;
  readonly problemSteps: Step[];
  readonly naivePlan: { readonly start: string; readonly end: string; readonly conflicts: ChangeConflict[] };
  readonly slots: ChangeSlot[];
  readonly change: Change;
  readonly conflictsAfter: ChangeConflict[];
}

export function planTheFix(incident: IncidentFile): FixOutcome {
  const { pia, dana, chris, cab, monitoring } = PEOPLE;
  const problems = createProblemWorkflow();
  const problemSteps: Step[] = [];
  let problem = ok(problems.create(
    { id: 'prb-7', number: 'PRB0040007', shortDescription: 'orders-db storage controller drops writes under load', impact: 1, urgency: 2, assignmentGroup: 'dba', ciIds: ['orders-db'], incidentIds: ['inc-42'] },
    { actor: pia, now: monday('16:32') },
  )).record;
  problemSteps.push({ at: monday('16:32'), actor: pia.id, command: 'create (linked to INC0010042)', state: problem.state });
  const run = (command: ProblemCommandInput, actor: Actor, hhmm: string, note: string = command.type) => {
    const out = ok(problems.apply(problem, command, { actor, now: monday(hhmm) }));
    problem = out.record;
    problemSteps.push({ at: monday(hhmm), actor: actor.id, command: note, state: problem.state });
    return out;
  };
  run({ type: 'assess' }, pia, '16:33');
  run({ type: 'confirm' }, pia, '16:34');
  run({ type: 'record_root_cause', rootCause: 'Controller firmware 4.2.1 drops queued writes when its cache fills (vendor case VND-88213).', workaround: 'Fail orders-db over to its replica and reset the controller.' }, dana, '16:40', 'record root cause + workaround');
  const told = run({ type: 'communicate_workaround' }, pia, '16:42', 'communicate workaround');
  for (const followUp of told.followUps) incident.apply(followUp, monitoring, '16:42', `follow-up from ${problem.number}: ${followUp.type}`);

  // The fix: a normal change on orders-db, two hours. The requester's first idea is Thursday night.
  const changes = createChangeWorkflow();
  let change = ok(changes.create(
    { id: 'chg-12', number: 'CHG0030012', type: 'normal', shortDescription: 'Upgrade orders-db storage controller firmware to 4.2.3', requestedBy: 'u-dana', assignmentGroup: 'dba', assignedTo: 'u-dana', impact: 1, probability: 'low', ciIds: ['orders-db'], problemIds: ['prb-7'], plannedStart: monday('22:00', 26), plannedEnd: monday('00:00', 27) },
    { actor: dana, now: monday('16:50') },
  )).record;
  const schedule = { changes: SCHEDULED_CHANGES, blackouts: BLACKOUTS, maintenanceWindows: MAINTENANCE_WINDOWS, topology: createTopology({ cis: CIS, relationships: RELATIONSHIPS }) };
  const naivePlan = { start: change.plannedStart!, end: change.plannedEnd!, conflicts: detectConflicts(change, schedule) };
  const slots = findChangeSlots(change, { ...schedule, from: monday('16:50'), limit: 3 });
  const first = slots[0];
  if (first === undefined) throw new Error('no slot found');
  const send = (command: ChangeCommandInput, actor: Actor, hhmm: string) => {
    change = ok(changes.apply(change, command, { actor, now: monday(hhmm) })).record;
  };
  send({ type: 'update', plannedStart: first.plannedStart, plannedEnd: first.plannedEnd, backoutPlan: 'Flash firmware 4.2.1 back; fail back to the primary.' }, dana, '16:52');
  send({ type: 'submit' }, dana, '16:53');
  send({ type: 'request_approval' }, chris, '16:55');
  send({ type: 'approve', comment: 'Approved for the first night after the freeze.' }, cab, '17:05');
  run({ type: 'fix', changeId: change.id }, pia, '17:06', `fix (by ${change.number})`);
  return { problem, problemSteps, naivePlan, slots, change, conflictsAfter: detectConflicts(change, schedule) };
}
