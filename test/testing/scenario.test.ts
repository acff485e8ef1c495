import { describe, expect, it, vi } from 'vitest';
import { ItsmError, ItsmValidationError } from 'itsm-kit/models';
import { incidentResolutionPolicy, incidentResponsePolicy } from 'itsm-kit/sla';
import {
  alertStorm, anActor, anAlert, anIncident, aProblem, ItsmScenarioError, runScenario, scenario, type ScenarioStep,
} from 'itsm-kit/testing';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const relationships = [
  { from: 'app-1', to: 'db-1', type: 'depends_on' as const },
  { from: 'app-2', to: 'db-1', type: 'depends_on' as const },
  { from: 'web-1', to: 'app-1', type: 'depends_on' as const },
];
const cis = ['db-1', 'app-1', 'app-2', 'web-1'].map((id) => ({ id, name: id, ciClass: 'application' }));
const correlator = { rules: [{ id: 'cmdb', groupBy: [], topology: { hops: 3 }, groupWait: '2m' }], topology: { cis, relationships } };
const storm = alertStorm({ seed: 7, start: '2026-11-23T08:00:00Z', upstreamCiId: 'db-1', topology: relationships, alertsPerDependant: 2, spreadMs: MINUTE });
const dba = anActor({ id: 'u-dba', roles: ['resolver'], groups: ['dba'] });
const caller = anActor({ id: 'u-caller', roles: ['caller'], groups: [] });
const slaPolicies = { response: incidentResponsePolicy(), resolution: incidentResolutionPolicy() };

