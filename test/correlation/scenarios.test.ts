import { describe, expect, it } from 'vitest';
import { createAlertMatcher, createCorrelator, fingerprintOf, maintenanceFromChanges, type Decision } from 'itsm-kit/correlation';
import { createTopology } from 'itsm-kit/topology';
import { alert, iso, min, resolved, types } from './_helpers';

const byService = { id: 'svc', groupBy: ['service'], template: { title: '{{alertname}} on {{service}}' } };

function only<T extends Decision['type']>(ds: readonly Decision[], type: T): Extract<Decision, { type: T }>[] {
  return ds.filter((d): d is Extract<Decision, { type: T }> => d.type === type);
}

describe('identity and dedup', () => {
  it('computes the fingerprint from sorted labels and uses a carried one', () => {
    expect(fingerprintOf(alert('1', { a: '1', b: '2' }, 0))).toBe(fingerprintOf(alert('2', { b: '2', a: '1' }, 5)));
    expect(fingerprintOf(alert('1', { a: '1' }, 0))).not.toBe(fingerprintOf(alert('1', { a: '2' }, 0)));
    expect(fingerprintOf(alert('1', { a: '1' }, 0, { fingerprint: 'fp-x' }))).toBe('fp-x');
  });

  it('deduplicates a firing alert and counts, then resolves by status', () => {
    const c = createCorrelator({ rules: [byService] });
    const l = { alertname: 'Down', service: 'orders', host: 'h1' };
    const out = c.ingest(c.initialState(), [alert('1', l, 0), alert('2', l, 1), alert('3', l, 2)], min(3));
    expect(types(out.decisions)).toEqual(['open-incident', 'deduplicated', 'deduplicated']);
    expect(only(out.decisions, 'deduplicated').map((d) => d.count)).toEqual([2, 3]);
    const r = c.ingest(out.state, resolved('4', l, 0, 4), min(4));
    expect(types(r.decisions)).toEqual(['alert-resolved', 'resolve-incident']);
  });

  it('rejects an invalid alert with a decision naming the field', () => {
    const c = createCorrelator({ rules: [byService] });
    const out = c.ingest(c.initialState(), [{ ...alert('1', {}, 0), startsAt: 'yesterday' }], min(0));
    expect(out.decisions).toHaveLength(1);
    const d = only(out.decisions, 'rejected')[0]!;
    expect(d.alertId).toBe('1');
    expect(d.issues.map((i) => i.path)).toEqual(['startsAt']);
  });
});

describe('out-of-order alerts', () => {
  it('ignores a firing notification older than the known resolve, and a resolve older than a re-fire', () => {
    const c = createCorrelator({ rules: [byService] });
    const l = { alertname: 'Down', service: 'orders' };
    let s = c.ingest(c.initialState(), [alert('1', l, 10), resolved('2', l, 10, 20)], min(20)).state;
    const late = c.ingest(s, alert('0', l, 5), min(21));
    expect(only(late.decisions, 'deduplicated')[0]).toMatchObject({ stale: true, alertId: '0' });
    s = c.ingest(late.state, alert('3', l, 30), min(30)).state;
    const lateResolve = c.ingest(s, resolved('4', l, 10, 25), min(31));
    expect(only(lateResolve.decisions, 'deduplicated')[0]).toMatchObject({ stale: true });
    expect(only(lateResolve.decisions, 'resolve-incident')).toHaveLength(0);
  });

  it('a resolve that arrives before its firing keeps the firing from opening anything', () => {
    const c = createCorrelator({ rules: [byService] });
    const l = { alertname: 'Down', service: 'orders' };
    const s = c.ingest(c.initialState(), resolved('2', l, 0, 10), min(10)).state;
    const out = c.ingest(s, alert('1', l, 0), min(11));
    expect(types(out.decisions)).toEqual(['deduplicated']);
  });
});

