import { describe, expect, it } from 'vitest';
import { createChangeWorkflow, type ChangeWorkflow } from 'itsm-kit/change';
import { createIncidentWorkflow, DEFAULT_INCIDENT_PERMISSIONS, type IncidentWorkflow } from 'itsm-kit/incident';
import { ItsmRangeError, ItsmValidationError, type Change } from 'itsm-kit/models';
import { createProblemWorkflow, type ProblemWorkflow } from 'itsm-kit/problem';
import { aChange, anActor, anIncident, aProblem, workflowPaths, type WorkflowPath } from 'itsm-kit/testing';

const agent = anActor({ id: 'u-ana', roles: ['agent'], groups: ['service-desk'] });
const owner = anActor({ id: 'u-caller', roles: ['caller'], groups: [] }); // the builder's callerId
const stranger = anActor({ id: 'u-other', roles: ['caller'], groups: [] });
const p1 = anIncident({ id: 'inc-1', priority: 1 });

/** Steps of all paths that the workflow accepted. */
const acceptedSteps = <W extends IncidentWorkflow | ProblemWorkflow | ChangeWorkflow>(paths: Array<WorkflowPath<W>>) =>
  paths.flatMap((p) => p.steps.filter((s) => s.outcome.ok));

/** The incident invariant of the issue, stated independently of the policy: no caller closes a P1 that is not theirs. */
const strangerClosesP1 = (paths: Array<WorkflowPath<IncidentWorkflow>>) =>
  acceptedSteps(paths).filter((s) => s.command.type === 'close' && s.actor?.roles.includes('caller') && s.actor.id !== s.record.callerId && s.record.priority === 1);

describe('workflowPaths: incident', () => {
  const incidents = createIncidentWorkflow();
  const paths = workflowPaths(incidents, { initial: p1, actors: [agent, owner, stranger], tickAfterMs: 86_400_000 });

  it('with the default policy, no path lets a caller close a P1 they did not raise, nor resolve one', () => {
    expect(strangerClosesP1(paths)).toEqual([]);
    const byCallers = acceptedSteps(paths).filter((s) => s.actor?.roles.includes('caller'));
    expect(new Set(byCallers.map((s) => s.actor!.id))).toEqual(new Set(['u-caller']));
    expect(new Set(byCallers.map((s) => s.command.type))).toEqual(new Set(['close', 'reopen', 'comment']));
    // A comment by the caller answers an incident awaiting them (back to in_progress): the only other thing they do.
    expect(byCallers.filter((s) => s.command.type === 'comment').every((s) => s.from === 'on_hold' && s.record.state === 'in_progress')).toBe(true);
  });

  it('explores for real: every state, the owner closing a P1, and the time-driven auto-close', () => {
    const states = new Set(paths.flatMap((p) => p.steps.map((s) => s.record.state)));
    expect([...states].sort()).toEqual(['canceled', 'closed', 'in_progress', 'new', 'on_hold', 'resolved']);
    expect(acceptedSteps(paths).some((s) => s.command.type === 'close' && s.actor?.id === 'u-caller' && s.record.priority === 1)).toBe(true);
    expect(acceptedSteps(paths).some((s) => s.command.type === 'tick' && s.actor === null && s.record.state === 'closed' && s.record.closedBy === 'system')).toBe(true);
  });

  it('no path closes an incident without a resolution code, and nothing follows closed or canceled', () => {
    for (const path of paths) {
      path.steps.forEach((step, i) => {
        if (step.record.state === 'closed') expect(step.record.resolutionCode).toBeDefined();
        if (i > 0 && ['closed', 'canceled'].includes(path.steps[i - 1]!.record.state)) expect.unreachable(`a step after ${path.steps[i - 1]!.record.state}`);
      });
      expect(path.finalRecord).toBe(path.steps[path.steps.length - 1]?.record ?? p1);
    }
  });

  it('each step is exactly what apply (or tick) returns for the previous record, at start + i x stepMs', () => {
    for (const path of paths.slice(0, 40)) {
      let record = p1;
      let at = Date.parse(p1.updatedAt);
      for (const step of path.steps) {
        at += step.actor === null ? 86_400_000 : 60_000;
        expect(step.at).toBe(new Date(at).toISOString());
        expect(step.from).toBe(record.state);
        const again = step.actor === null ? incidents.tick(record, at) : incidents.apply(record, step.command as never, { actor: step.actor, now: at });
        expect(again).toEqual(step.outcome);
        if (again.ok) record = again.record;
        expect(step.record).toEqual(record);
      }
    }
  });

  it('paths are maximal, simple and within maxDepth, and the enumeration is deterministic', () => {
    const key = (r: object) => JSON.stringify(r, (k, v: unknown) => (k === 'at' || k.endsWith('At') ? undefined : v));
    const short = workflowPaths(incidents, { initial: p1, actors: [agent, owner], maxDepth: 4 });
    for (const path of short) {
      expect(path.steps.length).toBeLessThanOrEqual(4);
      const seen = [key(p1), ...path.steps.map((s) => key(s.record))];
      expect(new Set(seen).size).toBe(seen.length);
    }
    expect(workflowPaths(incidents, { initial: p1, actors: [agent, owner], maxDepth: 4 })).toEqual(short);
    // A path shorter than maxDepth ends where no command leads anywhere new: only closed/canceled ends here.
    expect(new Set(short.filter((p) => p.steps.length < 4).map((p) => p.finalRecord.state))).toEqual(new Set(['canceled', 'closed']));
  });

  it('the allowed() prefilter loses no path: the same paths with every command tried', () => {
    const options = { initial: p1, actors: [agent, owner, stranger], maxDepth: 4 };
    expect(workflowPaths(incidents, { ...options, prefilter: 'none' })).toEqual(workflowPaths(incidents, options));
  });

  it('detects the violation when a deliberately permissive policy lets any caller do anything', () => {
    const permissive = createIncidentWorkflow({ permissions: { grants: [...DEFAULT_INCIDENT_PERMISSIONS.grants, { commands: ['*'], roles: ['caller'] }] } });
    const bad = workflowPaths(permissive, { initial: p1, actors: [agent, owner, stranger], maxDepth: 3 });
    const violations = strangerClosesP1(bad);
    expect(violations.length).toBeGreaterThan(0);
    const witness = bad.find((p) => p.steps.some((s) => violations.includes(s)))!;
    expect(witness.steps.map((s) => s.record.state)).toContain('resolved');
    expect(witness.steps.find((s) => violations.includes(s))).toMatchObject({ command: { type: 'close' }, actor: { id: 'u-other' }, from: 'resolved', record: { state: 'closed', closedBy: 'u-other' } });
  });
});