describe('scenario: alerts -> incident -> lifecycle -> SLA', () => {
  const outage = scenario({ name: 'database outage', correlator, slaPolicies })
    .ingestStream(storm)
    .at('2026-11-23T08:02:00Z')
    .tick()
    .expectDecisions([{ type: 'open-incident', rootCauseCiId: 'db-1', priority: 1 }], 'exact')
    .openIncident('inc-1', dba, { callerId: 'u-caller' })
    .expectRecord('inc-1', { state: 'new', priority: 1, ciId: 'db-1', alertIds: (ids) => Array.isArray(ids) && ids.length === storm.length })
    .at('2026-11-23T08:03:00Z')
    .apply('inc-1', { type: 'assign', assignmentGroup: 'dba', assignedTo: 'u-dba' }, dba)
    .at('2026-11-23T08:05:00Z')
    .apply('inc-1', { type: 'start' }, dba)
    .at('2026-11-23T09:00:00Z')
    .apply('inc-1', { type: 'hold', reason: 'awaiting_vendor' }, dba)
    .expectSla('inc-1', 'resolution', { status: 'paused', dueAt: null })
    .at('2026-11-23T10:00:00Z')
    .apply('inc-1', { type: 'resume' }, dba)
    .at('2026-11-23T11:00:00Z')
    .expectRefusal('inc-1', { type: 'resolve', code: 'solution_provided', notes: 'Failed over' }, caller, 'forbidden')
    .apply('inc-1', { type: 'resolve', code: 'solution_provided', notes: 'Failed over to the replica' }, dba);

  it('runs the outage through correlator, workflow and SLA clocks', () => {
    const result = outage
      .expectRecord('inc-1', { state: 'resolved', resolvedBy: 'u-dba', resolvedAt: '2026-11-23T11:00:00Z' })
      // Response: started 08:02 (new), stopped 08:05 by start: 3 minutes.
      .expectSla('inc-1', 'response', { status: 'stopped', breached: false, elapsedMs: 3 * MINUTE })
      // Resolution (P1, 4 h, 24x7): ran 08:02-09:00 (58 min), paused 09:00-10:00, ran 10:00-11:00 (60 min):
      // 118 min; due at the stop 11:00 + (240 - 118) min = 13:02; no warning (50 % = 120 min).
      .expectSla('inc-1', 'resolution', {
        status: 'stopped', breached: false, elapsedMs: 118 * MINUTE, pausedMs: HOUR, targetMs: 4 * HOUR,
        dueAt: '2026-11-23T13:02:00.000Z', stoppedAt: new Date('2026-11-23T11:00:00Z'), warnings: [],
      })
      // Auto-close: one day after resolution (the default), at the next tick.
      .advance(24 * HOUR)
      .tick()
      .expectRecord('inc-1', { state: 'closed', closedBy: 'system', closedAt: '2026-11-24T11:00:00.000Z' })
      .expectSla('inc-1', 'resolution', { status: 'stopped', elapsedMs: 118 * MINUTE })
      .runOrThrow();
    expect(result.steps.every((s) => s.status === 'passed')).toBe(true);
    const record = result.view.records['inc-1']!;
    expect(record.audit.map((a) => a.event)).toEqual(['created', 'assign', 'start', 'hold', 'resume', 'resolve', 'auto_close']);
    expect(JSON.parse(JSON.stringify(result.view))).toEqual(result.view);
  });

  it('tells the correlator when the incident resolves and closes, so a later alert opens a new incident', () => {
    const result = outage
      .at('2026-11-23T11:30:00Z')
      .ingest([anAlert({ id: 'late-1', ciId: 'db-1', labels: { alertname: 'DbDown' }, startsAt: '2026-11-23T11:30:00Z' })])
      .advance(2 * MINUTE)
      .tick()
      .expectDecisions([{ type: 'open-incident', alertIds: ['late-1'] }], 'exact')
      .advance(24 * HOUR)
      .tick()
      .expectRecord('inc-1', { state: 'closed' })
      .runOrThrow();
    const key = Object.keys(result.view.openedFrom)[0]!;
    expect(result.view.decisions.filter((d) => d.type === 'resolve-incident')).toEqual([
      { type: 'resolve-incident', incidentKey: key, ruleId: 'cmdb', alertIds: [], at: Date.parse('2026-11-23T11:00:00Z'), by: 'host' },
    ]);
    const notes = result.steps.map((st) => st.detail).filter((d) => d.includes('correlator:'));
    // The auto-close a day later meets a group the correlator's own tick has just forgotten (24 h retention).
    expect(notes).toEqual([`inc-1 in_progress -> resolved (correlator: ${key} resolved)`, `no decisions; inc-1 resolved -> closed (correlator: ${key} unknown)`]);
  });

  it('a ticket closed by hand closes the incident in the correlator', () => {
    const result = outage.at('2026-11-23T11:10:00Z').apply('inc-1', { type: 'close' }, dba).runOrThrow();
    const key = Object.keys(result.view.openedFrom)[0]!;
    expect(result.steps.at(-1)!.detail).toBe(`inc-1 resolved -> closed (correlator: ${key} closed)`);
    expect(result.view.correlatorState!.open).toBe(0);
  });

  it('a resolved ticket reopened reopens the incident in the correlator, so its alerts attach again', () => {
    const result = outage
      .at('2026-11-23T11:20:00Z')
      .apply('inc-1', { type: 'reopen', reason: 'the replica is down too' }, caller)
      .ingest([anAlert({ id: 'again-1', ciId: 'db-1', labels: { alertname: 'DbDown' }, startsAt: '2026-11-23T11:20:00Z' })])
      .runOrThrow();
    const key = Object.keys(result.view.openedFrom)[0]!;
    const notes = result.steps.map((st) => st.detail).filter((d) => d.includes('correlator:'));
    expect(notes[0]).toBe(`inc-1 in_progress -> resolved (correlator: ${key} resolved)`);
    expect(notes[1]).toMatch(new RegExp(`^inc-1 resolved -> \\w+ \\(correlator: ${key} reopened\\)$`));
    expect(result.view.decisions.filter((d) => d.type === 'reopen-incident')).toEqual([
      { type: 'reopen-incident', incidentKey: key, ruleId: 'cmdb', alertIds: [], at: Date.parse('2026-11-23T11:20:00Z'), by: 'host' },
    ]);
    expect(result.view.decisions.at(-1)).toMatchObject({ type: 'attach-alert', incidentKey: key, alertId: 'again-1' });
  });

  it('is pure: the same script gives the same result, and a shared prefix is not changed by its branches', () => {
    const before = outage.steps.length;
    const a = outage.expectRecord('inc-1', { state: 'resolved' }).run();
    const b = outage.expectRecord('inc-1', { state: 'closed' }).run();
    expect(outage.steps).toHaveLength(before);
    expect(a.ok).toBe(true);
    expect(b.ok).toBe(false);
    expect(outage.run()).toEqual(outage.run());
  });

  it('never reads the clock: the same result whatever the system time', () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date('2001-01-01T00:00:00Z'));
      const early = outage.run();
      vi.setSystemTime(new Date('2099-12-31T23:59:59Z'));
      expect(outage.run()).toEqual(early);
    } finally {
      vi.useRealTimers();
    }
  });

  it('the data-driven form runs the same steps', () => {
    const steps: ScenarioStep[] = [...outage.steps, { op: 'expectRecord', id: 'inc-1', expected: { state: 'resolved' } }];
    const viaData = runScenario({ name: 'database outage', correlator, slaPolicies }, steps);
    expect(viaData).toEqual(outage.expectRecord('inc-1', { state: 'resolved' }).run());
    expect(viaData.ok).toBe(true);
  });
});

