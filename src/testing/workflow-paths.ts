import { getAdjacencyMap, type AdjacencyMap } from '@xstate/graph';
import { fromTransition, type ActorSystem, type EventObject, type TransitionSnapshot } from 'xstate';
import { ItsmRangeError, ItsmValidationError } from '../_lib/errors';
import { toEpochMs, toIso, type InstantInput } from '../_lib/instant';
import type { Outcome, Workflow } from '../_lib/workflow-types';
import type { Actor } from '../models/actor';
import { ActorSchema } from '../models/actor';
import { safeParseWith } from '../_lib/zod-issues';
import { canonical } from './stable-key';
import { assignSamples, DEFAULT_PATH_PAYLOADS } from './workflow-path-samples';

/**
 * Any workflow `workflowPaths` can walk: the shape of `createIncidentWorkflow()`,
 * `createProblemWorkflow()` and `createChangeWorkflow()`.
 *
 * @example
 * const w: PathWorkflow = createChangeWorkflow();
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type PathWorkflow = Workflow<any, any, any, any, any, any, any, any>;

/** The record type of a workflow. @example type R = PathRecordOf<IncidentWorkflow>; //=> Incident */
export type PathRecordOf<W> = W extends Workflow<infer R, infer _I, infer _C, infer _M, infer _T, infer _F, infer _X, infer _O> ? R : never;
/** The command input type of a workflow. @example type C = PathCommandOf<IncidentWorkflow>; //=> IncidentCommandInput */
export type PathCommandOf<W> = W extends Workflow<infer _R, infer _I, infer _C, infer M, infer _T, infer _F, infer _X, infer _O> ? M : never;
/** The follow-up command type of a workflow. @example type F = PathFollowUpOf<ProblemWorkflow>; */
export type PathFollowUpOf<W> = W extends Workflow<infer _R, infer _I, infer _C, infer _M, infer _T, infer F, infer _X, infer _O> ? F : never;
/** The command type names of a workflow. @example type T = PathCommandTypeOf<IncidentWorkflow>; //=> 'assign' | 'start' | ... */
export type PathCommandTypeOf<W> = PathCommandOf<W> extends infer C ? (C extends { type: infer T extends string } ? T : never) : never;
/** The payload of command `T` of a workflow (the command without `type` and `target`). @example type P = PathPayloadOf<IncidentWorkflow, 'hold'>; //=> { reason: ... } */
export type PathPayloadOf<W, T> = Omit<Extract<PathCommandOf<W>, { type: T }>, 'type' | 'target'>;

/**
 * Options of {@link workflowPaths}. Every bound has a default and a ceiling: the enumeration is never
 * unbounded.
 *
 * @example
 * const o: WorkflowPathsOptions<IncidentWorkflow> = {
 *   initial: anIncident({ priority: 1 }),
 *   actors: [anActor({ id: 'u-ana', roles: ['agent'], groups: ['sd'] }), anActor({ id: 'u-caller', roles: ['caller'], groups: [] })],
 *   maxDepth: 6,
 * };
 */
export interface WorkflowPathsOptions<W extends PathWorkflow> {
  /** The record every path starts from (e.g. from a builder, or the record of `create`). */
  readonly initial: PathRecordOf<W>;
  /** Who sends commands: every sample command is tried by each of them (1 to 20 actors). */
  readonly actors: readonly Actor[];
  /**
   * Sample payloads by command type (without `type`), replacing the defaults of
   * {@link DEFAULT_PATH_PAYLOADS} for the types named; `[]` leaves a type out. At most 20 per type.
   */
  readonly payloads?: { readonly [T in PathCommandTypeOf<W>]?: ReadonlyArray<PathPayloadOf<W, T>> };
  /** Only these command types are sent (default: every type with a sample payload). */
  readonly commandTypes?: ReadonlyArray<PathCommandTypeOf<W>>;
  /** The instant of the path's start (default the initial record's `updatedAt`). Step `i` runs at `start + i x stepMs`. */
  readonly start?: InstantInput;
  /** Time between two steps (default one minute). */
  readonly stepMs?: number;
  /** When given, a `tick` step (the workflow's time-driven moves) is also tried, that long after the previous step. */
  readonly tickAfterMs?: number;
  /** The longest path, in steps (default 8, at most 50). */
  readonly maxDepth?: number;
  /** The most paths; more throws `ItsmRangeError` rather than checking fewer than asked (default 10,000, at most 1,000,000). */
  readonly maxPaths?: number;
  /** The most distinct records explored; more throws `ItsmRangeError` (default 5,000, at most 200,000). */
  readonly maxStates?: number;
  /**
   * The identity of a record in the graph: two records with the same key are the same vertex.
   * Default: the record as canonical JSON without its timestamps (every key ending in `At`, and `at`).
   */
  readonly serializeRecord?: (record: PathRecordOf<W>) => string;
  /**
   * `allowed` (default): before sending commands from a record, ask the workflow's `allowed(record,
   * actor, now)` and send only the command types it lists (much cheaper than trying every command).
   * `none`: send every sample command to every record, so that a command `allowed()` wrongly rules
   * out is still found if `apply` accepts it.
   */
  readonly prefilter?: 'allowed' | 'none';
}

