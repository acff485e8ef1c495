import { isItsmValidationError, ItsmValidationError } from '../_lib/errors';
import { requireArray, requireObject } from '../_lib/hardening-options';
import { toIso } from '../_lib/instant';
import { resolveScenarioEnv, type ScenarioEnv, type ScenarioOptions } from './scenario-env';
import { execStep, type StepProblem } from './scenario-exec';
import { formatValue } from './scenario-match';
import { failureReport, type ScenarioFailure, type ScenarioResult, type ScenarioStepResult } from './scenario-report';
import type { ScenarioStep } from './scenario-steps';
import { emptyWorld, viewOf } from './scenario-world';

/** At most this many steps in one scenario. */
const MAX_STEPS = 100_000;

function duration(ms: number): string {
  if (ms % 3_600_000 === 0 && ms > 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0 && ms > 0) return `${ms / 60_000}m`;
  return `${ms}ms`;
}

function commandText(command: unknown): string {
  return formatValue(command);
}

/**
 * A one-line description of a step, as reports show it.
 *
 * @example
 * describeStep({ op: 'apply', id: 'inc-1', command: { type: 'start' }, actor }) //=> 'apply {"type":"start"} to inc-1 by u-ana'
 */
export function describeStep(step: ScenarioStep): string {
  requireObject(step, 'scenario step', ['step'], 'a step object');
  switch (step.op) {
    case 'at':
      return `at ${typeof step.at === 'number' || step.at instanceof Date ? toIso(Number(step.at)) : step.at}`;
    case 'advance':
      return `advance ${duration(step.ms)}`;
    case 'ingest':
      return `ingest ${step.alerts.length} alert${step.alerts.length === 1 ? '' : 's'} (${step.alerts.slice(0, 3).map((a) => a.id).join(', ')}${step.alerts.length > 3 ? ', ...' : ''})`;
    case 'tick':
      return 'tick';
    case 'given':
      return `given ${step.kind} ${step.record.id} (${step.record.state})`;
    case 'create':
      return `create ${step.kind} ${formatValue((step.input as { id?: unknown } | null)?.id)} by ${step.actor.id}`;
    case 'openIncident':
      return `openIncident ${step.id} from ${step.incidentKey ?? 'the next open-incident decision'} by ${step.actor.id}`;
    case 'apply':
      return `apply ${commandText(step.command)} to ${step.id} by ${step.actor.id}`;
    case 'applyFollowUps':
      return `applyFollowUps by ${step.actor.id}`;
    case 'expectRefusal':
      return `expectRefusal ${commandText(step.command)} to ${step.id} by ${step.actor.id}${step.code ? ` (${step.code})` : ''}`;
    case 'expectRecord':
      return `expectRecord ${step.id} ${formatValue(step.expected)}`;
    case 'expectDecisions':
      return `expectDecisions (${step.mode}) ${formatValue(step.expected)}`;
    case 'expectDecisionCounts':
      return `expectDecisionCounts ${formatValue(step.counts)}`;
    case 'expectSla':
      return `expectSla ${step.id} ${step.policy} ${formatValue(step.expected)}`;
    case 'check':
      return `check ${step.description}`;
    default:
      throw ItsmValidationError.at('scenario step', ['step', 'op'], `${formatValue((step as { op?: unknown }).op)} is not a step operation`);
  }
}

/** What {@link describeStep} says of `step`, or the problem of a step too malformed to describe. */
function described(step: ScenarioStep, index: number): { text: string; problem?: StepProblem } {
  try {
    return { text: describeStep(step) };
  } catch (error) {
    return { text: `step ${index} (malformed)`, problem: problemOfError(error) };
  }
}

function problemOfError(error: unknown): StepProblem {
  if (isItsmValidationError(error)) return { message: error.message, actual: error.issues };
  return { message: `threw ${error instanceof Error ? `${error.name}: ${error.message}` : formatValue(error)}` };
}

/** Runs steps on resolved modules (internal; `scenario().run()` and {@link runScenario} use it). */
export function runSteps(env: ScenarioEnv, steps: readonly ScenarioStep[]): ScenarioResult {
  const world = emptyWorld();
  const results: ScenarioStepResult[] = [];
  let failed: { index: number; description: string; at: string | null; problem: StepProblem } | undefined;
  steps.slice(0, MAX_STEPS).forEach((step, i) => {
    const { text: description, problem } = described(step, i + 1);
    if (failed) return void results.push({ index: i + 1, description, status: 'skipped', detail: '' });
    let out;
    try {
      out = problem === undefined ? execStep(env, world, step) : { ok: false as const, problem };
    } catch (error) {
      out = { ok: false as const, problem: problemOfError(error) };
    }
    const at = world.nowMs === null ? null : toIso(world.nowMs);
    if (out.ok) return void results.push({ index: i + 1, description, status: 'passed', detail: out.detail });
    results.push({ index: i + 1, description, status: 'failed', detail: out.problem.message });
    failed = { index: i + 1, description, at, problem: out.problem };
  });
  const view = viewOf(world);
  if (steps.length > MAX_STEPS && !failed) {
    failed = { index: MAX_STEPS, description: 'the script', at: view.now, problem: { message: `a scenario has at most ${MAX_STEPS} steps`, actual: steps.length } };
  }
  if (!failed) return { name: env.name, ok: true, steps: results, view };
  const { problem } = failed;
  const base: Omit<ScenarioFailure, 'report'> = {
    index: failed.index,
    description: failed.description,
    at: failed.at,
    message: problem.message,
    mismatches: problem.mismatches ?? [],
    ...('expected' in problem ? { expected: problem.expected } : {}),
    ...('actual' in problem ? { actual: problem.actual } : {}),
  };
  const report = failureReport(env.name, base, results, { expected: 'expected' in problem, actual: 'actual' in problem });
  return { name: env.name, ok: false, steps: results, failure: { ...base, report }, view };
}

/**
 * The data-driven form of {@link scenario}: runs `steps` (plain data, e.g. loaded from a JSON fixture
 * file) on the modules configured by `options`, and returns the result. Never throws for a failing
 * or malformed step (it fails, named); throws `ItsmValidationError` only for invalid `options` or
 * `steps` that are not an array.
 *
 * @example
 * const result = runScenario({ name: 'assign and start' }, [
 *   { op: 'at', at: '2026-11-23T08:00:00Z' },
 *   { op: 'given', kind: 'incident', record: anIncident() },
 *   { op: 'apply', id: 'inc-1', command: { type: 'start' }, actor: anActor() },
 *   { op: 'expectRecord', id: 'inc-1', expected: { state: 'in_progress' } },
 * ]);
 * result.ok //=> true
 */
export function runScenario(options: ScenarioOptions, steps: readonly ScenarioStep[]): ScenarioResult {
  return runSteps(resolveScenarioEnv(options), requireArray(steps, 'scenario', ['steps'], 'an array of steps'));
}
