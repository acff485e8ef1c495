import { describe, expectTypeOf, it } from 'vitest';
import { createChangeWorkflow, type ChangeCommandType } from 'itsm-kit/change';
import { createProblemWorkflow, type ProblemFollowUp } from 'itsm-kit/problem';
import type { Change, Problem } from 'itsm-kit/models';

declare const change: Change;
declare const problem: Problem;
const ctx = { actor: { id: 'u', roles: ['admin'], groups: [] }, now: '2026-11-23T08:00:00Z' };

describe('change and problem command types', () => {
  it('reject wrong payloads at compile time', () => {
    const changes = createChangeWorkflow();
    changes.apply(change, { type: 'complete', closeCode: 'unsuccessful', backoutNotes: 'rolled back' }, ctx);
    // @ts-expect-error an unknown close code
    changes.apply(change, { type: 'complete', closeCode: 'done' }, ctx);
    // @ts-expect-error reject needs a reason
    changes.apply(change, { type: 'reject' }, ctx);
    // @ts-expect-error probability is low | medium | high
    changes.apply(change, { type: 'update', probability: 'likely' }, ctx);
    expectTypeOf(changes.allowed(change, ctx.actor, 0)).toEqualTypeOf<ChangeCommandType[]>();

    const problems = createProblemWorkflow();
    problems.apply(problem, { type: 'resolve', code: 'fix_applied', notes: 'patched' }, ctx);
    // @ts-expect-error incident resolution codes are not problem resolution codes
    problems.apply(problem, { type: 'resolve', code: 'solution_provided', notes: 'patched' }, ctx);
    // @ts-expect-error link_incident needs an incidentId
    problems.apply(problem, { type: 'link_incident' }, ctx);
  });

  it('types the follow-ups as incident commands', () => {
    const out = createProblemWorkflow().apply(problem, { type: 'communicate_workaround' }, ctx);
    if (out.ok) expectTypeOf(out.followUps).toEqualTypeOf<readonly ProblemFollowUp[]>();
    expectTypeOf<ProblemFollowUp['type']>().toEqualTypeOf<'resolve' | 'comment'>();
  });
});
