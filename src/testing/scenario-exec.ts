import { match, P } from 'ts-pattern';
import type { z } from 'zod';
import { toEpochMs, toIso } from '../_lib/instant';
import { safeParseWith } from '../_lib/zod-issues';
import { ChangeSchema } from '../models/change';
import { IncidentSchema } from '../models/incident';
import { ProblemSchema } from '../models/problem';
import { slaTimelineFromAudit } from '../_lib/workflow-sla-timeline';
import type { AuditEntry, Outcome } from '../_lib/workflow-types';
import type { Actor } from '../models/actor';
import type { Decision, OpenIncidentDecision } from '../correlation/decisions';
import { evaluateSla } from '../sla/evaluate';
import type { AnyScenarioWorkflow, ScenarioEnv } from './scenario-env';
import { formatValue, subsetMismatches, type Mismatch } from './scenario-match';
import type { ScenarioRecordKind, ScenarioStep } from './scenario-steps';
import { viewOf, type ScenarioRecord, type World } from './scenario-world';

/** Why a step failed (internal; the report is built from it). */
export interface StepProblem {
  readonly message: string;
  readonly expected?: unknown;
  readonly actual?: unknown;
  readonly mismatches?: readonly Mismatch[];
}

/** A step's result: a short detail of what happened, or the problem (internal). */
export type StepOutcome = { readonly ok: true; readonly detail: string } | { readonly ok: false; readonly problem: StepProblem };

type Of<K extends ScenarioStep['op']> = Extract<ScenarioStep, { op: K }>;
type AnyOutcome = Outcome<ScenarioRecord['record'], unknown>;

const done = (detail = ''): StepOutcome => ({ ok: true, detail });
const fail = (problem: StepProblem): StepOutcome => ({ ok: false, problem });

function countsOf(decisions: readonly Decision[]): string {
  const counts = new Map<string, number>();
  for (const d of decisions) counts.set(d.type, (counts.get(d.type) ?? 0) + 1);
  return [...counts].map(([type, n]) => (n === 1 ? type : `${type} x${n}`)).join(', ') || 'no decisions';
}

function now(world: World): number | StepOutcome {
  return world.nowMs ?? fail({ message: 'no current instant: start the scenario with at(...)' });
}

function tracked(world: World, id: string): ScenarioRecord | StepOutcome {
  return world.records.get(id) ?? fail({ message: `no record ${id} in the scenario`, expected: id, actual: [...world.records.keys()] });
}

/** Runs a workflow call that works through an untyped record and command (the step data is validated by the workflow). */
function call(workflow: AnyScenarioWorkflow, fn: 'apply', record: unknown, command: unknown, actor: Actor, at: number): AnyOutcome {
  return (workflow[fn] as (r: unknown, c: unknown, ctx: { actor: Actor; now: number }) => AnyOutcome)(record, command, { actor, now: at });
}

/** Stores a record's accepted change (and tells the correlator when an incident it opened resolved, closed or reopened). */
function keep(env: ScenarioEnv, world: World, id: string, entry: ScenarioRecord, out: Extract<AnyOutcome, { ok: true }>, at: number): string {
  world.records.set(id, { ...entry, record: out.record, audit: [...entry.audit, ...out.audit] });
  if (entry.record.state === out.record.state) return `${id} stays ${out.record.state}`;
  return `${id} ${entry.record.state} -> ${out.record.state}${tellCorrelator(env, world, id, entry.record.state, out.record.state, at)}`;
}

const ENDED = new Set(['resolved', 'closed', 'canceled']);

/**
 * What a host does when a ticket opened from a correlator incident changes state: resolved →
 * `resolveIncident`, closed or canceled → `closeIncident` (so the incident takes no new alerts), and
 * from resolved back to work → `reopenIncident` (so it takes them again). Its decisions join the
 * scenario's (not the latest call's, which `expectDecisions` reads). Returns a note for the step.
 */
