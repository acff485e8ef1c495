import fc from 'fast-check';
import { describe, it } from 'vitest';
import { createChangeWorkflow } from 'itsm-kit/change';
import { createIncidentWorkflow } from 'itsm-kit/incident';
import { createProblemWorkflow } from 'itsm-kit/problem';
import type { Actor } from 'itsm-kit/models';
import { hostileValue } from './adversarial';
import { fuzzBigValues, fuzzCall, fuzzEachArgument, hostileInstant, mutateDeep } from './fuzz-harness';

const agent: Actor = { id: 'u-ana', roles: ['agent', 'resolver', 'change_manager', 'problem_manager'], groups: ['ops'] };
const context = { actor: agent, now: '2026-11-23T08:00:00Z' };
const RUNS = 5;

const cases = [
  {
    name: 'incident',
    workflow: createIncidentWorkflow(),
    create: createIncidentWorkflow,
    options: { autoClose: { afterMs: 172_800_000 } },
    input: { id: 'inc-1', number: 'INC1', shortDescription: 'Mail down', callerId: 'u-bob', impact: 2, urgency: 2, assignmentGroup: 'ops' },
    commands: [{ type: 'assign', assignmentGroup: 'ops', assignedTo: 'u-ana' }, { type: 'start' }, { type: 'hold', reason: 'awaiting_caller' }, { type: 'resolve', code: 'solution_provided', notes: 'fixed' }],
  },
  {
    name: 'problem',
    workflow: createProblemWorkflow(),
    create: createProblemWorkflow,
    options: {},
    input: { id: 'prb-1', number: 'PRB1', shortDescription: 'Mail queue stalls', incidentIds: ['inc-1', 'inc-1'], assignmentGroup: 'ops' },
    commands: [{ type: 'assess' }, { type: 'comment', text: 'x' }],
  },
  {
    name: 'change',
    workflow: createChangeWorkflow(),
    create: createChangeWorkflow,
    options: {},
    input: { id: 'chg-1', number: 'CHG1', type: 'normal', shortDescription: 'Patch db', requestedBy: 'u-dev', assignmentGroup: 'ops', impact: 2, probability: 'medium', ciIds: ['db-1'] },
    commands: [{ type: 'submit' }, { type: 'comment', text: 'x' }],
  },
] as const;

describe.each(cases)('fuzzing the $name workflow', ({ workflow, create, options, input, commands }) => {
  const created = workflow.create(input as never, context);
  if (!created.ok) throw new Error(`fixture: ${created.error.message}`);
  const record = JSON.parse(JSON.stringify(created.record)) as unknown;
  const command = fc.oneof(fc.constantFrom(...commands), mutateDeep(commands[0]), hostileValue);
  const ctx = fc.oneof(fc.constant(context), mutateDeep(context), fc.record({ actor: fc.constant(agent), now: hostileInstant }), hostileValue);

  it('createXWorkflow survives hostile options', () => {
    fuzzEachArgument(create as (o: unknown) => unknown, [options], RUNS);
  });

  it('create survives hostile inputs and contexts', () => {
    fuzzEachArgument(workflow.create, [input, context], RUNS);
    fuzzBigValues(workflow.create, [input, context]);
  });

  it('apply survives hostile records, commands and contexts', () => {
    fuzzCall(workflow.apply, [fc.oneof(fc.constant(record), mutateDeep(record), hostileValue), command, ctx], RUNS * 3);
    fuzzBigValues(workflow.apply, [record, commands[0], context]);
  });

  it('allowed and tick survive hostile records, actors and instants', () => {
    fuzzCall(workflow.allowed, [fc.oneof(fc.constant(record), mutateDeep(record), hostileValue), fc.oneof(fc.constant(agent), mutateDeep(agent), hostileValue), hostileInstant], RUNS * 2);
    fuzzCall(workflow.tick, [fc.oneof(fc.constant(record), mutateDeep(record), hostileValue), hostileInstant], RUNS * 2);
    fuzzBigValues(workflow.tick, [record, context.now]);
  });
});