describe('rules', () => {
  it('first match wins unless continue', () => {
    const c = createCorrelator({
      rules: [
        { id: 'db', match: [{ label: 'service', op: 'regex', value: 'db-.*' }], continue: true, groupBy: ['service'] },
        { id: 'all', groupBy: ['env'] },
        { id: 'never', groupBy: [] },
      ],
    });
    const out = c.ingest(c.initialState(), [alert('1', { service: 'db-1', env: 'p' }, 0), alert('2', { service: 'web', env: 'p' }, 0)], min(0));
    expect(only(out.decisions, 'open-incident').map((d) => d.ruleId)).toEqual(['db', 'all']);
    expect(only(out.decisions, 'attach-alert').map((d) => [d.ruleId, d.alertId])).toEqual([['all', '2']]);
  });

  it('matchers eq, neq, in, regex, notRegex, exists on labels and fields', () => {
    const c = createCorrelator({
      rules: [
        {
          id: 'm',
          match: [
            { label: 'env', op: 'eq', value: 'prod' },
            { label: 'team', op: 'neq', value: 'x' },
            { field: 'severity', op: 'in', values: ['critical', 'major'] },
            { label: 'host', op: 'regex', value: 'db-\\d+' },
            { field: 'source', op: 'notRegex', value: 'test.*' },
            { label: 'cluster', op: 'exists' },
          ],
        },
      ],
    });
    const base = { env: 'prod', host: 'db-12', cluster: 'c1' };
    const ok = c.ingest(c.initialState(), alert('1', base, 0), min(0));
    expect(types(ok.decisions)).toEqual(['open-incident']);
    for (const bad of [
      alert('2', { ...base, env: 'dev' }, 0),
      alert('3', { ...base, team: 'x' }, 0),
      alert('4', base, 0, { severity: 'info' }),
      alert('5', { ...base, host: 'db-1x' }, 0),
      alert('6', base, 0, { source: 'testing' }),
      alert('7', { env: 'prod', host: 'db-12' }, 0),
    ]) {
      expect(types(c.ingest(c.initialState(), bad, min(0)).decisions)).toEqual(['unmatched']);
    }
  });

  it('an alert missing a groupBy label goes to a group of its own rule', () => {
    const c = createCorrelator({ rules: [byService] });
    const out = c.ingest(c.initialState(), [alert('1', { alertname: 'A' }, 0), alert('2', { alertname: 'B' }, 1), alert('3', { alertname: 'C', service: 's' }, 1)], min(1));
    expect(types(out.decisions)).toEqual(['open-incident', 'attach-alert', 'open-incident']);
  });

  it('a pathological regex on a 100k-character value answers correctly (re2js, linear time)', () => {
    const evil = createAlertMatcher([{ label: 'x', op: 'regex', value: '(a+)+$' }]);
    const long = 'a'.repeat(100_000);
    expect(evil(alert('1', { x: `${long}!` }, 0))).toBe(false);
    expect(evil(alert('2', { x: long }, 0))).toBe(true);
    const c = createCorrelator({ rules: [{ id: 'evil', match: [{ label: 'x', op: 'regex', value: '(a+)+$' }] }] });
    expect(types(c.ingest(c.initialState(), alert('3', { x: `${long.slice(0, 1000)}!` }, 0), min(0)).decisions)).toEqual(['unmatched']);
    expect(types(c.ingest(c.initialState(), alert('4', { x: long.slice(0, 1000) }, 0), min(0)).decisions)).toEqual(['open-incident']);
  });

  it('rejects an invalid regex in the config naming the field', () => {
    expect(() => createCorrelator({ rules: [{ id: 'r', match: [{ label: 'x', op: 'regex', value: '(' }] }] })).toThrow(/rules\.0\.match\.0\.value/);
  });
});