function tellCorrelator(env: ScenarioEnv, world: World, id: string, from: string, to: string, at: number): string {
  const reopened = from === 'resolved' && !ENDED.has(to);
  if (!env.correlator || !world.correlatorState || !(ENDED.has(to) || reopened)) return '';
  const key = [...world.openedFrom].find(([, recordId]) => recordId === id)?.[0];
  if (key === undefined) return '';
  const { correlator } = env;
  const act = reopened ? correlator.reopenIncident : to === 'resolved' ? correlator.resolveIncident : correlator.closeIncident;
  const out = act(world.correlatorState, key, at);
  world.correlatorState = out.state;
  world.decisions = [...world.decisions, ...out.decisions];
  return ` (correlator: ${key} ${out.outcome})`;
}

function add(world: World, kind: ScenarioRecordKind, out: AnyOutcome): StepOutcome {
  if (!out.ok) return fail({ message: `the ${kind} workflow refused to create it: ${out.error.code}: ${out.error.message}`, expected: 'ok', actual: out.error });
  if (world.records.has(out.record.id)) return fail({ message: `a record ${out.record.id} is already in the scenario` });
  world.records.set(out.record.id, { kind, record: out.record, initial: out.record, audit: [...out.audit] });
  return done(`${kind} ${out.record.id} is ${out.record.state}`);
}

const RECORD_SCHEMAS = { incident: IncidentSchema, problem: ProblemSchema, change: ChangeSchema } as const;

function given(world: World, step: Of<'given'>): StepOutcome {
  const parsed = safeParseWith(RECORD_SCHEMAS[step.kind] as z.ZodType<ScenarioRecord['record']>, step.kind, step.record);
  if (!parsed.ok) return fail({ message: parsed.error.message, expected: `a valid ${step.kind}`, actual: step.record });
  return add(world, step.kind, { ok: true, record: parsed.value, audit: [], followUps: [] });
}

function advanceTo(world: World, ms: number): StepOutcome {
  if (world.nowMs !== null && ms < world.nowMs) {
    return fail({ message: 'time never goes backwards in a scenario', expected: `at or after ${toIso(world.nowMs)}`, actual: toIso(ms) });
  }
  world.nowMs = ms;
  return done(toIso(ms));
}

function pickOpenDecision(world: World, key: string | undefined): OpenIncidentDecision | undefined {
  const opens = world.decisions.filter((d): d is OpenIncidentDecision => d.type === 'open-incident');
  return key === undefined ? opens.find((d) => !world.openedFrom.has(d.incidentKey)) : opens.find((d) => d.incidentKey === key);
}

function openIncident(env: ScenarioEnv, world: World, step: Of<'openIncident'>, at: number): StepOutcome {
  const decision = pickOpenDecision(world, step.incidentKey);
  if (!decision) {
    const opened = world.decisions.filter((d) => d.type === 'open-incident').map((d) => (d as OpenIncidentDecision).incidentKey);
    return fail({ message: 'no open-incident decision to open it from', expected: step.incidentKey ?? 'an open-incident decision not yet used', actual: opened });
  }
  const input = {
    id: step.id,
    number: step.id,
    shortDescription: decision.title.slice(0, 512) || decision.incidentKey,
    callerId: step.callerId ?? step.actor.id,
    impact: decision.impact,
    urgency: decision.urgency,
    alertIds: decision.alertIds.slice(0, 1_000),
    ...(decision.rootCauseCiId === null ? {} : { ciId: decision.rootCauseCiId }),
  };
  const result = add(world, 'incident', env.workflows.incident.create(input, { actor: step.actor, now: at }) as AnyOutcome);
  if (result.ok) world.openedFrom.set(decision.incidentKey, step.id);
  return result;
}