/**
 * One step of a path: the command (or `{ type: 'tick' }` for a time-driven move, with a null actor)
 * sent at `at` to the record in state `from`, the workflow's outcome, and the record after it.
 *
 * @example
 * path.steps.some((s) => s.command.type === 'close' && s.actor?.roles.includes('caller'))
 */
export interface WorkflowPathStep<W extends PathWorkflow> {
  readonly command: PathCommandOf<W> | { readonly type: 'tick' };
  readonly actor: Actor | null;
  readonly at: string;
  readonly from: string;
  readonly outcome: Outcome<PathRecordOf<W>, PathFollowUpOf<W>>;
  readonly record: PathRecordOf<W>;
}

/**
 * A path: its steps in order and the record it ends with.
 *
 * @example
 * const ends = paths.map((p: WorkflowPath<IncidentWorkflow>) => p.finalRecord.state);
 */
export interface WorkflowPath<W extends PathWorkflow> {
  readonly steps: ReadonlyArray<WorkflowPathStep<W>>;
  readonly finalRecord: PathRecordOf<W>;
}

type Candidate = { readonly command: Record<string, unknown> | { type: 'tick' }; readonly actor: Actor | null };
type Ctx = {
  readonly record: Record<string, unknown> & { state: string; id: string };
  readonly atMs: number;
  readonly depth: number;
  /** The outcome that led here (null at the start), reused by the replay when it follows the same edge from the same record. */
  readonly outcome: Outcome<Record<string, unknown> & { state: string; id: string }, unknown> | null;
};
type StepEvent = EventObject & { readonly type: 'step'; readonly index: number };

const SUBJECT = 'workflowPaths options';
const isTimestampKey = (key: string) => key !== 'at' && !key.endsWith('At');

function bounded(value: number | undefined, fallback: number, max: number, field: string, min = 1): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < min || n > max) throw ItsmValidationError.at(SUBJECT, [field], `must be an integer from ${min} to ${max}`);
  return n;
}

function candidatesOf(workflow: PathWorkflow, options: WorkflowPathsOptions<PathWorkflow>, actors: Actor[]): Candidate[] {
  const kind = String((workflow.machine as { id?: unknown }).id) as keyof typeof DEFAULT_PATH_PAYLOADS;
  const defaults: Record<string, ReadonlyArray<object>> = { ...(DEFAULT_PATH_PAYLOADS[kind] ?? {}), assign: assignSamples(actors) };
  const given = (options.payloads ?? {}) as Record<string, ReadonlyArray<object> | undefined>;
  const types = options.commandTypes ?? [...new Set([...Object.keys(defaults), ...Object.keys(given)])];
  const out: Candidate[] = [];
  for (const type of types) {
    const samples = Object.prototype.hasOwnProperty.call(given, type) ? given[type] : defaults[type];
    if (samples !== undefined && (!Array.isArray(samples) || samples.length > 20)) throw ItsmValidationError.at(SUBJECT, ['payloads', type], 'must be an array of at most 20 payloads');
    for (const payload of samples ?? []) for (const actor of actors) out.push({ command: { ...payload, type }, actor });
  }
  if (options.tickAfterMs !== undefined) out.push({ command: { type: 'tick' }, actor: null });
  return out;
}

function actorsOf(actors: unknown): Actor[] {
  if (!Array.isArray(actors) || actors.length === 0 || actors.length > 20) throw ItsmValidationError.at(SUBJECT, ['actors'], 'must list 1 to 20 actors');
  return actors.map((a, i) => {
    const parsed = safeParseWith(ActorSchema, `${SUBJECT} actors.${i}`, a);
    if (!parsed.ok) throw parsed.error;
    return parsed.value;
  });
}