describe('grouping', () => {
  it('window: a new alert joins the group whose last alert is within it', () => {
    const c = createCorrelator({ rules: [{ ...byService, window: '10m' }] });
    const l = (h: string) => ({ alertname: 'X', service: 's', host: h });
    const out = c.ingest(c.initialState(), [alert('1', l('a'), 0), alert('2', l('b'), 9), alert('3', l('c'), 18), alert('4', l('d'), 40)], min(40));
    expect(types(out.decisions)).toEqual(['open-incident', 'attach-alert', 'attach-alert', 'open-incident']);
  });

  it('maxGroupAge: a steady drip does not keep a group forever', () => {
    const c = createCorrelator({ rules: [{ ...byService, window: '10m', maxGroupAge: '30m' }] });
    const alerts = Array.from({ length: 8 }, (_, i) => alert(`${i}`, { alertname: 'X', service: 's', host: `h${i}` }, i * 5));
    const out = c.ingest(c.initialState(), alerts, min(40));
    expect(only(out.decisions, 'open-incident').map((d) => d.alertIds)).toEqual([['0'], ['7']]);
  });

  it('groupWait holds the first burst into one incident, opened by tick', () => {
    const c = createCorrelator({ rules: [{ ...byService, groupWait: '30s' }] });
    const l = (h: string) => ({ alertname: 'X', service: 's', host: h });
    const a = c.ingest(c.initialState(), [alert('1', l('a'), 0), alert('2', l('b'), 0.2)], min(0.3));
    expect(types(a.decisions)).toEqual(['pending', 'pending']);
    expect(a.nextTickAt).toBe(min(0.5));
    const early = c.tick(a.state, min(0.4));
    expect(early.decisions).toEqual([]);
    const t = c.tick(a.state, min(0.5));
    expect(only(t.decisions, 'open-incident')[0]!.alertIds).toEqual(['1', '2']);
  });

  it('minAlerts opens only once N alerts are in the group', () => {
    const c = createCorrelator({ rules: [{ ...byService, minAlerts: 3 }] });
    const l = (h: string) => ({ alertname: 'X', service: 's', host: h });
    const out = c.ingest(c.initialState(), [alert('1', l('a'), 0), alert('2', l('b'), 1), alert('3', l('c'), 2)], min(2));
    expect(types(out.decisions)).toEqual(['pending', 'pending', 'open-incident']);
    expect(only(out.decisions, 'pending')[0]!.waitingFor).toBe('min-alerts');
  });

  it('template, impact and urgency from the highest severity, custom mapping and priority update', () => {
    const c = createCorrelator({
      rules: [{ ...byService, template: { title: '{{alertname}} / {{annotations.summary}} / {{ciId}}', severityMapping: { warning: { impact: 3, urgency: 3 } } } }],
    });
    const out = c.ingest(
      c.initialState(),
      [alert('1', { alertname: 'Lat', service: 's', h: '1' }, 0, { severity: 'warning', annotations: { summary: 'slow' }, ciId: 'web-1' }), alert('2', { alertname: 'Lat', service: 's', h: '2' }, 1, { severity: 'critical' })],
      min(1),
    );
    const open = only(out.decisions, 'open-incident')[0]!;
    expect([open.title, open.impact, open.urgency, open.priority]).toEqual(['Lat / slow / web-1', 3, 3, 5]);
    expect(only(out.decisions, 'update-priority')[0]).toMatchObject({ from: 5, to: 1 });
  });
});

describe('resolve and reopen', () => {
  const l = (h: string) => ({ alertname: 'X', service: 's', host: h });
  it('resolveWhen all / first / never', () => {
    for (const [when, expected] of [
      ['all', ['alert-resolved', 'alert-resolved', 'resolve-incident']],
      ['first', ['alert-resolved', 'resolve-incident', 'alert-resolved']],
      ['never', ['alert-resolved', 'alert-resolved']],
    ] as const) {
      const c = createCorrelator({ rules: [{ ...byService, resolveWhen: when }] });
      const s = c.ingest(c.initialState(), [alert('1', l('a'), 0), alert('2', l('b'), 1)], min(1)).state;
      expect(types(c.ingest(s, [resolved('3', l('a'), 0, 5), resolved('4', l('b'), 1, 6)], min(6)).decisions)).toEqual(expected);
    }
  });

  it('resolveAfter waits for quiet time; a new firing alert cancels it', () => {
    const c = createCorrelator({ rules: [{ ...byService, resolveAfter: '5m' }] });
    let out = c.ingest(c.initialState(), [alert('1', l('a'), 0), resolved('2', l('a'), 0, 2)], min(2));
    expect(out.nextTickAt).toBe(min(7));
    expect(types(c.tick(out.state, min(6)).decisions)).toEqual([]);
    const cancelled = c.ingest(out.state, alert('3', l('b'), 4), min(4));
    expect(types(c.tick(cancelled.state, min(8)).decisions)).toEqual([]);
    out = c.tick(out.state, min(7));
    expect(types(out.decisions)).toEqual(['resolve-incident']);
  });

  it('reopenWithin: an alert firing again soon reopens the incident rather than opening anew', () => {
    const c = createCorrelator({ rules: [{ ...byService, reopenWithin: '30m' }] });
    const s = c.ingest(c.initialState(), [alert('1', l('a'), 0), resolved('2', l('a'), 0, 5)], min(5)).state;
    const again = c.ingest(s, alert('3', l('a'), 20), min(20));
    expect(types(again.decisions)).toEqual(['reopen-incident', 'attach-alert']);
    const first = only(c.ingest(c.initialState(), alert('1', l('a'), 0), min(0)).decisions, 'open-incident')[0]!;
    expect(only(again.decisions, 'reopen-incident')[0]!.incidentKey).toBe(first.incidentKey);
    const later = c.ingest(s, alert('4', l('a'), 50), min(50));
    expect(types(later.decisions)).toEqual(['open-incident']);
  });
});