describe('workflowPaths: change', () => {
  const requester = anActor({ id: 'u-dev', roles: ['agent', 'approver'], groups: ['ops'] });
  const implementer = anActor({ id: 'u-ops', roles: ['resolver', 'approver'], groups: ['ops', 'cab'] });
  const cab1 = anActor({ id: 'u-cab1', roles: ['approver'], groups: ['cab'] });
  const cab2 = anActor({ id: 'u-cab2', roles: ['approver'], groups: ['cab'] });
  const manager = anActor({ id: 'u-cm', roles: ['change_manager'], groups: [] });
  const actors = [requester, implementer, cab1, cab2, manager];
  const initial = (type: Change['type']) => aChange({ id: 'chg-1', type, requestedBy: 'u-dev', assignmentGroup: 'ops', assignedTo: 'u-ops', ciIds: [] });
  const quorum2 = { normal: { policy: 'quorum' as const, group: 'cab', count: 2 }, emergency: { policy: 'any' as const, group: 'cab' } };
  const options = { actors, payloads: { assign: [], hold: [] }, maxDepth: 7 };
  // Independent statement of the approval rule: distinct cab members, neither requester nor implementer.
  const approvers = (c: Change) => new Set(c.approvals.filter((a) => a.decision === 'approved' && a.group === 'cab' && a.approver !== c.requestedBy && a.approver !== c.assignedTo).map((a) => a.approver));
  const implementedWithFewer = (paths: Array<WorkflowPath<ChangeWorkflow>>, needed: number) =>
    acceptedSteps(paths).filter((s) => ['implement', 'review', 'closed'].includes(s.record.state) && approvers(s.record).size < needed);

  for (const [type, needed] of [['normal', 2], ['emergency', 1], ['standard', 0]] as const) {
    it(`${type}: no change reaches implement without its approvals, and nobody approves their own`, () => {
      const paths = workflowPaths(createChangeWorkflow({ approvals: quorum2 }), { ...options, initial: initial(type) });
      expect(implementedWithFewer(paths, needed)).toEqual([]);
      for (const s of acceptedSteps(paths)) for (const a of s.record.approvals) expect(['u-dev', 'u-ops']).not.toContain(a.approver);
      const states = new Set(acceptedSteps(paths).map((s) => s.record.state));
      expect(states.has('implement') && states.has('closed')).toBe(true);
      expect(states.has('assess')).toBe(type === 'normal');
    });
  }

  it('detects the violation when a permissive approval policy (any one approver) replaces the quorum', () => {
    const permissive = createChangeWorkflow({ approvals: { ...quorum2, normal: { policy: 'any', group: 'cab' } } });
    const paths = workflowPaths(permissive, { ...options, initial: initial('normal') });
    const violations = implementedWithFewer(paths, 2);
    expect(violations.length).toBeGreaterThan(0);
    expect(violations.some((s) => s.command.type === 'implement' && approvers(s.record).size === 1)).toBe(true);
  });
});

