import { autoCloseDueAt } from './auto-close';
import type { z } from 'zod';
import { IncidentSchema, type Incident, type IncidentInput } from '../models/incident';
import { priorityOf } from '../models/priority';
import { toIso } from '../_lib/instant';
import { workflowApi } from '../_lib/workflow-api';
import { createEngine } from '../_lib/workflow-engine';
import { newRecord } from '../_lib/workflow-record';
import type { Actor } from '../models/actor';
import type { Workflow } from '../_lib/workflow-types';
import { priorityChangedAudit } from '../_lib/workflow-reducers';
import { parseOrThrow } from '../_lib/zod-issues';
import { CreateIncidentInputSchema, INCIDENT_COMMAND_TYPES, IncidentCommandSchema, type CreateIncidentInput, type IncidentCommandInput, type IncidentCommandType } from './commands';
import { createIncidentMachine, type IncidentMachine } from './machine';
import { IncidentWorkflowOptionsSchema, type IncidentWorkflowOptions, type IncidentWorkflowOptionsInput } from './options';
import { incidentChecks } from './rules';

/**
 * The incident workflow: `create`, `apply`, `allowed`, `tick` and `nextTickAt` over stored incidents,
 * and the machine that holds the rules.
 *
 * @example
 * const incidents: IncidentWorkflow = createIncidentWorkflow();
 */
export type IncidentWorkflow = Workflow<Incident, IncidentInput, CreateIncidentInput, IncidentCommandInput, IncidentCommandType, never, IncidentMachine, IncidentWorkflowOptions>;

/**
 * Creates the incident workflow. Options are plain JSON validated by {@link IncidentWorkflowOptionsSchema}
 * (throws `ItsmValidationError` naming the bad field). Every call returns an {@link Outcome}; nothing is
 * mutated, nothing reads the clock.
 *
 * @example
 * const incidents = createIncidentWorkflow({ autoClose: { afterMs: 3 * 86_400_000 } });
 * const agent = { id: 'u-ana', roles: ['agent'], groups: ['service-desk'] };
 * const created = incidents.create(
 *   { id: 'inc-1', number: 'INC0010001', shortDescription: 'Mail down', callerId: 'u-bob', impact: 1, urgency: 2 },
 *   { actor: agent, now: '2026-11-23T08:00:00Z' },
 * );
 * if (created.ok) created.record.priority //=> 2
 * const started = created.ok && incidents.apply(created.record, { type: 'start' }, { actor: agent, now: '2026-11-23T08:05:00Z' });
 */
export function createIncidentWorkflow(input: IncidentWorkflowOptionsInput = {}): IncidentWorkflow {
  const options = parseOrThrow(IncidentWorkflowOptionsSchema, 'incident workflow options', input);
  const machine = createIncidentMachine(options);
  const build = (fields: z.output<typeof CreateIncidentInputSchema>, actor: Actor, at: string) =>
    newRecord(fields, at, { priority: priorityOf(fields.impact, fields.urgency, options.priorityMatrix), openedBy: actor.id });
  const engine = createEngine<Incident, never>({
    kind: 'incident',
    machine,
    recordSchema: IncidentSchema,
    createSchema: CreateIncidentInputSchema,
    build,
    commandSchema: IncidentCommandSchema,
    commandTypes: INCIDENT_COMMAND_TYPES,
    policy: options.permissions,
    checks: incidentChecks(options),
    extraAudit: (before, after, event) => priorityChangedAudit(before, after, event),
  });
  const dueAt = autoCloseDueAt(options);
  const nextTickAt = (record: IncidentInput): string | null => {
    const parsed = engine.record(record);
    if (!parsed.ok || dueAt === null) return null;
    const r = parsed.value;
    if (r.state !== 'resolved' || r.majorIncident) return null;
    return toIso(dueAt(r));
  };
  return workflowApi(engine, options, machine, { event: 'auto_close', actorId: options.systemActorId, nextTickAt });
}