describe('inhibition', () => {
  const config = {
    rules: [byService],
    inhibitRules: [{ id: 'node-down', source: [{ label: 'alertname', op: 'eq' as const, value: 'NodeDown' }], target: [{ label: 'alertname', op: 'neq' as const, value: 'NodeDown' }], equal: ['node'] }],
  };
  it('suppresses targets while the source fires and releases them when it resolves', () => {
    const c = createCorrelator(config);
    const src = { alertname: 'NodeDown', node: 'n1', service: 'infra' };
    const tgt = { alertname: 'PodCrash', node: 'n1', service: 'orders' };
    const other = { alertname: 'PodCrash', node: 'n2', service: 'orders' };
    let out = c.ingest(c.initialState(), [alert('s', src, 0), alert('t', tgt, 1), alert('o', other, 1)], min(1));
    const sup = only(out.decisions, 'suppressed')[0]!;
    expect(sup).toMatchObject({ alertId: 't', reason: 'inhibited', cause: { kind: 'inhibited', inhibitRuleId: 'node-down', sourceAlertId: 's' } });
    expect(only(out.decisions, 'open-incident').map((d) => d.alertIds)).toEqual([['s'], ['o']]);
    out = c.ingest(out.state, resolved('s2', src, 0, 5), min(5));
    expect(types(out.decisions)).toEqual(['alert-resolved', 'resolve-incident', 'released', 'attach-alert']);
  });

  it('an alert never inhibits itself', () => {
    const c = createCorrelator({ ...config, inhibitRules: [{ id: 'self', source: [{ label: 'alertname', op: 'eq', value: 'X' }], target: [{ label: 'alertname', op: 'eq', value: 'X' }], equal: [] }] });
    const out = c.ingest(c.initialState(), alert('1', { alertname: 'X', service: 's' }, 0), min(0));
    expect(types(out.decisions)).toEqual(['open-incident']);
  });
});

describe('maintenance', () => {
  const change = {
    id: 'chg-1', number: 'CHG0001', type: 'normal' as const, state: 'scheduled' as const, risk: 'low' as const,
    shortDescription: 'Patch db', requestedBy: 'u1', ciIds: ['db-1'], plannedStart: iso(0), plannedEnd: iso(60),
    openedAt: iso(-600), updatedAt: iso(-600),
  };

  it('maintenance from a change suppresses alerts on its CIs, records them and releases them after', () => {
    const windows = maintenanceFromChanges([change, { ...change, id: 'chg-2', state: 'new', ciIds: ['web-1'] }]);
    expect(windows.map((w) => w.id)).toEqual(['change:chg-1']);
    const c = createCorrelator({ rules: [byService], maintenance: windows });
    const out = c.ingest(c.initialState(), [alert('1', { alertname: 'X', service: 'db' }, 10, { ciId: 'db-1' }), alert('2', { alertname: 'Y', service: 'web' }, 10, { ciId: 'web-1' })], min(10));
    expect(only(out.decisions, 'suppressed')[0]).toMatchObject({ alertId: '1', reason: 'maintenance', cause: { windowId: 'change:chg-1' }, until: min(60) });
    expect(out.nextTickAt).toBe(min(60));
    const after = c.tick(out.state, min(61));
    expect(types(after.decisions)).toEqual(['released', 'open-incident']);
  });

  it('resolving a suppressed alert still resolves the incident it belongs to', () => {
    const c = createCorrelator({ rules: [byService], maintenance: [{ id: 'm', match: [{ label: 'service', op: 'eq', value: 'db' }], start: iso(10), end: iso(60) }] });
    const l = { alertname: 'X', service: 'db' };
    let out = c.ingest(c.initialState(), alert('1', l, 0), min(0));
    out = c.ingest(out.state, alert('2', { ...l, host: 'h2' }, 20), min(20));
    expect(only(out.decisions, 'suppressed')).toHaveLength(1);
    out = c.ingest(out.state, [resolved('3', { ...l, host: 'h2' }, 20, 30), resolved('4', l, 0, 30)], min(30));
    expect(types(out.decisions)).toEqual(['alert-resolved', 'alert-resolved', 'resolve-incident']);
  });

  it('recurring maintenance from a calendar', () => {
    const c = createCorrelator({
      rules: [byService],
      maintenance: [{ id: 'nightly', match: [{ label: 'service', op: 'eq', value: 'db' }], calendar: { timeZone: 'UTC', week: { mon: [{ start: '08:00', end: '09:00' }] } } }],
    });
    const inWindow = c.ingest(c.initialState(), alert('1', { alertname: 'X', service: 'db' }, 10), min(10));
    expect(only(inWindow.decisions, 'suppressed')[0]).toMatchObject({ until: min(60) });
    expect(types(c.ingest(c.initialState(), alert('2', { alertname: 'X', service: 'db' }, 70), min(70)).decisions)).toEqual(['open-incident']);
  });
});

