import { getSimplePaths } from '@xstate/graph';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIncidentWorkflow } from 'itsm-kit/incident';
import type { Actor, Incident, Problem } from 'itsm-kit/models';
import { createProblemWorkflow, type ProblemCommandInput, type ProblemMachineEvent, type Outcome } from 'itsm-kit/problem';
import { deepFreeze, roundTrip } from '../_workflows/freeze';

const pm: Actor = { id: 'u-pm', roles: ['problem_manager'], groups: ['messaging'] };
const agent: Actor = { id: 'u-ana', roles: ['agent'], groups: ['service-desk'] };
const system: Actor = { id: 'system', roles: ['admin'], groups: [] };
function ok<R, F>(out: Outcome<R, F>) {
  if (!out.ok) throw new Error(`${out.error.code}: ${out.error.message}`);
  return out;
}

describe('a problem with linked incidents', () => {
  const problems = createProblemWorkflow();
  const incidents = createIncidentWorkflow();

  it('communicates the workaround and resolves the incidents awaiting it', () => {
    const make = (id: string) =>
      ok(incidents.create({ id, number: id.toUpperCase(), shortDescription: 'Mail stalls', callerId: 'u-bob', impact: 2, urgency: 2, assignmentGroup: 'service-desk' }, { actor: agent, now: '2026-11-23T08:00:00Z' })).record;
    const linked: Record<string, Incident> = {
      'inc-1': ok(incidents.apply(make('inc-1'), { type: 'hold', reason: 'awaiting_problem' }, { actor: agent, now: '2026-11-23T08:30:00Z' })).record,
      'inc-2': ok(incidents.apply(make('inc-2'), { type: 'start' }, { actor: agent, now: '2026-11-23T08:30:00Z' })).record,
    };
    let problem: Problem = ok(problems.create({ id: 'prb-1', number: 'PRB1', shortDescription: 'Mail queue stalls', incidentIds: ['inc-1'], assignmentGroup: 'messaging' }, { actor: pm, now: '2026-11-23T09:00:00Z' })).record;
    const run = (command: ProblemCommandInput, now: string) => {
      const out = ok(problems.apply(deepFreeze(problem), command, { actor: pm, now }));
      problem = out.record;
      return out;
    };
    run({ type: 'link_incident', incidentId: 'inc-2' }, '2026-11-23T09:01:00Z');
    run({ type: 'assess' }, '2026-11-23T09:02:00Z');
    run({ type: 'confirm' }, '2026-11-23T09:03:00Z');
    expect(problems.apply(problem, { type: 'fix' }, { actor: pm, now: '2026-11-23T09:04:00Z' })).toMatchObject({ ok: false, error: { code: 'guard-failed' } });
    run({ type: 'record_root_cause', rootCause: 'Queue worker leaks sockets', workaround: 'Restart the worker' }, '2026-11-23T10:00:00Z');
    expect(problem.knownError).toBe(true);

    const told = run({ type: 'communicate_workaround' }, '2026-11-23T10:05:00Z');
    expect(told.followUps.map((f) => [f.type, f.target.id])).toEqual([['comment', 'inc-1'], ['comment', 'inc-2']]);
    for (const f of told.followUps) linked[f.target.id] = ok(incidents.apply(linked[f.target.id]!, f, { actor: system, now: '2026-11-23T10:05:00Z' })).record;
    expect(linked['inc-1']!.state).toBe('on_hold');

    run({ type: 'fix', changeId: 'chg-9' }, '2026-11-23T11:00:00Z');
    const resolved = run({ type: 'resolve', code: 'fix_applied', notes: 'Worker patched' }, '2026-11-24T11:00:00Z');
    expect(resolved.record).toMatchObject({ state: 'resolved', resolutionCode: 'fix_applied', fixChangeIds: ['chg-9'] });
    expect(resolved.followUps).toHaveLength(2);
    const results = resolved.followUps.map((f) => incidents.apply(linked[f.target.id]!, f, { actor: system, now: '2026-11-24T11:00:00Z' }));
    // inc-1 was on hold awaiting the problem: resolved by problem. inc-2 was in progress: left alone.
    expect(results[0]).toMatchObject({ ok: true, record: { state: 'resolved', resolutionCode: 'resolved_by_problem' } });
    expect(results[1]).toMatchObject({ ok: false, error: { code: 'guard-failed' } });

    const other = run({ type: 'reanalyze', reason: 'came back' }, '2026-11-25T11:00:00Z');
    expect(other.record.resolutionCode).toBeUndefined();
    const risk = run({ type: 'accept_risk', reason: 'rare enough' }, '2026-11-25T12:00:00Z');
    expect(risk.followUps).toEqual([]);
    expect(run({ type: 'close' }, '2026-11-26T12:00:00Z').record.state).toBe('closed');
  });

  it('marks a duplicate closed by default and resolved when configured', () => {
    const input = { id: 'prb-2', number: 'PRB2', shortDescription: 'Dup' };
    const created = ok(problems.create(input, { actor: pm, now: 0 })).record;
    expect(ok(problems.apply(created, { type: 'mark_duplicate', duplicateOf: 'prb-1' }, { actor: pm, now: 1 })).record).toMatchObject({ state: 'closed', resolutionCode: 'duplicate', duplicateOf: 'prb-1' });
    const lenient = createProblemWorkflow({ duplicateCloses: false });
    expect(ok(lenient.apply(created, { type: 'mark_duplicate', duplicateOf: 'prb-1' }, { actor: pm, now: 1 })).record.state).toBe('resolved');
  });
});