function tick(env: ScenarioEnv, world: World, at: number): StepOutcome {
  const notes: string[] = [];
  if (env.correlator && world.correlatorState) {
    const out = env.correlator.tick(world.correlatorState, at);
    world.correlatorState = out.state;
    world.decisions = [...world.decisions, ...out.decisions];
    world.lastDecisions = out.decisions;
    notes.push(countsOf(out.decisions));
  }
  for (const [id, entry] of world.records) {
    const out = (env.workflows[entry.kind].tick as (r: unknown, n: number) => AnyOutcome)(entry.record, at);
    if (out.ok && out.audit.length > 0) notes.push(keep(env, world, id, entry, out, at));
  }
  return done(notes.join('; '));
}

function applyFollowUps(env: ScenarioEnv, world: World, actor: Actor, at: number): StepOutcome {
  const notes: string[] = [];
  for (const followUp of world.lastFollowUps) {
    const id = (followUp as { target?: { id?: unknown } }).target?.id;
    const entry = typeof id === 'string' ? world.records.get(id) : undefined;
    if (typeof id !== 'string' || !entry) {
      notes.push(`${formatValue(id)} is not in the scenario`);
      continue;
    }
    const out = call(env.workflows[entry.kind], 'apply', entry.record, followUp, actor, at);
    notes.push(out.ok ? keep(env, world, id, entry, out, at) : `${id} refused (${out.error.code})`);
  }
  world.lastFollowUps = [];
  return done(notes.join('; ') || 'no follow-ups');
}

function decisionsMatch(step: Of<'expectDecisions'>, actual: readonly Decision[]): StepOutcome {
  const expected = step.expected;
  if (step.mode === 'exact') {
    const mismatches = subsetMismatches(expected, actual);
    return mismatches.length === 0 ? done() : fail({ message: 'the decisions differ', expected, actual, mismatches });
  }
  let from = 0;
  for (let i = 0; i < expected.length; i++) {
    let found = -1;
    for (let j = from; j < actual.length && found < 0; j++) if (subsetMismatches(expected[i], actual[j]).length === 0) found = j;
    if (found < 0) {
      const closest = actual.slice(from).find((d) => d.type === (expected[i] as { type?: unknown }).type);
      return fail({
        message: `expected decision ${i + 1} of ${expected.length} is not among the decisions${from > 0 ? ` after #${from}` : ''}`,
        expected: expected[i],
        actual,
        mismatches: closest ? subsetMismatches(expected[i], closest) : [{ path: 'type', expected: (expected[i] as { type?: unknown }).type, actual: actual.map((d) => d.type) }],
      });
    }
    from = found + 1;
  }
  return done();
}

function expectSla(env: ScenarioEnv, world: World, step: Of<'expectSla'>, at: number): StepOutcome {
  const policy = env.slaPolicies.get(step.policy);
  if (!policy) return fail({ message: `no SLA policy named ${step.policy}`, expected: step.policy, actual: [...env.slaPolicies.keys()] });
  const entry = tracked(world, step.id);
  if ('ok' in entry) return entry;
  const timeline = slaTimelineFromAudit(entry.initial, entry.audit as AuditEntry[]);
  const result = evaluateSla(policy, timeline, at);
  const mismatches = subsetMismatches(step.expected, result);
  return mismatches.length === 0
    ? done(`${result.status}, ${Math.round(result.percentage ?? 0)}%`)
    : fail({ message: `SLA ${step.policy} of ${step.id} does not match`, expected: step.expected, actual: result, mismatches });
}

function runCheck(world: World, step: Of<'check'>): StepOutcome {
  const verdict = step.check(viewOf(world));
  if (verdict === true || verdict === undefined) return done();
  return fail({ message: `check failed: ${step.description}${typeof verdict === 'string' ? `: ${verdict}` : ''}`, expected: true, actual: verdict });
}

