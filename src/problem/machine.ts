import { setup } from 'xstate';
import type { Problem } from '../models/problem';
import { guardsOf } from '../_lib/workflow-checks';
import { enterStateAssign, entering, recordActions, recordFromInput } from '../_lib/workflow-machine';
import { ProblemWorkflowOptionsSchema, type ProblemWorkflowOptions } from './options';
import { problemChecks, problemReducers, type ProblemMachineEvent } from './rules';
import { parseOrThrow } from '../_lib/zod-issues';

type Ev = ProblemMachineEvent;

/**
 * Builds the problem machine for validated options: states `new`, `assess`, `root_cause_analysis`,
 * `fix_in_progress`, `resolved`, `closed`, `canceled`; context `{ record }`; named guards and actions.
 *
 * @example
 * const machine = createProblemMachine(ProblemWorkflowOptionsSchema.parse({}));
 */
export function createProblemMachine(input: ProblemWorkflowOptions) {
  // Validated again (no transforms, so parsed options come back equal): a bad argument is named, not a crash in a guard.
  const options = parseOrThrow(ProblemWorkflowOptionsSchema, 'problem machine options', input);
  const open = {
    update: { actions: 'recordUpdate' },
    assign: { actions: 'recordAssignment' },
    link_incident: { actions: 'recordIncidentLink' },
    link_change: { actions: 'recordChangeLink' },
    comment: { actions: 'recordComment' },
    cancel: { target: 'canceled', actions: 'recordCancel' },
  } as const;
  const duplicate = {
    mark_duplicate: [
      { target: 'closed', guard: 'duplicateCloses', actions: ['recordDuplicate', 'recordClose'] },
      { target: 'resolved', actions: 'recordDuplicate' },
    ],
  } as const;
  const knowledge = {
    record_root_cause: { actions: 'recordRootCause' },
    record_workaround: { actions: 'recordWorkaround' },
    communicate_workaround: { guard: 'workaroundKnown', actions: 'recordComment' },
    accept_risk: { target: 'resolved', actions: 'recordRiskAccepted' },
  } as const;
  return setup({
    types: { context: {} as { record: Problem }, events: {} as Ev, input: {} as { record: Problem } },
    guards: guardsOf(problemChecks(options)),
    actions: { enterState: enterStateAssign<Problem, Ev>(), ...recordActions(problemReducers(options)) },
  }).createMachine({
    id: 'problem',
    /** Starts from the stored record given as input (none when a host starts an actor without input). */
    context: recordFromInput,
    initial: 'new',
    states: {
      new: { entry: entering('new'), on: { ...open, ...duplicate, assess: { target: 'assess', actions: 'recordComment' } } },
      assess: {
        entry: entering('assess'),
        on: {
          ...open,
          ...duplicate,
          record_workaround: knowledge.record_workaround,
          communicate_workaround: knowledge.communicate_workaround,
          accept_risk: knowledge.accept_risk,
          confirm: { target: 'root_cause_analysis', actions: 'recordComment' },
        },
      },
      root_cause_analysis: {
        entry: entering('root_cause_analysis'),
        on: { ...open, ...duplicate, ...knowledge, fix: { target: 'fix_in_progress', guard: 'rootCauseKnown', actions: 'recordFix' } },
      },
      fix_in_progress: {
        entry: entering('fix_in_progress'),
        on: {
          ...open,
          ...knowledge,
          fix: { actions: 'recordFix' },
          reanalyze: { target: 'root_cause_analysis', actions: 'recordComment' },
          resolve: { target: 'resolved', guard: 'resolutionNotesGiven', actions: 'recordResolution' },
        },
      },
      resolved: {
        entry: entering('resolved'),
        on: {
          close: { target: 'closed', actions: 'recordClose' },
          reanalyze: { target: 'root_cause_analysis', actions: 'clearResolution' },
          communicate_workaround: knowledge.communicate_workaround,
          link_incident: open.link_incident,
          comment: open.comment,
        },
      },
      closed: { entry: entering('closed'), type: 'final' },
      canceled: { entry: entering('canceled'), type: 'final' },
    },
  });
}

/** The problem machine type. @example const m: ProblemMachine = createProblemWorkflow().machine; */
export type ProblemMachine = ReturnType<typeof createProblemMachine>;
