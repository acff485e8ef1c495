/**
 * Public types of the lifecycles (`itsm-kit/incident`, `itsm-kit/problem`, `itsm-kit/change`): the
 * Outcome discriminated union, command payloads (a wrong payload does not compile) and scheduling results.
 */
import { describe, expectTypeOf, it } from 'vitest';
import {
  createIncidentWorkflow, INCIDENT_COMMAND_TYPES, type AuditEntry, type CommandContext, type CreateIncidentInput, type RecordRef,
  type IncidentCommandType, type Outcome, type WorkflowError, type WorkflowErrorCode,
} from 'itsm-kit/incident';
import { createProblemWorkflow, type ProblemCommandType, type ProblemFollowUp } from 'itsm-kit/problem';
import {
  createChangeWorkflow, detectConflicts, findChangeSlots, type ChangeConflict, type ChangeConflictType, type ChangeSlot,
} from 'itsm-kit/change';
import type { Change, Incident, InstantInput, Problem } from 'itsm-kit/models';

declare const incident: Incident;
declare const problem: Problem;
declare const change: Change;
const ctx: CommandContext = { actor: { id: 'u', roles: ['admin'], groups: [] }, now: '2026-11-23T08:00:00Z' };
const incidents = createIncidentWorkflow();
const problems = createProblemWorkflow();
const changes = createChangeWorkflow();

describe('workflow Outcome', () => {
  it('is a union discriminated on ok', () => {
    const out = incidents.apply(incident, { type: 'start' }, ctx);
    expectTypeOf(out).toEqualTypeOf<Outcome<Incident>>();
    if (out.ok) {
      expectTypeOf(out.record).toEqualTypeOf<Incident>();
      expectTypeOf(out.audit).toEqualTypeOf<readonly AuditEntry[]>();
      // Incidents have no follow-ups: the list's element type is never.
      expectTypeOf(out.followUps).toEqualTypeOf<readonly never[]>();
      // @ts-expect-error a successful outcome has no error
      void out.error;
    } else {
      expectTypeOf(out.error).toEqualTypeOf<WorkflowError>();
      expectTypeOf(out.error.code).toEqualTypeOf<WorkflowErrorCode>();
      // @ts-expect-error a failed outcome has no record
      void out.record;
    }
    expectTypeOf<WorkflowErrorCode>().toEqualTypeOf<'invalid-transition' | 'forbidden' | 'guard-failed' | 'invalid-input'>();
  });

  it('types every workflow method', () => {
    expectTypeOf(incidents.create).parameter(0).toEqualTypeOf<CreateIncidentInput>();
    expectTypeOf(incidents.create).returns.toEqualTypeOf<Outcome<Incident>>();
    expectTypeOf(incidents.tick(incident, 0)).toEqualTypeOf<Outcome<Incident>>();
    expectTypeOf(incidents.nextTickAt(incident)).toEqualTypeOf<string | null>();
    expectTypeOf(incidents.allowed(incident, ctx.actor, 0)).toEqualTypeOf<IncidentCommandType[]>();
    expectTypeOf<CommandContext['now']>().toEqualTypeOf<InstantInput>();
    expectTypeOf(INCIDENT_COMMAND_TYPES[0]).toExtend<IncidentCommandType>();
    expectTypeOf(problems.apply(problem, { type: 'assess' }, ctx)).toEqualTypeOf<Outcome<Problem, ProblemFollowUp>>();
    expectTypeOf(problems.allowed(problem, ctx.actor, 0)).toEqualTypeOf<ProblemCommandType[]>();
    expectTypeOf(changes.apply(change, { type: 'submit' }, ctx)).toEqualTypeOf<Outcome<Change>>();
  });
});

describe('command payloads', () => {
  it('accept well-formed commands and reject wrong ones', () => {
    incidents.apply(incident, { type: 'assign', assignmentGroup: 'network' }, ctx);
    // @ts-expect-error an unknown command type
    incidents.apply(incident, { type: 'escalate' }, ctx);
    // @ts-expect-error urgency is 1..3
    incidents.apply(incident, { type: 'update', urgency: 0 }, ctx);
    // @ts-expect-error a comment's text is a string
    incidents.apply(incident, { type: 'comment', text: 42 }, ctx);
    // @ts-expect-error a command is an object with a type
    incidents.apply(incident, 'start', ctx);
    // @ts-expect-error creating needs impact and urgency
    incidents.create({ id: 'i', number: 'INC1', shortDescription: 'x', callerId: 'u' }, ctx);
    // @ts-expect-error the context needs an actor
    incidents.apply(incident, { type: 'start' }, { now: 0 });
    // @ts-expect-error problems cannot be submitted for approval
    problems.apply(problem, { type: 'submit' }, ctx);
    // @ts-expect-error a change's hold reason is free text, but it is required
    changes.apply(change, { type: 'hold' }, ctx);
    // @ts-expect-error changes have no resolve command
    changes.apply(change, { type: 'resolve', code: 'solution_provided', notes: 'x' }, ctx);
  });

  it('types problem follow-ups as incident commands targeting an incident', () => {
    expectTypeOf<NonNullable<ProblemFollowUp['target']>>().toExtend<RecordRef>();
    expectTypeOf<ProblemFollowUp['target']['kind']>().toEqualTypeOf<'incident'>();
    expectTypeOf<ProblemFollowUp['target']['id']>().toEqualTypeOf<string>();
    // A follow-up is applied to the incident as it is.
    const out = problems.apply(problem, { type: 'communicate_workaround' }, ctx);
    if (out.ok) for (const f of out.followUps) incidents.apply(incident, f, ctx);
    expectTypeOf<ProblemFollowUp['type']>().toEqualTypeOf<'resolve' | 'comment'>();
  });
});

describe('change scheduling', () => {
  it('returns conflicts discriminated on type, and slots as ISO strings', () => {
    const conflicts = detectConflicts(change, { changes: [] });
    expectTypeOf(conflicts).toEqualTypeOf<ChangeConflict[]>();
    expectTypeOf<ChangeConflict['type']>().toEqualTypeOf<ChangeConflictType>();
    const c = conflicts[0]!;
    if (c.type === 'blackout') expectTypeOf(c.windowId).toBeString();
    if (c.type === 'implementer-double-booked') expectTypeOf(c.assignedTo).toBeString();
    if (c.type === 'outside-maintenance-window') expectTypeOf(c.windowIds).toEqualTypeOf<readonly string[]>();
    expectTypeOf(findChangeSlots(change, { changes: [], from: 0 })).toEqualTypeOf<ChangeSlot[]>();
    expectTypeOf<ChangeSlot>().toEqualTypeOf<{ readonly plannedStart: string; readonly plannedEnd: string }>();
    // @ts-expect-error `from` is required
    findChangeSlots(change, { changes: [] });
  });
});