/** Runs one step on the world (internal). Errors thrown by the modules (invalid input) are reported as the step's failure by the caller. */
export function execStep(env: ScenarioEnv, world: World, step: ScenarioStep): StepOutcome {
  if (step.op === 'at') return advanceTo(world, toEpochMs(step.at, 'at', 'scenario step'));
  if (step.op === 'given') return given(world, step);
  const at = now(world);
  if (typeof at !== 'number') return at;
  // Exhaustive over the step union: a new step kind that is not handled here does not compile.
  return match(step)
    .with({ op: 'advance' }, (st) =>
      Number.isFinite(st.ms) && st.ms >= 0 ? advanceTo(world, at + st.ms) : fail({ message: 'advance: ms must be a non-negative number', actual: st.ms }),
    )
    .with({ op: 'ingest' }, (st) => {
      if (!env.correlator) return fail({ message: 'ingest needs a correlator: pass correlator to scenario()' });
      const out = env.correlator.ingest(world.correlatorState ?? env.correlator.initialState(), st.alerts, at);
      world.correlatorState = out.state;
      world.decisions = [...world.decisions, ...out.decisions];
      world.lastDecisions = out.decisions;
      return done(countsOf(out.decisions));
    })
    .with({ op: 'tick' }, () => tick(env, world, at))
    .with({ op: 'create' }, (st) =>
      add(world, st.kind, (env.workflows[st.kind].create as (i: unknown, c: unknown) => AnyOutcome)(st.input, { actor: st.actor, now: at })),
    )
    .with({ op: 'openIncident' }, (st) => openIncident(env, world, st, at))
    .with({ op: 'applyFollowUps' }, (st) => applyFollowUps(env, world, st.actor, at))
    .with({ op: P.union('apply', 'expectRefusal') }, (st) => applyCommand(env, world, st, at))
    .with({ op: 'expectRecord' }, (st) => {
      const entry = tracked(world, st.id);
      if ('ok' in entry) return entry;
      const mismatches = subsetMismatches(st.expected, entry.record);
      return mismatches.length === 0 ? done() : fail({ message: `record ${st.id} does not match`, expected: st.expected, actual: entry.record, mismatches });
    })
    .with({ op: 'expectDecisions' }, (st) => decisionsMatch(st, world.lastDecisions))
    .with({ op: 'expectDecisionCounts' }, (st) => {
      const actual = Object.fromEntries(Object.keys(st.counts).map((type) => [type, world.lastDecisions.filter((d) => d.type === type).length]));
      const mismatches = subsetMismatches(st.counts, actual);
      return mismatches.length === 0 ? done() : fail({ message: 'decision counts differ', expected: st.counts, actual: countsOf(world.lastDecisions), mismatches });
    })
    .with({ op: 'expectSla' }, (st) => expectSla(env, world, st, at))
    .with({ op: 'check' }, (st) => runCheck(world, st))
    .exhaustive();
}

/** Applies a command to a tracked record, expecting it to be accepted (`apply`) or refused (`expectRefusal`). */
function applyCommand(env: ScenarioEnv, world: World, step: Extract<ScenarioStep, { op: 'apply' | 'expectRefusal' }>, at: number): StepOutcome {
  const entry = tracked(world, step.id);
  if ('ok' in entry) return entry;
  const out = call(env.workflows[entry.kind], 'apply', entry.record, step.command, step.actor, at);
  if (step.op === 'apply') {
    if (out.ok) world.lastFollowUps = out.followUps;
    return out.ok ? done(keep(env, world, step.id, entry, out, at)) : fail({ message: `the workflow refused the command: ${out.error.code}: ${out.error.message}`, expected: 'ok', actual: out.error });
  }
  if (out.ok) return fail({ message: 'the workflow accepted a command it should refuse', expected: { ok: false, code: step.code ?? 'any' }, actual: { ok: true, state: out.record.state } });
  const mismatches = step.code === undefined ? [] : subsetMismatches(step.code, out.error.code);
  return mismatches.length === 0 ? done(`${out.error.code}: ${out.error.message}`) : fail({ message: 'refused, but not for the expected reason', expected: step.code, actual: out.error, mismatches });
}
