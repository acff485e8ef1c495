import { getNextTransitions, initialTransition, transition, type AnyStateMachine } from 'xstate';
import type { z } from 'zod';
import { ActorSchema, type Actor } from '../models/actor';
import { isItsmValidationError } from './errors';
import { toEpochMs, toIso, type InstantInput } from './instant';
import { auditEntry, diffRecords, payloadOf } from './workflow-audit';
import type { Check, Refusal } from './workflow-checks';
import { permits, type PermissionPolicy } from './workflow-permissions';
import type { AuditEntry, CommandContext, Outcome, WorkflowError } from './workflow-types';
import { safeParseWith } from './zod-issues';

type AnyRecord = { readonly id: string; readonly state: string; readonly updatedAt: string };
type AnyEvent = { readonly type: string; readonly actor: Actor; readonly at: string } & Record<string, unknown>;

/** Everything the shared engine needs to know about one workflow. */
export interface EngineConfig<R extends AnyRecord, F> {
  readonly kind: 'incident' | 'problem' | 'change';
  readonly machine: AnyStateMachine;
  readonly recordSchema: z.ZodType<R>;
  readonly commandSchema: z.ZodType<{ type: string; target?: { kind: string; id: string } | undefined }>;
  readonly commandTypes: readonly string[];
  readonly policy: PermissionPolicy;
  /** The checks backing the machine's guards (typed loosely: each workflow's events are narrower). */
  readonly checks: Readonly<Record<string, Check<{ record: R }, never>>>;
  /** Builds a new record from validated create input (the engine validates the result). */
  readonly build: (input: never, actor: Actor, at: string) => unknown;
  readonly createSchema: z.ZodType;
  /** Extra audit entries a rule adds (e.g. `priority-changed`). */
  readonly extraAudit?: (before: R, after: R, event: AnyEvent) => AuditEntry[];
  /** Follow-up commands for other records. */
  readonly followUps?: (before: R, after: R, event: AnyEvent) => F[];
}

/** The command API every workflow shares. */
export interface Engine<R, F> {
  context(ctx: unknown): { ok: true; actor: Actor; at: string } | { ok: false; error: WorkflowError };
  record(input: unknown): { ok: true; value: R } | { ok: false; error: WorkflowError };
  create(input: unknown, ctx: CommandContext): Outcome<R, F>;
  tick(record: unknown, now: InstantInput, event: string, actorId: string): Outcome<R, F>;
  apply(record: unknown, command: unknown, ctx: CommandContext): Outcome<R, F>;
  run(record: R, event: AnyEvent): Outcome<R, F>;
  allowed(record: unknown, actor: Actor, now: InstantInput): string[];
}

/** An `invalid-input` refusal from a validation error (or anything thrown while validating). */
export function invalidInput(error: unknown, fallback = 'invalid input'): { ok: false; error: WorkflowError } {
  if (isItsmValidationError(error)) return { ok: false, error: { code: 'invalid-input', message: error.message, details: error.issues } };
  return { ok: false, error: { code: 'invalid-input', message: error instanceof Error ? error.message : fallback } };
}

function guardName(guard: unknown): string | undefined {
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'object' && guard !== null && typeof (guard as { type?: unknown }).type === 'string') return (guard as { type: string }).type;
  return undefined;
}

