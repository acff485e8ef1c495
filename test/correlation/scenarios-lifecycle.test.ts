/** Scenario tests of the correlator: flapping and auto-pause, topology, storm protection, eviction, stored states. */
import { describe, expect, it } from 'vitest';
import { createCorrelator } from 'itsm-kit/correlation';
import { createTopology } from 'itsm-kit/topology';
import { alert, byService, iso, min, only, resolved, types } from './_helpers';

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
