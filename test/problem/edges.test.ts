/** Problem rules under non-default options, priority on creation, and the (timer-free) time-driven API. */
import { describe, expect, it } from 'vitest';
import { isItsmValidationError, priorityOf, type Actor, type Problem } from 'itsm-kit/models';
import { createProblemWorkflow, type Outcome } from 'itsm-kit/problem';
import { aProblem } from 'itsm-kit/testing';

const pm: Actor = { id: 'u-pm', roles: ['problem_manager'], groups: ['messaging'] };
const ctx = { actor: pm, now: '2026-11-23T09:00:00Z' };

function ok<R, F>(out: Outcome<R, F>): R {
  if (!out.ok) throw new Error(`${out.error.code}: ${out.error.message}`);
  return out.record;
}
const codeOf = (out: Outcome<unknown, unknown>) => (out.ok ? 'ok' : out.error.code);

describe('problem options', () => {
  it('rejects a priority matrix smaller than 3 x 3, naming the field', () => {
    let error: unknown;
    try {
      createProblemWorkflow({ priorityMatrix: [[1, 2, 3]] as never });
    } catch (e) {
      error = e;
    }
    expect(isItsmValidationError(error) && error.issues.map((i) => i.path)).toEqual(['priorityMatrix']);
    expect(() => createProblemWorkflow({ priorityMatrix: [[1], [2], [3]] as never })).toThrow(/priorityMatrix/);
    expect(() => createProblemWorkflow({ priorityMatrix: [] as never })).toThrow(/priorityMatrix/);
  });

  it('derives the priority on creation from impact and urgency through the matrix', () => {
    const problems = createProblemWorkflow();
    const p = ok(problems.create({ id: 'p', number: 'PRB1', shortDescription: 'x', impact: 1, urgency: 3 }, ctx));
    expect(p.priority).toBe(priorityOf(1, 3));
    const none = ok(problems.create({ id: 'q', number: 'PRB2', shortDescription: 'x', impact: 1 }, ctx));
    expect(none.priority).toBe(aProblem({ impact: undefined, urgency: undefined }).priority);
  });

  it('recomputes the priority when an update completes or changes impact and urgency', () => {
    const problems = createProblemWorkflow();
    const p = aProblem({ state: 'assess', impact: undefined, urgency: undefined });
    const onlyImpact = ok(problems.apply(p, { type: 'update', impact: 1 }, ctx));
    expect(onlyImpact.priority).toBe(p.priority);
    const both = ok(problems.apply(onlyImpact, { type: 'update', urgency: 1 }, ctx));
    expect(both.priority).toBe(priorityOf(1, 1));
    expect(ok(problems.apply(both, { type: 'update', impact: 3 }, ctx)).priority).toBe(priorityOf(3, 1));
  });

  it('fixes once a root cause is recorded', () => {
    const withCause = aProblem({ state: 'root_cause_analysis', rootCause: 'leaking sockets', assignmentGroup: 'messaging' });
    expect(ok(createProblemWorkflow().apply(withCause, { type: 'fix' }, ctx)).state).toBe('fix_in_progress');
  });

  it('fixes without a root cause and resolves with empty notes when so configured', () => {
    const confirmed = aProblem({ state: 'root_cause_analysis', assignmentGroup: 'messaging' });
    expect(codeOf(createProblemWorkflow().apply(confirmed, { type: 'fix' }, ctx))).toBe('guard-failed');
    const lax = createProblemWorkflow({ requireRootCauseToFix: false, requireResolutionNotes: false });
    const fixing = ok(lax.apply(confirmed, { type: 'fix' }, ctx));
    expect(fixing.state).toBe('fix_in_progress');
    expect(codeOf(createProblemWorkflow().apply(fixing, { type: 'resolve', code: 'fix_applied', notes: ' ' }, ctx))).toBe('guard-failed');
    expect(ok(lax.apply(fixing, { type: 'resolve', code: 'fix_applied', notes: ' ' }, ctx)).state).toBe('resolved');
  });

  it('resolves rather than closes a duplicate when duplicates do not close', () => {
    const p = aProblem({ state: 'new' });
    expect(ok(createProblemWorkflow().apply(p, { type: 'mark_duplicate', duplicateOf: 'prb-0' }, ctx)).state).toBe('closed');
    expect(ok(createProblemWorkflow({ duplicateCloses: false }).apply(p, { type: 'mark_duplicate', duplicateOf: 'prb-0' }, ctx)).state).toBe('resolved');
  });
});

describe('time-driven API of problems', () => {
  it('has nothing to do on a tick and no next tick', () => {
    const problems = createProblemWorkflow();
    const p: Problem = aProblem({ state: 'assess' });
    expect(problems.tick(p, '2030-01-01T00:00:00Z')).toEqual({ ok: true, record: p, audit: [], followUps: [] });
    expect(problems.nextTickAt(p)).toBeNull();
  });
});
