import type { z } from 'zod';
import type { Actor } from '../models/actor';
import { priorityOf } from '../models/priority';
import { ProblemSchema, type Problem, type ProblemInput } from '../models/problem';
import { workflowApi } from '../_lib/workflow-api';
import { createEngine } from '../_lib/workflow-engine';
import { newRecord } from '../_lib/workflow-record';
import { priorityChangedAudit } from '../_lib/workflow-reducers';
import type { Workflow } from '../_lib/workflow-types';
import { parseOrThrow } from '../_lib/zod-issues';
import { CreateProblemInputSchema, PROBLEM_COMMAND_TYPES, ProblemCommandSchema, type CreateProblemInput, type ProblemCommandInput, type ProblemCommandType } from './commands';
import { problemFollowUps, type ProblemFollowUp } from './follow-ups';
import { createProblemMachine, type ProblemMachine } from './machine';
import { ProblemWorkflowOptionsSchema, type ProblemWorkflowOptions, type ProblemWorkflowOptionsInput } from './options';
import { problemChecks, type ProblemMachineEvent } from './rules';

/**
 * The problem workflow: `create`, `apply`, `allowed`, `tick` (problems have no time-driven moves) and
 * `nextTickAt` over stored problems; follow-ups are commands for linked incidents.
 *
 * @example
 * const problems: ProblemWorkflow = createProblemWorkflow();
 */
export type ProblemWorkflow = Workflow<Problem, ProblemInput, CreateProblemInput, ProblemCommandInput, ProblemCommandType, ProblemFollowUp, ProblemMachine, ProblemWorkflowOptions>;

/**
 * Creates the problem workflow. Options are plain JSON validated by {@link ProblemWorkflowOptionsSchema}.
 * Resolving with `fix_applied` returns `resolve` follow-ups (code `resolved_by_problem`, only for
 * incidents on hold `awaiting_problem`); `communicate_workaround` returns a `comment` follow-up per
 * linked incident.
 *
 * @example
 * const problems = createProblemWorkflow();
 * const pm = { id: 'u-pm', roles: ['problem_manager'], groups: ['dba'] };
 * const out = problems.create({ id: 'prb-1', number: 'PRB1', shortDescription: 'Mail queue stalls', incidentIds: ['inc-1'] }, { actor: pm, now: '2026-11-23T10:00:00Z' });
 * if (out.ok) out.record.state //=> 'new'
 */
export function createProblemWorkflow(input: ProblemWorkflowOptionsInput = {}): ProblemWorkflow {
  const options = parseOrThrow(ProblemWorkflowOptionsSchema, 'problem workflow options', input);
  const machine = createProblemMachine(options);
  const build = (fields: z.output<typeof CreateProblemInputSchema>, actor: Actor, at: string) =>
    newRecord(fields, at, {
      ...(fields.impact !== undefined && fields.urgency !== undefined ? { priority: priorityOf(fields.impact, fields.urgency, options.priorityMatrix) } : {}),
      openedBy: actor.id,
    });
  const engine = createEngine<Problem, ProblemFollowUp>({
    kind: 'problem',
    machine,
    recordSchema: ProblemSchema,
    createSchema: CreateProblemInputSchema,
    build,
    commandSchema: ProblemCommandSchema,
    commandTypes: PROBLEM_COMMAND_TYPES,
    policy: options.permissions,
    checks: problemChecks(options),
    extraAudit: priorityChangedAudit,
    followUps: (before, after, event) => problemFollowUps(before, after, event as ProblemMachineEvent, options),
  });
  return workflowApi(engine, options, machine);
}