/**
 * Every path through a configured workflow, in terms of its commands and records, so that a suite can
 * assert an invariant over all of them (e.g. "with our permission policy, no path lets a caller close
 * a P1").
 *
 * What is enumerated, exactly:
 * 1. The **graph** (built by `@xstate/graph`'s `getAdjacencyMap` over the workflow's own pure `apply`
 *    and `tick`, wrapped as xstate transition logic): a vertex is a record, identified by
 *    `serializeRecord` (default: the record without timestamps); an edge is a sample command sent by
 *    one of `actors` (every sample payload x every actor, plus `tick` with `tickAfterMs`) that the
 *    workflow **accepts**, permissions and rules included. Refused commands change nothing and are
 *    not edges. Exploration is breadth-first from `initial`, to `maxDepth` steps, `maxStates` vertices.
 * 2. The **paths**: every simple path from `initial` (no vertex twice) that cannot be extended: it
 *    ends where no accepted command leads to a new vertex, or at `maxDepth` steps. Every step of every
 *    shorter simple path is a step of some returned path, so an invariant over all returned steps holds
 *    over all simple paths. Depth-first, in a deterministic order.
 * 3. **Replay**: each path is driven through the real `apply` (`tick`) from `initial`, step `i` at
 *    `start + i x stepMs` (a `tick` `tickAfterMs` after the previous step), so every `record` and
 *    `outcome` is exactly what the workflow returns along that path. A step the graph's vertex accepted
 *    but the replayed record refuses (a field `serializeRecord` leaves out, such as a timestamp, decided
 *    it) ends its path with that refused step.
 *
 * Throws `ItsmRangeError` when there are more than `maxPaths` paths or `maxStates` vertices, and
 * `ItsmValidationError` for invalid options. Needs the optional peer dependency `@xstate/graph`.
 *
 * @example
 * const incidents = createIncidentWorkflow();
 * const caller = anActor({ id: 'u-other', roles: ['caller'], groups: [] });
 * const agent = anActor({ id: 'u-ana', roles: ['agent'], groups: ['service-desk'] });
 * const paths = workflowPaths(incidents, { initial: anIncident({ priority: 1 }), actors: [agent, caller] });
 * const callerClosedP1 = paths.some((p) => p.steps.some((s) =>
 *   s.outcome.ok && s.command.type === 'close' && s.actor?.id === caller.id && s.record.priority === 1));
 * callerClosedP1 //=> false
 */