describe('flapping and auto-pause', () => {
  it('flapping: more than 4 changes in an hour suppresses until quiet for the quiet period', () => {
    const c = createCorrelator({ rules: [{ ...byService, reopenWithin: '2h' }], flapping: { threshold: 4, period: '1h', quietPeriod: '30m' } });
    const l = { alertname: 'X', service: 's' };
    const seq = [alert('f0', l, 0), resolved('r1', l, 0, 2), alert('f1', l, 4), resolved('r2', l, 4, 6), alert('f2', l, 8), resolved('r3', l, 8, 10), alert('f3', l, 12)];
    const out = c.ingest(c.initialState(), seq, min(12));
    const sup = only(out.decisions, 'suppressed');
    expect(sup.map((d) => [d.alertId, d.reason])).toEqual([['f3', 'flapping']]);
    expect(sup[0]!.until).toBe(min(42));
    expect(types(c.tick(out.state, min(41)).decisions)).toEqual([]);
    expect(types(c.tick(out.state, min(42)).decisions)).toEqual(['released', 'reopen-incident', 'attach-alert']);
  });

  it('auto-pause opens nothing when the alert resolves within the pause, and correlates it otherwise', () => {
    const c = createCorrelator({ rules: [{ ...byService, autoPause: '5m' }] });
    const l = { alertname: 'X', service: 's' };
    const paused = c.ingest(c.initialState(), alert('1', l, 0), min(0));
    expect(only(paused.decisions, 'suppressed')[0]).toMatchObject({ reason: 'paused', until: min(5) });
    const quick = c.ingest(paused.state, resolved('2', l, 0, 3), min(3));
    expect(types(c.tick(quick.state, min(6)).decisions)).toEqual([]);
    expect(types(c.tick(paused.state, min(6)).decisions)).toEqual(['released', 'open-incident']);
  });
});

