import { ItsmError } from '../_lib/errors';
import { formatValue, type Mismatch } from './scenario-match';
import type { ScenarioView } from './scenario-world';

/**
 * What happened to one step: `passed` (with a short `detail` of what it did), `failed`, or `skipped`
 * (after a failure nothing more runs).
 *
 * @example
 * const s: ScenarioStepResult = { index: 1, description: 'at 2026-11-23T08:00:00.000Z', status: 'passed', detail: '' };
 */
export interface ScenarioStepResult {
  /** 1-based position in the script. */
  readonly index: number;
  readonly description: string;
  readonly status: 'passed' | 'failed' | 'skipped';
  readonly detail: string;
}

/**
 * The first failing step: where (`index`, `description`, `at`), why (`message`), the expectation and
 * the actual value, the differences found (`mismatches`), and the whole readable `report`.
 *
 * @example
 * if (!result.ok) console.log(result.failure.report);
 */
export interface ScenarioFailure {
  readonly index: number;
  readonly description: string;
  /** The scenario's instant when the step ran (ISO-8601), or null before the first `at`. */
  readonly at: string | null;
  readonly message: string;
  readonly expected?: unknown;
  readonly actual?: unknown;
  readonly mismatches: readonly Mismatch[];
  readonly report: string;
}

/**
 * What `run()` returns: `ok`, every step's result, the first failure if any, and the final view (the
 * records, their audit, the correlator state and decisions as plain JSON).
 *
 * @example
 * const result: ScenarioResult = scenario({ name: 'smoke' }).at('2026-11-23T08:00:00Z').run();
 * result.ok //=> true
 */
export type ScenarioResult =
  | { readonly name: string; readonly ok: true; readonly steps: readonly ScenarioStepResult[]; readonly view: ScenarioView }
  | { readonly name: string; readonly ok: false; readonly steps: readonly ScenarioStepResult[]; readonly failure: ScenarioFailure; readonly view: ScenarioView };

/**
 * Thrown by `runOrThrow()` when a scenario fails: its message is the failure report (the step, the
 * expected and the actual values, the differences, and the list of steps); `result` has it all as data.
 *
 * @example
 * try { s.runOrThrow() } catch (e) { if (e instanceof ItsmScenarioError) console.log(e.result.failure.index) }
 */
export class ItsmScenarioError extends ItsmError {
  override readonly name = 'ItsmScenarioError';
  /** The failed scenario's result. */
  readonly result: Extract<ScenarioResult, { ok: false }>;

  constructor(result: Extract<ScenarioResult, { ok: false }>) {
    super(result.failure.report);
    this.result = result;
  }
}

const MARK: Record<ScenarioStepResult['status'], string> = { passed: 'ok  ', failed: 'FAIL', skipped: '--  ' };
const MAX_LISTED_STEPS = 60;

function stepLine(step: ScenarioStepResult): string {
  const detail = step.status === 'skipped' ? ' (not run)' : step.detail ? `  => ${step.detail}` : '';
  return `  ${MARK[step.status]} ${step.index}. ${step.description}${detail}`;
}

/** The differences as a diff: `- expected` and `+ actual` per path (internal). */
function diffLines(mismatches: readonly Mismatch[]): string[] {
  return mismatches.flatMap((m) => [
    `  at ${m.path === '' ? '(the value itself)' : m.path}:`,
    `    - expected: ${formatValue(m.expected)}`,
    `    + actual:   ${formatValue(m.actual)}`,
  ]);
}

/** Builds the readable failure report (internal). */
export function failureReport(
  name: string,
  failed: Omit<ScenarioFailure, 'report'>,
  steps: readonly ScenarioStepResult[],
  has: { expected: boolean; actual: boolean },
): string {
  const lines = [
    `Scenario "${name}" failed at step ${failed.index} of ${steps.length}: ${failed.description}${failed.at ? ` (at ${failed.at})` : ''}`,
    `  ${failed.message}`,
  ];
  if (failed.mismatches.length > 0) lines.push('', 'Differences (- expected, + actual):', ...diffLines(failed.mismatches));
  if (has.expected) lines.push('', `Expected: ${formatValue(failed.expected)}`);
  if (has.actual) lines.push(`Actual:   ${formatValue(failed.actual)}`);
  const around = steps.filter((s) => Math.abs(s.index - failed.index) < MAX_LISTED_STEPS / 2);
  lines.push('', 'Steps:', ...around.map(stepLine));
  return lines.join('\n');
}
