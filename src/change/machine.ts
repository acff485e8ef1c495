import { setup } from 'xstate';
import type { Change } from '../models/change';
import { guardsOf } from '../_lib/workflow-checks';
import { enterStateAssign, entering, recordActions, recordFromInput } from '../_lib/workflow-machine';
import { ChangeWorkflowOptionsSchema, type ChangeWorkflowOptions } from './options';
import { changeChecks, changeReducers, type ChangeMachineEvent } from './rules';
import { parseOrThrow } from '../_lib/zod-issues';

type Ev = ChangeMachineEvent;

/**
 * Builds the change machine for validated options: states `new`, `assess`, `authorize`, `scheduled`,
 * `implement`, `review`, `closed`, `canceled`. A normal change goes through assess and authorize, an
 * emergency change skips assess, a standard change skips both; `authorize` moves to `scheduled` by itself
 * once the approval policy is met. On hold is a flag of the record: only `cancel` and `resume` pass.
 *
 * @example
 * const machine = createChangeMachine(ChangeWorkflowOptionsSchema.parse({}));
 */
export function createChangeMachine(input: ChangeWorkflowOptions) {
  // Validated again (no transforms, so parsed options come back equal): a bad argument is named, not a crash in a guard.
  const options = parseOrThrow(ChangeWorkflowOptionsSchema, 'change machine options', input);
  const beforeReview = {
    cancel: { target: 'canceled', guard: 'cancelAllowed', actions: 'recordCancel' },
    hold: { guard: 'notOnHold', actions: 'recordHold' },
    resume: { guard: 'onHold', actions: 'recordResume' },
    assign: { guard: 'assigneeIndependent', actions: 'recordAssignment' },
  } as const;
  const planning = { ...beforeReview, update: { guard: 'updateValid', actions: 'recordUpdate' } } as const;
  return setup({
    types: { context: {} as { record: Change }, events: {} as Ev, input: {} as { record: Change } },
    guards: guardsOf(changeChecks(options)),
    actions: { enterState: enterStateAssign<Change, Ev>(), ...recordActions(changeReducers(options)) },
  }).createMachine({
    id: 'change',
    /** Starts from the stored record given as input (none when a host starts an actor without input). */
    context: recordFromInput,
    initial: 'new',
    states: {
      new: {
        entry: entering('new'),
        on: {
          ...planning,
          submit: [
            { target: 'assess', guard: 'submitNormal', actions: 'recordTouch' },
            { target: 'authorize', guard: 'submitEmergency', actions: 'recordTouch' },
            { target: 'scheduled', guard: 'submitStandard', actions: 'recordTouch' },
          ],
        },
      },
      assess: {
        entry: entering('assess'),
        on: {
          ...planning,
          request_approval: { target: 'authorize', guard: 'notOnHold', actions: 'recordTouch' },
          reject: { target: options.rejectTo, guard: 'notOnHold', actions: 'recordRejection' },
        },
      },
      authorize: {
        entry: entering('authorize'),
        always: { target: 'scheduled', guard: 'approvalPolicyMet' },
        on: {
          ...planning,
          approve: { guard: 'mayDecide', actions: 'recordApproval' },
          reject: { target: options.rejectTo, guard: 'mayDecide', actions: 'recordRejection' },
        },
      },
      scheduled: {
        entry: entering('scheduled'),
        on: { ...planning, implement: { target: 'implement', guard: 'approvalsInPlace', actions: 'recordStart' } },
      },
      implement: {
        entry: entering('implement'),
        on: { ...beforeReview, complete: { target: 'review', guard: 'closeCodeValid', actions: 'recordCompletion' } },
      },
      review: { entry: entering('review'), on: { close: { target: 'closed', guard: 'closeCodeRecorded', actions: 'recordClose' } } },
      closed: { entry: entering('closed'), type: 'final' },
      canceled: { entry: entering('canceled'), type: 'final' },
    },
  });
}

/** The change machine type. @example const m: ChangeMachine = createChangeWorkflow().machine; */
export type ChangeMachine = ReturnType<typeof createChangeMachine>;