describe('topology', () => {
  const topology = createTopology({
    cis: [
      { id: 'db', name: 'orders-db', ciClass: 'database' },
      { id: 'vm', name: 'vm-1', ciClass: 'server' },
      ...Array.from({ length: 20 }, (_, i) => ({ id: `app-${i}`, name: `app-${i}`, ciClass: 'application' })),
    ],
    relationships: [{ from: 'vm', to: 'db', type: 'depends_on' as const }, ...Array.from({ length: 20 }, (_, i) => ({ from: `app-${i}`, to: 'vm', type: 'hosted_on' as const }))],
  });
  const rule = { id: 'cmdb', groupBy: ['alertname'], topology: { hops: 3 }, groupWait: '1m' };

  it('a database outage storm becomes one incident rooted at the database', () => {
    const c = createCorrelator({ rules: [rule] }, { topology });
    const apps = Array.from({ length: 20 }, (_, i) => alert(`a${i}`, { alertname: `AppErr${i % 3}`, app: `${i}` }, 0.1, { ciId: `app-${i}` }));
    let out = c.ingest(c.initialState(), [...apps, alert('db', { alertname: 'DbDown' }, 0.3, { ciId: 'db' })], min(0.3));
    out = c.tick(out.state, min(2));
    const opened = [...out.decisions].filter((d) => d.type === 'open-incident');
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ rootCauseCiId: 'db' });
    expect((opened[0] as { alertIds: readonly string[] }).alertIds).toHaveLength(21);
  });

  it('re-roots an open incident when the upstream alert arrives after its dependants', () => {
    const c = createCorrelator({ rules: [{ ...rule, groupWait: 0 }] }, { topology });
    const out = c.ingest(c.initialState(), [alert('a1', { alertname: 'AppErr' }, 0, { ciId: 'app-1' }), alert('a2', { alertname: 'Other' }, 1, { ciId: 'app-2' }), alert('db', { alertname: 'DbDown' }, 2, { ciId: 'db' })], min(2));
    expect(types(out.decisions)).toEqual(['open-incident', 'attach-alert', 'attach-alert', 'update-root-cause']);
    expect(only(out.decisions, 'update-root-cause')[0]).toMatchObject({ from: 'app-1', to: 'db' });
  });

  it('a reopened incident is found by its CIs, whether or not a tick ran while it was resolved', () => {
    const c = createCorrelator({ rules: [{ ...rule, groupWait: 0, reopenWithin: '1h' }] }, { topology });
    const dbDown = { alertname: 'DbDown' };
    const opened = c.ingest(c.initialState(), [alert('db', dbDown, 0, { ciId: 'db' }), resolved('db', dbDown, 0, 2, { ciId: 'db' })], min(2));
    expect(types(opened.decisions)).toEqual(['open-incident', 'alert-resolved', 'resolve-incident']);
    const later = [alert('db-again', { ...dbDown, instance: '2' }, 4), alert('vm', { alertname: 'VmSlow' }, 5, { ciId: 'vm' })];
    const untouched = c.ingest(opened.state, later, min(5));
    const ticked = c.ingest(c.tick(opened.state, min(3)).state, later, min(5));
    expect(types(untouched.decisions)).toEqual(['reopen-incident', 'attach-alert', 'attach-alert', 'update-root-cause']);
    // The alert on the VM joins the reopened incident through the database CI it had before, and is
    // now its only firing CI.
    expect(only(untouched.decisions, 'attach-alert')[1]).toMatchObject({ incidentKey: 'cmdb#1', alertId: 'vm' });
    expect(only(untouched.decisions, 'update-root-cause')[0]).toMatchObject({ from: 'db', to: 'vm' });
    expect(ticked.decisions).toEqual(untouched.decisions);
  });

  it('without topology, an incident is rooted at the first CI one of its alerts was on', () => {
    const c = createCorrelator({ rules: [{ id: 'svc', groupBy: ['service'] }] });
    const out = c.ingest(c.initialState(), [alert('1', { service: 'web', n: '1' }, 0), alert('2', { service: 'web', n: '2' }, 1, { ciId: 'app-1' }), alert('3', { service: 'web', n: '3' }, 2, { ciId: 'db' })], min(2));
    expect(types(out.decisions)).toEqual(['open-incident', 'attach-alert', 'update-root-cause', 'attach-alert']);
    expect(only(out.decisions, 'open-incident')[0]).toMatchObject({ rootCauseCiId: null, ciIds: [] });
    // The first CI named becomes the root; a later one, with no topology to rank them, does not move it.
    expect(only(out.decisions, 'update-root-cause')[0]).toMatchObject({ from: null, to: 'app-1' });
  });

  it('takes the topology as data in the config too', () => {
    const c = createCorrelator({ rules: [{ ...rule, groupWait: 0 }], topology: { cis: [{ id: 'db', name: 'db', ciClass: 'database' }, { id: 'app', name: 'app', ciClass: 'application' }], relationships: [{ from: 'app', to: 'db', type: 'depends_on' }] } });
    const out = c.ingest(c.initialState(), [alert('1', { alertname: 'A' }, 0, { ciId: 'app' }), alert('2', { alertname: 'B' }, 0, { ciId: 'db' })], min(0));
    expect(types(out.decisions)).toEqual(['open-incident', 'attach-alert', 'update-root-cause']);
  });
});

