import type { Actor } from '../models/actor';
import type { InstantInput } from './instant';

/**
 * Why a workflow refused a command:
 * - `invalid-input`: the record, the command or the context does not validate (`details` lists the fields);
 * - `forbidden`: the permission policy or separation of duties refuses this actor;
 * - `invalid-transition`: the command means nothing in the record's current state;
 * - `guard-failed`: the command fits the state but a rule refuses it (`details.guards` names the rules).
 *
 * @example
 * const code: WorkflowErrorCode = 'guard-failed';
 */
export type WorkflowErrorCode = 'invalid-transition' | 'forbidden' | 'guard-failed' | 'invalid-input';

/**
 * A refusal, as data. Nothing was changed.
 *
 * @example
 * const e: WorkflowError = { code: 'forbidden', message: 'actor u-bob may not resolve' };
 */
export interface WorkflowError {
  readonly code: WorkflowErrorCode;
  readonly message: string;
  readonly details?: unknown;
}

/**
 * One field that a command changed: its value before and after. A missing `before` means the field
 * was absent (added); a missing `after` means it was removed.
 *
 * @example
 * const c: FieldChange = { field: 'priority', before: 3, after: 1 };
 */
export interface FieldChange {
  readonly field: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

/**
 * An audit entry: when, who, which command, the state before and after and every field changed.
 * `event` is the command type for the entry of the command itself and a named fact for the extra entries
 * some rules add (`priority-changed`, `created`). `from` is `null` for the entry of a creation.
 *
 * @example
 * const e: AuditEntry = {
 *   at: '2026-11-23T08:00:00.000Z', actor: 'u-ana', command: 'start', event: 'start',
 *   from: 'new', to: 'in_progress', changes: [{ field: 'state', before: 'new', after: 'in_progress' }],
 * };
 */
export interface AuditEntry {
  readonly at: string;
  /** The id of the actor (`system` for time-driven moves, or the configured system actor id). */
  readonly actor: string;
  readonly command: string;
  readonly event: string;
  /** The command's payload (everything but `type` and `target`), when it had one. */
  readonly payload?: Readonly<Record<string, unknown>>;
  readonly from: string | null;
  readonly to: string;
  readonly changes: readonly FieldChange[];
}

/**
 * The record a command or a follow-up is aimed at.
 *
 * @example
 * const ref: RecordRef = { kind: 'incident', id: 'inc-1' };
 */
export interface RecordRef {
  readonly kind: 'incident' | 'problem' | 'change';
  readonly id: string;
}

/**
 * What a workflow returns for every call: the new record, its audit entries and the follow-up commands
 * the host should apply to other records; or a refusal that changed nothing.
 *
 * @example
 * const out: Outcome<{ id: string }, { type: 'close' }> = { ok: false, error: { code: 'invalid-transition', message: 'no' } };
 */
export type Outcome<TRecord, TFollowUp = never> =
  | { readonly ok: true; readonly record: TRecord; readonly audit: readonly AuditEntry[]; readonly followUps: readonly TFollowUp[] }
  | { readonly ok: false; readonly error: WorkflowError };

/**
 * Who acts and when: the second argument of `create` and `apply`. `now` is a `Date`, epoch milliseconds
 * or an ISO-8601 string with a zone.
 *
 * @example
 * const ctx: CommandContext = { actor: { id: 'u-ana', roles: ['agent'], groups: ['service-desk'] }, now: '2026-11-23T08:00:00Z' };
 */
export interface CommandContext {
  readonly actor: Actor;
  readonly now: InstantInput;
}

/**
 * What every machine event carries besides the command: the actor and the instant (ISO-8601 UTC).
 *
 * @example
 * const e: MachineEvent<{ type: 'start' }> = { type: 'start', actor: { id: 'u', roles: [], groups: [] }, at: '2026-11-23T08:00:00.000Z' };
 */
export type MachineEvent<TCommand> = TCommand & { readonly actor: Actor; readonly at: string };

/**
 * The shape shared by `createIncidentWorkflow`, `createProblemWorkflow` and `createChangeWorkflow`.
 *
 * @example
 * const incidents: IncidentWorkflow = createIncidentWorkflow();
 * incidents.apply(incident, { type: 'start' }, { actor, now: '2026-11-23T08:05:00Z' });
 */
export interface Workflow<TRecord, TRecordInput, TCreateInput, TCommandInput, TCommandType extends string, TFollowUp, TMachine, TOptions> {
  /** The validated options (plain JSON). */
  readonly options: TOptions;
  /** The xstate 5 machine: context `{ record }`, events = commands plus `actor` and `at`. */
  readonly machine: TMachine;
  /** Creates a record in its initial state (`new`), with a `created` audit entry. */
  create(input: TCreateInput, context: CommandContext): Outcome<TRecord, TFollowUp>;
  /** Applies a command to a stored record; never mutates it. */
  apply(record: TRecordInput, command: TCommandInput, context: CommandContext): Outcome<TRecord, TFollowUp>;
  /** The command types `actor` may send to `record` now (permissions and state rules; payload rules aside). */
  allowed(record: TRecordInput, actor: Actor, now: InstantInput): TCommandType[];
  /** Time-driven moves due at `now`; an outcome with no audit when nothing is due. */
  tick(record: TRecordInput, now: InstantInput): Outcome<TRecord, TFollowUp>;
  /** The next instant `tick()` may change `record`, or `null` when no time-driven move is pending. */
  nextTickAt(record: TRecordInput): string | null;
}
