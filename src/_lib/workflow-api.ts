import type { Engine } from './workflow-engine';
import type { Workflow } from './workflow-types';

/**
 * How a workflow moves by itself: the event `tick()` sends, the actor it sends it as, and when a record
 * is next due.
 *
 * @example
 * const timers: WorkflowTimers<IncidentInput> = { event: 'auto_close', actorId: 'system', nextTickAt: () => null };
 */
export interface WorkflowTimers<TRecordInput> {
  /** The event `tick()` sends (a record whose machine does not take it now comes back unchanged). */
  readonly event: string;
  /** The id of the actor `tick()` acts as. */
  readonly actorId: string;
  /** The next instant `tick()` may change `record`, or `null`. */
  readonly nextTickAt: (record: TRecordInput) => string | null;
}

/** No time-driven moves: `tick()` sends `tick` as `system`, which no state takes; nothing is ever due. */
const NO_TIMERS: WorkflowTimers<unknown> = { event: 'tick', actorId: 'system', nextTickAt: () => null };

/**
 * The public workflow over the shared engine: `create`, `apply` and `allowed` are the engine's, `tick`
 * and `nextTickAt` follow `timers` (by default: no time-driven moves).
 *
 * @example
 * const engine = createEngine<Change, never>({ kind: 'change', machine, ...rest });
 * const changes: ChangeWorkflow = workflowApi(engine, options, machine);
 */
export function workflowApi<TRecord, TRecordInput, TCreateInput, TCommandInput, TCommandType extends string, TFollowUp, TMachine, TOptions>(
  engine: Engine<TRecord, TFollowUp>,
  options: TOptions,
  machine: TMachine,
  timers: WorkflowTimers<TRecordInput> = NO_TIMERS,
): Workflow<TRecord, TRecordInput, TCreateInput, TCommandInput, TCommandType, TFollowUp, TMachine, TOptions> {
  return {
    options,
    machine,
    create: (fields, ctx) => engine.create(fields, ctx),
    apply: (record, command, ctx) => engine.apply(record, command, ctx),
    allowed: (record, actor, now) => engine.allowed(record, actor, now) as TCommandType[],
    tick: (record, now) => engine.tick(record, now, timers.event, timers.actorId),
    nextTickAt: (record) => timers.nextTickAt(record),
  };
}