describe('scenario: SLA on a Berlin business calendar', () => {
  // Mon-Fri 08:00-17:00 Berlin = 07:00-16:00 UTC in November (CET, UTC+1).
  const day = [{ start: '08:00', end: '17:00' }];
  const calendar = { timeZone: 'Europe/Berlin', week: { mon: day, tue: day, wed: day, thu: day, fri: day } };
  const p1 = anIncident({ id: 'inc-9', priority: 1, openedAt: '2026-11-23T15:00:00.000Z' });
  const base = scenario({ name: 'berlin P1', slaPolicies: { resolution: incidentResolutionPolicy() }, calendar }).given('incident', p1);

  it('counts only business hours, crosses the night, and breaches at the due instant', () => {
    base
      // Monday 15:00-16:00 UTC: 1 h. Tuesday from 07:00 UTC: 1.5 h by 08:30 -> 2.5 h; 50 % (2 h) reached Tue 08:00.
      .at('2026-11-24T08:30:00Z')
      .expectSla('inc-9', 'resolution', {
        status: 'running', breached: false, elapsedMs: 2.5 * HOUR, dueAt: '2026-11-24T10:00:00.000Z',
        warnings: [{ threshold: 0.5, at: '2026-11-24T08:00:00.000Z' }], nextEvaluationAt: '2026-11-24T09:00:00.000Z',
      })
      .at('2026-11-24T10:30:00Z')
      .expectSla('inc-9', 'resolution', { breached: true, breachedAt: '2026-11-24T10:00:00.000Z', remainingMs: -0.5 * HOUR })
      .runOrThrow();
  });

  it('without the calendar, the same record is 24x7 and long breached', () => {
    const r = scenario({ slaPolicies: { resolution: incidentResolutionPolicy() } }).given('incident', p1).at('2026-11-24T08:30:00Z')
      .expectSla('inc-9', 'resolution', { breached: true, breachedAt: '2026-11-23T19:00:00.000Z' }).run();
    expect(r.ok).toBe(true);
  });
});