describe('storm protection', () => {
  it('past the open-group limit, a storm-detected decision and one coarse group per rule', () => {
    const c = createCorrelator({ rules: [{ id: 'host', groupBy: ['host'] }], storm: { maxOpenGroups: 3 } });
    const alerts = Array.from({ length: 10 }, (_, i) => alert(`${i}`, { alertname: 'X', host: `h${i}` }, 0));
    const out = c.ingest(c.initialState(), alerts, min(0));
    expect(only(out.decisions, 'open-incident')).toHaveLength(4);
    expect(only(out.decisions, 'storm-detected')).toHaveLength(1);
    expect(only(out.decisions, 'storm-detected')[0]).toMatchObject({ limit: 'open-groups', count: 3 });
    expect(only(out.decisions, 'attach-alert')).toHaveLength(6);
  });

  it('past the alerts-per-incident limit, storm-detected once and alert ids no longer listed', () => {
    const c = createCorrelator({ rules: [{ id: 'all' }], storm: { maxAlertsPerIncident: 5 } });
    const out = c.ingest(c.initialState(), Array.from({ length: 9 }, (_, i) => alert(`${i}`, { alertname: 'X', host: `h${i}` }, 0)), min(0));
    expect(only(out.decisions, 'storm-detected').map((d) => [d.limit, d.count])).toEqual([['alerts-per-incident', 6]]);
  });

  it('an incident that opens with more alerts than the limit says so as it opens (a group-wait burst)', () => {
    const c = createCorrelator({ rules: [{ id: 'all', groupWait: '1m' }], storm: { maxAlertsPerIncident: 5 } });
    const held = c.ingest(c.initialState(), Array.from({ length: 8 }, (_, i) => alert(`${i}`, { alertname: 'X', host: `h${i}` }, 0)), min(0));
    expect(only(held.decisions, 'storm-detected')).toEqual([]);
    const opened = c.tick(held.state, min(1)).decisions;
    expect(types(opened)).toEqual(['open-incident', 'storm-detected']);
    expect(only(opened, 'open-incident')[0]!.alertIds).toHaveLength(5);
    expect(only(opened, 'storm-detected')[0]).toMatchObject({ limit: 'alerts-per-incident', count: 8, alertIds: [], at: min(1) });
    const later = c.ingest(c.tick(held.state, min(1)).state, [alert('9', { alertname: 'X', host: 'h9' }, 1)], min(1));
    expect(types(later.decisions)).toEqual(['attach-alert']);
  });

  it('an overflow group whose quiet window ends before its wait resolves as it opens, not before', () => {
    const c = createCorrelator({ rules: [{ id: 'h', window: '1m', groupWait: '5m' }], storm: { maxTrackedAlerts: 1 }, flapping: { enabled: false } });
    const out = c.ingest(c.initialState(), [alert('1', { alertname: 'A' }, 0), alert('2', { alertname: 'B' }, 0)], min(0));
    // h#1 holds the tracked alert; h#2 is the overflow group, quiet since minute 1, waiting until minute 5.
    const ticked = c.tick(out.state, min(10)).decisions.map((d) => [d.type, 'incidentKey' in d ? d.incidentKey : null, d.at]);
    expect(ticked).toEqual([['open-incident', 'h#1', min(5)], ['open-incident', 'h#2', min(5)], ['resolve-incident', 'h#2', min(5)]]);
  });

  it('past the tracked-alert limit, alerts go to an overflow group that resolves when quiet', () => {
    const c = createCorrelator({ rules: [{ id: 'h', groupBy: ['host'], window: '5m' }], storm: { maxTrackedAlerts: 2 } });
    const out = c.ingest(c.initialState(), Array.from({ length: 5 }, (_, i) => alert(`${i}`, { alertname: 'X', host: `h${i}` }, 0)), min(0));
    expect(only(out.decisions, 'storm-detected')[0]).toMatchObject({ limit: 'tracked-alerts' });
    expect(out.state.tracked).toBe(2);
    expect(types(c.tick(out.state, min(5)).decisions)).toEqual(['resolve-incident']);
  });
});