/** Builds the shared command API over a workflow's machine, schemas, permissions and rules. */
export function createEngine<R extends AnyRecord, F>(config: EngineConfig<R, F>): Engine<R, F> {
  const { kind, machine, checks } = config;

  const context: Engine<R, F>['context'] = (ctx) => {
    if (typeof ctx !== 'object' || ctx === null) return invalidInput(undefined, 'context: must be an object { actor, now }');
    const actor = safeParseWith(ActorSchema, 'actor', (ctx as { actor?: unknown }).actor);
    if (!actor.ok) return invalidInput(actor.error);
    try {
      return { ok: true, actor: actor.value, at: toIso(toEpochMs((ctx as { now?: unknown }).now, 'now', 'context')) };
    } catch (error) {
      return invalidInput(error);
    }
  };

  const record: Engine<R, F>['record'] = (input) => {
    const parsed = safeParseWith(config.recordSchema, kind, input);
    return parsed.ok ? parsed : invalidInput(parsed.error);
  };

  const snapshotOf = (r: R) => machine.resolveState({ value: r.state, context: { record: r } });

  const candidates = (r: R, type: string) => getNextTransitions(snapshotOf(r)).filter((t) => t.eventType === type);

  const refusalsOf = (r: R, event: AnyEvent): Refusal[] =>
    candidates(r, event.type).flatMap((t) => {
      const name = guardName(t.guard);
      const refusal = name ? checks[name]?.test({ record: r }, event as never) : undefined;
      return refusal ? [refusal] : [];
    });

  const finish = (before: R | null, after: R, event: AnyEvent): Outcome<R, F> => {
    const main = auditEntry({
      at: event.at,
      actor: event.actor.id,
      command: before ? event.type : 'create',
      event: before ? event.type : 'created',
      payload: before ? payloadOf(event) : undefined,
      from: before ? before.state : null,
      to: after.state,
      changes: diffRecords(before, after),
    });
    const extra = before && config.extraAudit ? config.extraAudit(before, after, event) : [];
    const followUps = before && config.followUps ? config.followUps(before, after, event) : [];
    return { ok: true, record: after, audit: [main, ...extra], followUps };
  };

  const run: Engine<R, F>['run'] = (r, event) => {
    const snapshot = snapshotOf(r);
    if (!candidates(r, event.type).length) {
      return { ok: false, error: { code: 'invalid-transition', message: `${kind} ${r.id}: "${event.type}" is not possible in state ${r.state}` } };
    }
    if (!snapshot.can(event)) {
      const refusals = refusalsOf(r, event);
      const code = refusals.length > 0 && refusals.every((x) => x.forbidden) ? 'forbidden' : 'guard-failed';
      const message = refusals.map((x) => x.message).join('; ') || `"${event.type}" refused`;
      return { ok: false, error: { code, message: `${kind} ${r.id}: ${message}`, details: { guards: refusals.map((x) => x.message) } } };
    }
    const [next] = transition(machine, snapshot, event);
    return finish(r, (next.context as { record: R }).record, event);
  };

  const create: Engine<R, F>['create'] = (input, ctx) => {
    const meta = context(ctx);
    if (!meta.ok) return meta;
    const parsedInput = safeParseWith(config.createSchema, `${kind} input`, input);
    if (!parsedInput.ok) return invalidInput(parsedInput.error);
    const built = safeParseWith(config.recordSchema, kind, config.build(parsedInput.value as never, meta.actor, meta.at));
    if (!built.ok) return invalidInput(built.error);
    if (!permits(config.policy, 'create', meta.actor, built.value)) {
      return { ok: false, error: { code: 'forbidden', message: `actor ${meta.actor.id} may not create this ${kind}` } };
    }
    const [snapshot] = initialTransition(machine, { record: built.value });
    return finish(null, (snapshot.context as { record: R }).record, { type: 'create', actor: meta.actor, at: meta.at });
  };

  const tick: Engine<R, F>['tick'] = (recordInput, now, type, actorId) => {
    const meta = context({ actor: { id: actorId, roles: [], groups: [] }, now });
    if (!meta.ok) return meta;
    const parsed = record(recordInput);
    if (!parsed.ok) return parsed;
    const event = { type, actor: meta.actor, at: meta.at } as AnyEvent;
    const outcome = run(parsed.value, event);
    return outcome.ok ? outcome : { ok: true, record: parsed.value, audit: [], followUps: [] };
  };

  const apply: Engine<R, F>['apply'] = (recordInput, commandInput, ctx) => {
    const meta = context(ctx);
    if (!meta.ok) return meta;
    const parsedRecord = record(recordInput);
    if (!parsedRecord.ok) return parsedRecord;
    const command = safeParseWith(config.commandSchema, 'command', commandInput);
    if (!command.ok) return invalidInput(command.error);
    const r = parsedRecord.value;
    const { target } = command.value;
    if (target && (target.kind !== kind || target.id !== r.id)) {
      return { ok: false, error: { code: 'invalid-input', message: `command.target: names ${target.kind} ${target.id}, not ${kind} ${r.id}`, details: [{ path: 'target' }] } };
    }
    if (!permits(config.policy, command.value.type, meta.actor, r)) {
      return { ok: false, error: { code: 'forbidden', message: `actor ${meta.actor.id} may not send "${command.value.type}" to ${kind} ${r.id}` } };
    }
    return run(r, { ...(command.value as Record<string, unknown>), type: command.value.type, actor: meta.actor, at: meta.at });
  };

  const allowed: Engine<R, F>['allowed'] = (recordInput, actorInput, now) => {
    const meta = context({ actor: actorInput, now });
    const parsed = record(recordInput);
    if (!meta.ok || !parsed.ok) return [];
    const r = parsed.value;
    return config.commandTypes.filter((type) => {
      if (!permits(config.policy, type, meta.actor, r)) return false;
      const probe = { type, actor: meta.actor, at: meta.at } as AnyEvent;
      return candidates(r, type).some((t) => {
        const name = guardName(t.guard);
        const check = name ? checks[name] : undefined;
        return !check || (check.probe ?? check.test)({ record: r }, probe as never) === undefined;
      });
    });
  };

  return { context, record, create, tick, apply, run, allowed };
}
