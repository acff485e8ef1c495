/** Scenario tests of the correlator: identity and dedup, order, rules, grouping, resolve and reopen, inhibition, maintenance. */
import { describe, expect, it } from 'vitest';
import { createAlertMatcher, createCorrelator, fingerprintOf, maintenanceFromChanges } from 'itsm-kit/correlation';
import { alert, byService, iso, min, only, resolved, types } from './_helpers';

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