describe('problem machine paths and sequences', () => {
  const problems = createProblemWorkflow();
  const at = '2026-12-01T00:00:00.000Z';
  const events: ProblemMachineEvent[] = [
    { type: 'assess', actor: pm, at },
    { type: 'confirm', actor: pm, at },
    { type: 'record_root_cause', rootCause: 'leak', actor: pm, at },
    { type: 'fix', actor: pm, at },
    { type: 'resolve', code: 'fix_applied', notes: 'done', actor: pm, at },
    { type: 'resolve', code: 'risk_accepted', notes: '', actor: pm, at },
    { type: 'accept_risk', reason: 'cheap', actor: pm, at },
    { type: 'mark_duplicate', duplicateOf: 'prb-0', actor: pm, at },
    { type: 'reanalyze', reason: 'again', actor: pm, at },
    { type: 'close', actor: pm, at },
    { type: 'cancel', reason: 'no', actor: pm, at },
  ];
  const initial: Problem = {
    id: 'prb-1', number: 'PRB1', shortDescription: 'x', state: 'new', ciIds: [], knownError: false, incidentIds: [], fixChangeIds: [],
    openedBy: 'u-pm', openedAt: at, updatedAt: at,
  };

  it('never reaches resolved or closed without a resolution code, nor fix without a root cause', () => {
    const paths = getSimplePaths(problems.machine, {
      input: { record: initial },
      events,
      serializeState: (s) => JSON.stringify([s.value, s.context.record.resolutionCode ?? null, !!s.context.record.rootCause]),
    });
    expect(new Set(paths.map((p) => p.state.value)).size).toBe(7);
    for (const path of paths) {
      for (const { state } of path.steps) {
        expect(state.context.record.state).toBe(state.value);
        if (state.value === 'resolved' || state.value === 'closed') expect(state.context.record.resolutionCode).toBeDefined();
        if (state.value === 'fix_in_progress') expect(state.context.record.rootCause).toBeDefined();
      }
    }
  });

  it('round-trips every record through JSON between any two commands', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...events), { maxLength: 20 }), (sequence) => {
        let record = initial;
        sequence.forEach(({ actor: _a, at: _t, ...command }, i) => {
          const stored = deepFreeze(roundTrip(record));
          expect(stored).toEqual(record);
          const out = problems.apply(stored, command as ProblemCommandInput, { actor: pm, now: Date.parse(at) + i });
          if (out.ok) record = out.record;
        });
      }),
      { numRuns: 200 },
    );
  });
});