describe('workflowPaths: problem', () => {
  const manager = anActor({ id: 'u-pm', roles: ['problem_manager'], groups: ['messaging'] });
  const resolver = anActor({ id: 'u-rui', roles: ['resolver'], groups: ['messaging'] });
  const outsider = anActor({ id: 'u-ext', roles: ['resolver'], groups: ['network'] });
  const options = { initial: aProblem({ id: 'prb-1' }), actors: [manager, resolver, outsider], maxDepth: 6, payloads: { assign: [], comment: [] } };
  const fixedWithoutRootCause = (paths: Array<WorkflowPath<ProblemWorkflow>>) =>
    acceptedSteps(paths).filter((s) => s.record.state === 'fix_in_progress' && s.record.rootCause === undefined);

  it('no path fixes without a root cause, resolves without a code, or lets someone outside the group work it', () => {
    const paths = workflowPaths(createProblemWorkflow(), options);
    expect(fixedWithoutRootCause(paths)).toEqual([]);
    for (const s of acceptedSteps(paths)) {
      if (s.record.state === 'resolved' || s.record.state === 'closed') expect(s.record.resolutionCode).toBeDefined();
      expect(s.actor?.id).not.toBe('u-ext');
    }
    const states = new Set(acceptedSteps(paths).map((s) => s.record.state));
    expect([...states].sort()).toEqual(['assess', 'canceled', 'closed', 'fix_in_progress', 'resolved', 'root_cause_analysis']);
  });

  it('detects the violation when the option requiring a root cause to fix is turned off', () => {
    const paths = workflowPaths(createProblemWorkflow({ requireRootCauseToFix: false }), options);
    expect(fixedWithoutRootCause(paths).length).toBeGreaterThan(0);
  });
});

describe('workflowPaths: bounds and bad options', () => {
  const incidents = createIncidentWorkflow();
  it('throws ItsmRangeError rather than checking fewer paths or states than asked', () => {
    expect(() => workflowPaths(incidents, { initial: p1, actors: [agent], maxPaths: 3 })).toThrow(ItsmRangeError);
    expect(() => workflowPaths(incidents, { initial: p1, actors: [agent], maxStates: 2 })).toThrow(ItsmRangeError);
  });

  it('throws ItsmValidationError naming the option', () => {
    expect(() => workflowPaths(incidents, { initial: p1, actors: [] })).toThrow(/actors/);
    expect(() => workflowPaths(incidents, { initial: p1, actors: [agent], maxDepth: 51 })).toThrow(ItsmValidationError);
    expect(() => workflowPaths(incidents, { initial: p1, actors: [{ id: 'x' } as never] })).toThrow(/actors\.0/);
    expect(() => workflowPaths(incidents, { initial: { ...p1, priority: 7 } as never, actors: [agent] })).toThrow(/initial/);
    expect(() => workflowPaths(incidents, { initial: p1, actors: [agent], payloads: { start: 'x' as never } })).toThrow(/payloads\.start/);
  });

  it('explores only the command types and payloads it is given', () => {
    const paths = workflowPaths(incidents, { initial: p1, actors: [agent], commandTypes: ['start', 'hold'], payloads: { hold: [{ reason: 'awaiting_vendor' }] } });
    expect(paths.map((p) => p.steps.map((s) => [s.command.type, s.record.state, s.record.onHoldReason ?? null]))).toEqual([
      [['start', 'in_progress', null], ['hold', 'on_hold', 'awaiting_vendor']],
      [['hold', 'on_hold', 'awaiting_vendor']],
    ]);
  });
});