export function workflowPaths<W extends PathWorkflow>(workflow: W, options: WorkflowPathsOptions<W>): Array<WorkflowPath<W>> {
  if (typeof options !== 'object' || options === null) throw ItsmValidationError.at(SUBJECT, [], 'must be an object');
  const actors = actorsOf(options.actors);
  const maxDepth = bounded(options.maxDepth, 8, 50, 'maxDepth');
  const maxPaths = bounded(options.maxPaths, 10_000, 1_000_000, 'maxPaths');
  const maxStates = bounded(options.maxStates, 5_000, 200_000, 'maxStates');
  const stepMs = bounded(options.stepMs, 60_000, 366 * 86_400_000, 'stepMs', 0);
  const tickAfterMs = options.tickAfterMs === undefined ? 0 : bounded(options.tickAfterMs, 0, 10 * 366 * 86_400_000, 'tickAfterMs', 0);
  const initialOut = workflow.tick(options.initial, toEpochMs(options.start ?? options.initial?.updatedAt, 'start', SUBJECT)) as Outcome<Ctx['record'], unknown>;
  if (!initialOut.ok) throw ItsmValidationError.at(SUBJECT, ['initial'], initialOut.error.message);
  const initial = options.initial as Ctx['record'];
  const startMs = toEpochMs(options.start ?? initial.updatedAt, 'start', SUBJECT);
  const candidates = candidatesOf(workflow, options as WorkflowPathsOptions<PathWorkflow>, actors);
  const keyOf = (options.serializeRecord as ((r: unknown) => string) | undefined) ?? ((r: unknown) => canonical(r, isTimestampKey));

  const send = (record: Ctx['record'], atMs: number, c: Candidate): { outcome: Outcome<Ctx['record'], unknown>; atMs: number } => {
    if (c.actor === null) {
      const at = atMs + tickAfterMs;
      return { outcome: workflow.tick(record, at) as Outcome<Ctx['record'], unknown>, atMs: at };
    }
    const at = atMs + stepMs;
    return { outcome: workflow.apply(record, c.command, { actor: c.actor, now: at }) as Outcome<Ctx['record'], unknown>, atMs: at };
  };
  const accepted = (o: Outcome<Ctx['record'], unknown>) => o.ok && o.audit.length > 0;
  const allowedCache = new WeakMap<object, Map<Actor, ReadonlySet<string>>>();
  const mayTry = (record: Ctx['record'], atMs: number, c: Candidate): boolean => {
    if (options.prefilter === 'none' || c.actor === null) return true;
    let byActor = allowedCache.get(record);
    if (!byActor) allowedCache.set(record, (byActor = new Map()));
    let types = byActor.get(c.actor);
    if (!types) byActor.set(c.actor, (types = new Set(workflow.allowed(record, c.actor, atMs + stepMs) as string[])));
    return types.has((c.command as { type: string }).type);
  };

  const logic = fromTransition<Ctx, StepEvent, ActorSystem<any>, Ctx, EventObject>((ctx, event) => {
    const c = candidates[event.index]!;
    if (!mayTry(ctx.record, ctx.atMs, c)) return ctx;
    const { outcome, atMs } = send(ctx.record, ctx.atMs, c);
    return outcome.ok && accepted(outcome) ? { record: outcome.record, atMs, depth: ctx.depth + 1, outcome } : ctx;
  }, { record: initial, atMs: startMs, depth: 0, outcome: null });

  let adjacency: AdjacencyMap<TransitionSnapshot<Ctx>, StepEvent>;
  try {
    adjacency = getAdjacencyMap(logic, {
      events: candidates.map((_, index) => ({ type: 'step', index })),
      serializeState: (s) => keyOf(s.context.record),
      serializeEvent: (e) => String(e.index),
      stopWhen: (s) => s.context.depth >= maxDepth,
      limit: maxStates * (candidates.length + 1),
    });
  } catch (error) {
    if (error instanceof Error && /limit/i.test(error.message)) throw new ItsmRangeError(`workflowPaths: more than ${maxStates} records to explore; lower maxDepth, narrow actors or payloads, or raise maxStates`);
    throw error;
  }
  if (Object.keys(adjacency).length > maxStates) throw new ItsmRangeError(`workflowPaths: more than ${maxStates} records to explore; lower maxDepth, narrow actors or payloads, or raise maxStates`);

  const paths: Array<WorkflowPath<W>> = [];
  const steps: Array<WorkflowPathStep<W>> = [];
  const onPath = new Set<string>();
  const emit = (finalRecord: Ctx['record']) => {
    if (paths.length >= maxPaths) throw new ItsmRangeError(`workflowPaths: more than ${maxPaths} paths; lower maxDepth, narrow actors or payloads, or raise maxPaths`);
    paths.push({ steps: [...steps], finalRecord: finalRecord as PathRecordOf<W> });
  };
  const walk = (record: Ctx['record'], key: string, atMs: number): void => {
    const vertex = adjacency[key as keyof typeof adjacency];
    let extended = false;
    if (vertex && steps.length < maxDepth) {
      for (const { event, state } of Object.values(vertex.transitions)) {
        const target = keyOf(state.context.record);
        if (target === key || onPath.has(target)) continue;
        const c = candidates[event.index]!;
        const same = vertex.state.context.record === record && vertex.state.context.atMs === atMs && state.context.outcome !== null;
        const sent = same ? { outcome: state.context.outcome!, atMs: state.context.atMs } : send(record, atMs, c);
        const next = sent.outcome.ok ? sent.outcome.record : record;
        steps.push({ command: c.command as WorkflowPathStep<W>['command'], actor: c.actor, at: toIso(sent.atMs), from: record.state, outcome: sent.outcome as WorkflowPathStep<W>['outcome'], record: next as PathRecordOf<W> });
        extended = true;
        const nextKey = keyOf(next);
        if (!accepted(sent.outcome) || onPath.has(nextKey)) emit(next);
        else {
          onPath.add(nextKey);
          walk(next, nextKey, sent.atMs);
          onPath.delete(nextKey);
        }
        steps.pop();
      }
    }
    if (!extended) emit(record);
  };
  const rootKey = keyOf(initial);
  onPath.add(rootKey);
  walk(initial, rootKey, startMs);
  return paths;
}