describe('scenario failure reports', () => {
  const agent = anActor({ id: 'u-ana', roles: ['agent'], groups: ['service-desk'] });
  const started = scenario({ name: 'report demo', slaPolicies })
    .at('2026-11-23T08:00:00Z')
    .given('incident', anIncident({ id: 'inc-1', priority: 1, assignmentGroup: 'service-desk' }))
    .apply('inc-1', { type: 'start' }, agent);

  it('shows the step, the expected and the actual value, and stops there', () => {
    const result = started.expectRecord('inc-1', { state: 'resolved', priority: 1 }).apply('inc-1', { type: 'hold', reason: 'awaiting_caller' }, agent).run();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure).toMatchObject({ index: 4, at: '2026-11-23T08:00:00.000Z', mismatches: [{ path: 'state', expected: 'resolved', actual: 'in_progress' }] });
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed', 'failed', 'skipped']);
    const report = result.failure.report;
    expect(report).toContain('Scenario "report demo" failed at step 4 of 5: expectRecord inc-1 {"state":"resolved","priority":1} (at 2026-11-23T08:00:00.000Z)');
    expect(report).toContain('record inc-1 does not match');
    expect(report).toContain(['  at state:', '    - expected: "resolved"', '    + actual:   "in_progress"'].join('\n'));
    expect(report).toContain('Expected: {"state":"resolved","priority":1}');
    expect(report).toMatch(/Actual: {3}\{"id":"inc-1",.*"state":"in_progress"/);
    expect(report).toContain('  ok   3. apply {"type":"start"} to inc-1 by u-ana  => inc-1 new -> in_progress');
    expect(report).toContain('  FAIL 4. expectRecord inc-1');
    expect(report).toContain('  --   5. apply {"type":"hold","reason":"awaiting_caller"} to inc-1 by u-ana (not run)');
  });

  it('runOrThrow throws an ItsmScenarioError whose message is the report', () => {
    const failing = started.expectSla('inc-1', 'response', { breached: true });
    expect(() => failing.runOrThrow()).toThrow(ItsmScenarioError);
    try {
      failing.runOrThrow();
    } catch (error) {
      expect(error).toBeInstanceOf(ItsmError);
      const e = error as ItsmScenarioError;
      expect(e.message).toBe(e.result.failure.report);
      expect(e.message).toContain('SLA response of inc-1 does not match');
      expect(e.message).toContain(['  at breached:', '    - expected: true', '    + actual:   false'].join('\n'));
    }
  });

  it('reports a refused command with the workflow error, and an accepted one that should have been refused', () => {
    const refused = started.apply('inc-1', { type: 'resolve', code: 'solution_provided', notes: '' }, agent).run();
    expect(!refused.ok && refused.failure.report).toContain('the workflow refused the command: guard-failed: incident inc-1: resolution notes are required');
    const accepted = started.expectRefusal('inc-1', { type: 'hold', reason: 'awaiting_caller' }, agent).run();
    expect(!accepted.ok && accepted.failure.message).toBe('the workflow accepted a command it should refuse');
    const wrongCode = started.expectRefusal('inc-1', { type: 'reopen', reason: 'x' }, agent, 'forbidden').run();
    expect(!wrongCode.ok && wrongCode.failure.mismatches).toEqual([{ path: '', expected: 'forbidden', actual: 'invalid-transition' }]);
  });

  it('reports bad scripts as failures rather than crashes', () => {
    const cases: Array<[ReturnType<typeof scenario>, string]> = [
      [started.at('2026-11-23T07:00:00Z'), 'time never goes backwards'],
      [started.ingest(anAlert()), 'ingest needs a correlator'],
      [started.expectRecord('inc-404', { state: 'new' }), 'no record inc-404'],
      [started.apply('inc-1', { type: 'hold', reason: 'bored' } as never, agent), 'invalid-input'],
      [started.expectSla('inc-1', 'nope', {}), 'no SLA policy named nope'],
      [scenario().apply('inc-1', { type: 'start' }, agent), 'no current instant'],
      [scenario().at('yesterday'), 'must be an ISO-8601 timestamp'],
      [started.openIncident('inc-2', agent), 'no open-incident decision'],
      [started.given('incident', { ...anIncident(), priority: 9 } as never), 'priority'],
      [started.check('nothing on hold', (v) => (v.records['inc-1']?.record.state === 'on_hold' ? true : 'inc-1 is not on hold')), 'check failed: nothing on hold: inc-1 is not on hold'],
    ];
    for (const [s, text] of cases) {
      const r = s.run();
      expect(r.ok).toBe(false);
      expect(!r.ok && r.failure.report).toContain(text);
    }
  });

  it('throws ItsmValidationError at once for invalid options', () => {
    expect(() => scenario({ correlator: { rules: [{ id: 'x', window: 'soon' }] } as never })).toThrow(ItsmValidationError);
    expect(() => scenario({ slaPolicies: { bad: { id: 'bad' } as never } })).toThrow(ItsmValidationError);
  });
});

