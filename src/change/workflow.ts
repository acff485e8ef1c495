import type { z } from 'zod';
import { ChangeSchema, type Change, type ChangeInput } from '../models/change';
import { workflowApi } from '../_lib/workflow-api';
import { createEngine } from '../_lib/workflow-engine';
import { newRecord } from '../_lib/workflow-record';
import type { Workflow } from '../_lib/workflow-types';
import { parseOrThrow } from '../_lib/zod-issues';
import { CHANGE_COMMAND_TYPES, ChangeCommandSchema, CreateChangeInputSchema, type ChangeCommandInput, type ChangeCommandType, type CreateChangeInput } from './commands';
import { createChangeMachine, type ChangeMachine } from './machine';
import { ChangeWorkflowOptionsSchema, type ChangeWorkflowOptions, type ChangeWorkflowOptionsInput } from './options';
import { changeChecks, riskOf } from './rules';

/**
 * The change workflow: `create`, `apply`, `allowed`, `tick` (changes have no time-driven moves) and
 * `nextTickAt` over stored changes.
 *
 * @example
 * const changes: ChangeWorkflow = createChangeWorkflow();
 */
export type ChangeWorkflow = Workflow<Change, ChangeInput, CreateChangeInput, ChangeCommandInput, ChangeCommandType, never, ChangeMachine, ChangeWorkflowOptions>;

/**
 * Creates the change workflow. Options are plain JSON validated by {@link ChangeWorkflowOptionsSchema}.
 *
 * @example
 * const changes = createChangeWorkflow({ approvals: { normal: { policy: 'quorum', group: 'cab', count: 2 }, emergency: { policy: 'any', group: 'ecab' } } });
 * const dev = { id: 'u-dev', roles: ['agent'], groups: ['dba'] };
 * const out = changes.create(
 *   { id: 'chg-1', number: 'CHG1', type: 'normal', shortDescription: 'Patch db-1', requestedBy: 'u-dev', impact: 2, probability: 'medium' },
 *   { actor: dev, now: '2026-11-23T08:00:00Z' },
 * );
 * if (out.ok) out.record.risk //=> 'moderate'
 */
export function createChangeWorkflow(input: ChangeWorkflowOptionsInput = {}): ChangeWorkflow {
  const options = parseOrThrow(ChangeWorkflowOptionsSchema, 'change workflow options', input);
  const machine = createChangeMachine(options);
  const build = (fields: z.output<typeof CreateChangeInputSchema>, _actor: unknown, at: string) =>
    newRecord(fields, at, { risk: riskOf({ ...fields, risk: fields.risk ?? 'moderate' }, options) });
  const engine = createEngine<Change, never>({
    kind: 'change',
    machine,
    recordSchema: ChangeSchema,
    createSchema: CreateChangeInputSchema,
    build,
    commandSchema: ChangeCommandSchema,
    commandTypes: CHANGE_COMMAND_TYPES,
    policy: options.permissions,
    checks: changeChecks(options),
  });
  return workflowApi(engine, options, machine);
}
