import { setup } from 'xstate';
import type { Incident } from '../models/incident';
import { guardsOf } from '../_lib/workflow-checks';
import { enterStateAssign, entering, recordActions, recordFromInput } from '../_lib/workflow-machine';
import { IncidentWorkflowOptionsSchema, type IncidentWorkflowOptions } from './options';
import { incidentChecks, incidentReducers, type IncidentMachineEvent } from './rules';
import { parseOrThrow } from '../_lib/zod-issues';

type Ev = IncidentMachineEvent;

/**
 * Builds the incident machine for validated options. Its context is `{ record }` (the stored incident),
 * its events are commands plus `actor` and `at`; every guard and action is named in `setup()`.
 *
 * @example
 * const machine = createIncidentMachine(IncidentWorkflowOptionsSchema.parse({}));
 * createActor(machine, { input: { record } }).start();
 */
export function createIncidentMachine(input: IncidentWorkflowOptions) {
  // Validated again (no transforms, so parsed options come back equal): a bad argument is named, not a crash in a guard.
  const options = parseOrThrow(IncidentWorkflowOptionsSchema, 'incident machine options', input);
  const common = {
    assign: { actions: 'recordAssignment' },
    update: { actions: 'recordUpdate' },
    comment: { actions: 'recordComment' },
    link: { actions: 'recordLink' },
  } as const;
  const beforeResolution = {
    ...common,
    resolve: { target: 'resolved', guard: 'resolutionValid', actions: 'recordResolution' },
    cancel: { target: 'canceled', guard: 'cancelAllowed', actions: 'recordCancel' },
  } as const;
  return setup({
    types: {
      /** The stored record the machine guards and updates. */
      context: {} as { record: Incident },
      events: {} as Ev,
      input: {} as { record: Incident },
    },
    guards: guardsOf(incidentChecks(options)),
    actions: { enterState: enterStateAssign<Incident, Ev>(), ...recordActions(incidentReducers(options)) },
  }).createMachine({
    id: 'incident',
    /** Starts from the stored record given as input (none when a host starts an actor without input). */
    context: recordFromInput,
    initial: 'new',
    states: {
      new: {
        entry: entering('new'),
        on: {
          ...beforeResolution,
          start: { target: 'in_progress', actions: 'recordStart' },
          hold: { target: 'on_hold', guard: 'holdReasonAllowed', actions: ['recordStart', 'recordHold'] },
        },
      },
      in_progress: {
        entry: entering('in_progress'),
        on: { ...beforeResolution, hold: { target: 'on_hold', guard: 'holdReasonAllowed', actions: 'recordHold' } },
      },
      on_hold: {
        entry: entering('on_hold'),
        exit: 'clearHoldReason',
        on: {
          ...beforeResolution,
          hold: { guard: 'holdReasonAllowed', actions: 'recordHold' },
          resume: { target: 'in_progress', actions: 'recordComment' },
          comment: [{ target: 'in_progress', guard: 'callerAnswers', actions: 'recordComment' }, { actions: 'recordComment' }],
        },
      },
      resolved: {
        entry: entering('resolved'),
        on: {
          reopen: { target: options.reopenTo, guard: 'reopenAllowed', actions: 'recordReopen' },
          close: { target: 'closed', actions: 'recordClose' },
          auto_close: { target: 'closed', guard: 'autoCloseDue', actions: 'recordClose' },
          comment: common.comment,
          link: common.link,
        },
      },
      closed: { entry: entering('closed'), type: 'final' },
      canceled: { entry: entering('canceled'), type: 'final' },
    },
  });
}

/** The incident machine type. @example const m: IncidentMachine = createIncidentWorkflow().machine; */
export type IncidentMachine = ReturnType<typeof createIncidentMachine>;