describe('eviction', () => {
  it('forgets resolved groups and fingerprints past retention', () => {
    const c = createCorrelator({ rules: [byService], retention: '1h' });
    const l = { alertname: 'X', service: 's' };
    const out = c.ingest(c.initialState(), [alert('1', l, 0), resolved('2', l, 0, 5)], min(5));
    expect(out.state.tracked).toBe(1);
    const later = c.tick(out.state, min(70));
    expect(later.state.tracked).toBe(0);
    expect([later.state.fps.n, later.state.groups.n, later.state.index.n, later.state.open]).toEqual([0, 0, 0, 0]);
    expect(out.state.groups.n).toBe(1);
  });

  it('an incident that never resolves is forgotten retention after its last alert once none fires, when nextTickAt says', () => {
    const c = createCorrelator({ rules: [{ id: 'r', resolveWhen: 'never' }], retention: '10m', flapping: { enabled: false } });
    const l = { alertname: 'X' };
    const out = c.ingest(c.initialState(), [alert('1', l, 0), resolved('2', l, 0, 2)], min(2));
    expect(out.nextTickAt).toBe(min(10)); // the group's last alert at 0 + 10m, before the fingerprint's 2 + 10m
    expect(c.tick(out.state, min(10) - 1).state.groups.n).toBe(1);
    const forgotten = c.tick(out.state, min(10));
    expect(forgotten.state.groups.n).toBe(0);
    expect(forgotten.decisions).toEqual([{ type: 'forget-incident', incidentKey: 'r#1', ruleId: 'r', alertIds: [], at: min(10) }]);
    expect(types(c.ingest(forgotten.state, alert('3', l, 12), min(12)).decisions)).toEqual(['open-incident']);
  });

  it('a pending group whose alerts all resolved is discarded window after its last alert started, naming its alerts', () => {
    const c = createCorrelator({ rules: [{ id: 'w', match: [{ label: 'alertname', op: 'eq', value: 'X' }], groupBy: ['service'], groupWait: '5m', window: '10m' }, { id: 'm', minAlerts: 3, window: '10m' }], flapping: { enabled: false } });
    const waiting = { alertname: 'X', service: 's' };
    const fewer = { alertname: 'Y' };
    const out = c.ingest(c.initialState(), [alert('1', waiting, 0), alert('2', { ...waiting, host: 'b' }, 1), resolved('3', waiting, 0, 2), resolved('4', { ...waiting, host: 'b' }, 1, 3)], min(3));
    expect(types(out.decisions)).toEqual(['pending', 'pending', 'alert-resolved', 'alert-resolved']);
    // nextTickAt is a hint that only moves earlier on ingest: the wait's end, when it was still firing.
    expect(out.nextTickAt).toBe(min(5));
    // The last alert (by its own time) started at 1: the group goes at 1 + window.
    const early = c.tick(out.state, min(11) - 1);
    expect([early.decisions, early.nextTickAt]).toEqual([[], min(11)]);
    const discarded = c.tick(out.state, min(11));
    expect(discarded.decisions).toEqual([{ type: 'discard-pending', groupKey: 'w#1', ruleId: 'w', alertIds: ['1', '2'], at: min(11) }]);
    expect([discarded.state.groups.n, discarded.state.open]).toEqual([0, 0]);
    // Short of minAlerts: held while it fires, discarded once its one alert resolved and window passed.
    const short = c.ingest(discarded.state, [alert('5', fewer, 20), resolved('6', fewer, 20, 21)], min(21));
    expect(types(short.decisions)).toEqual(['pending', 'alert-resolved']);
    expect(c.tick(short.state, min(30)).decisions).toEqual([{ type: 'discard-pending', groupKey: 'm#2', ruleId: 'm', alertIds: ['5'], at: min(30) }]);
    // A later alert of the discarded identity starts a new group.
    expect(c.ingest(discarded.state, alert('7', waiting, 14), min(14)).decisions).toMatchObject([{ type: 'pending', groupKey: 'w#2' }]);
  });

  it('a late tick works in time order: a group resolves at its instant before a later release can join it', () => {
    const c = createCorrelator({
      rules: [{ id: 'svc', groupBy: ['service'], resolveAfter: '5m' }],
      maintenance: [{ id: 'm', match: [{ label: 'host', op: 'eq', value: 'b' }], start: iso(0), end: iso(8) }],
      flapping: { enabled: false },
    });
    const a = { alertname: 'X', service: 's', host: 'a' };
    const out = c.ingest(c.initialState(), [alert('1', a, 0), resolved('2', a, 0, 1), alert('3', { ...a, host: 'b' }, 2)], min(2));
    expect(types(out.decisions)).toEqual(['open-incident', 'alert-resolved', 'suppressed']);
    const late = c.tick(out.state, min(20)).decisions;
    expect(late.map((d) => [d.type, d.at])).toEqual([['resolve-incident', min(6)], ['released', min(8)], ['open-incident', min(8)]]);
  });

  it('work that falls due during a tick is done in it: a group the tick resolves, already past retention, is forgotten', () => {
    // Untracked alerts (past the tracked limit) go to an overflow group that resolves a window after the last one.
    const c = createCorrelator({ rules: [{ id: 'r', window: '1m' }], retention: '10m', storm: { maxTrackedAlerts: 1 }, flapping: { enabled: false } });
    const out = c.ingest(c.initialState(), [alert('1', { alertname: 'A' }, 0), alert('2', { alertname: 'B' }, 0)], min(0));
    const late = c.tick(out.state, min(30));
    expect(types(late.decisions)).toEqual(['resolve-incident']);
    expect(late.state.groups.n).toBe(1); // the tracked alert's group, still open
    expect(late.nextTickAt).toBe(null);
  });
});

describe('stored states', () => {
  it('a state of the 0.1.0 layout is upgraded, and a malformed one is refused with a message that says so', () => {
    const c = createCorrelator({ rules: [byService] });
    const t = { n: 0, b: [] };
    const v1 = { v: 1, seq: 0, open: 0, tracked: 0, next: null, fps: t, groups: t, index: t, inhibit: t, parked: t, cis: t };
    const out = c.ingest(v1 as never, alert('1', { alertname: 'X', service: 's' }, 0), min(0));
    expect(types(out.decisions)).toEqual(['open-incident']);
    expect(out.state.v).toBe(2);
    expect(c.tick(v1 as never, min(0)).state).toEqual(c.initialState());
    const broken = { ...v1, fps: { n: 0, b: {} } };
    expect(() => c.ingest(broken as never, [], min(0))).toThrow(/state: is a state of itsm-kit 0\.1\.0 \(layout v1\) that cannot be upgraded: fps\.b is not an array/);
    expect(() => c.tick(broken as never, min(0))).toThrow(/layout v1/);
  });
});