describe('decision expectations', () => {
  const c = { rules: [{ id: 'by-ci', groupBy: ['ci'] }] };
  const alerts = [anAlert({ id: 'a-1', ciId: 'db-1' }), anAlert({ id: 'a-2', ciId: 'db-1', labels: { alertname: 'Slow', ci: 'db-1' } }), anAlert({ id: 'a-3', ciId: 'app-1' })];
  const ingested = scenario({ correlator: c }).at('2026-11-23T08:00:00Z').ingest(alerts);

  it('includes: in order, others around; exact: one for one', () => {
    expect(ingested.expectDecisions([{ type: 'open-incident', alertIds: ['a-1'] }, { type: 'open-incident', alertIds: ['a-3'] }]).run().ok).toBe(true);
    expect(ingested.expectDecisions([{ type: 'open-incident', alertIds: ['a-3'] }, { type: 'open-incident', alertIds: ['a-1'] }]).run().ok).toBe(false);
    expect(ingested.expectDecisions([{ type: 'open-incident' }, { type: 'attach-alert', alertId: 'a-2' }, { type: 'open-incident' }], 'exact').run().ok).toBe(true);
    expect(ingested.expectDecisions([{ type: 'open-incident' }, { type: 'open-incident' }], 'exact').run().ok).toBe(false);
    expect(ingested.expectDecisionCounts({ 'open-incident': 2, 'attach-alert': 1, suppressed: 0 }).run().ok).toBe(true);
    const wrong = ingested.expectDecisionCounts({ 'open-incident': 3 }).run();
    expect(!wrong.ok && wrong.failure.mismatches).toEqual([{ path: 'open-incident', expected: 3, actual: 2 }]);
  });

  it('shows the closest decision of the expected type when none matches', () => {
    const r = ingested.expectDecisions([{ type: 'attach-alert', alertId: 'a-9' }]).run();
    expect(!r.ok && r.failure.report).toContain(['  at alertId:', '    - expected: "a-9"', '    + actual:   "a-2"'].join('\n'));
  });

  it('opens incidents from decisions by key or in order', () => {
    const agent = anActor({ id: 'u-ana' });
    // Keys are the correlator's: rule id and group number.
    const r = ingested.openIncident('inc-b', agent, { incidentKey: 'by-ci#2' }).openIncident('inc-a', agent).runOrThrow();
    // An incident carries the alerts of its open-incident decision (a-2 was attached afterwards).
    expect(r.view.records['inc-a']?.record).toMatchObject({ ciId: 'db-1', alertIds: ['a-1'], impact: 2, urgency: 1, shortDescription: 'HighErrorRate' });
    expect(r.view.records['inc-b']?.record).toMatchObject({ ciId: 'app-1', alertIds: ['a-3'] });
    expect(r.view.openedFrom).toEqual({ 'by-ci#2': 'inc-b', 'by-ci#1': 'inc-a' });
    expect(ingested.openIncident('x', agent).openIncident('y', agent).openIncident('z', agent).run().ok).toBe(false);
  });
});

describe('scenario: a problem resolves its linked incidents through follow-ups', () => {
  const pm = anActor({ id: 'u-pm', roles: ['problem_manager'], groups: ['messaging'] });
  const agent = anActor({ id: 'u-ana', roles: ['agent'], groups: ['service-desk'] });
  const waiting = anIncident({ id: 'inc-a', state: 'on_hold', onHoldReason: 'awaiting_problem' });
  const working = anIncident({ id: 'inc-b', state: 'in_progress' });

  it('resolves only the incident on hold awaiting the problem', () => {
    const result = scenario({ name: 'problem follow-ups' })
      .at('2026-11-23T12:00:00Z')
      .given('incident', waiting)
      .given('incident', working)
      .given('problem', aProblem({ id: 'prb-1', incidentIds: ['inc-a', 'inc-b'] }))
      .apply('prb-1', { type: 'assess' }, pm)
      .apply('prb-1', { type: 'confirm' }, pm)
      .expectRefusal('prb-1', { type: 'fix' }, pm, 'guard-failed')
      .apply('prb-1', { type: 'record_root_cause', rootCause: 'Relay queue leak', workaround: 'Restart the relay' }, pm)
      .apply('prb-1', { type: 'fix' }, pm)
      .apply('prb-1', { type: 'resolve', code: 'fix_applied', notes: 'Patched the relay' }, pm)
      .check('two follow-ups, one per linked incident', (v) => v.lastFollowUps.length === 2)
      .applyFollowUps(agent)
      .expectRecord('inc-a', { state: 'resolved', resolutionCode: 'resolved_by_problem', resolvedBy: 'u-ana' })
      .expectRecord('inc-b', { state: 'in_progress', resolutionCode: undefined })
      .expectRecord('prb-1', { state: 'resolved', knownError: true })
      .runOrThrow();
    const step = result.steps.find((s) => s.description === 'applyFollowUps by u-ana')!;
    expect(step.detail).toBe('inc-a on_hold -> resolved; inc-b refused (guard-failed)');
  });
});
