import { describe, expect, it } from 'vitest';
import { createCorrelator } from 'itsm-kit/correlation';
import { createTopology } from 'itsm-kit/topology';
import { alert, min, resolved } from './_helpers';

const topology = createTopology({
  cis: ['db', 'app'].map((id) => ({ id, name: id, ciClass: 'server' })),
  relationships: [{ from: 'app', to: 'db', type: 'depends_on' }],
});
const c = createCorrelator({ rules: [{ id: 'svc', groupBy: ['service'], groupWait: '1m', resolveAfter: '5m', topology: { hops: 1 } }] }, { topology });
const l = (host: string) => ({ alertname: 'Down', service: 'orders', host });

describe('getGroup: what the state holds about a group', () => {
  it('follows a group from pending to open, resolving, resolved and closed', () => {
    const pending = c.ingest(c.initialState(), [alert('1', l('a'), 0, { ciId: 'app', severity: 'minor' })], min(0)).state;
    expect(c.getGroup(pending, 'svc#1')).toEqual({
      key: 'svc#1', ruleId: 'svc', status: 'pending', firstAlertAt: min(0), lastAlertAt: min(0), alertCount: 1, firingCount: 1,
      severity: 'minor', priority: null, ciIds: ['app'], firingCiIds: ['app'], rootCauseCiId: null, pendingAlertIds: ['1'], resolveAt: null, resolvedAt: null,
    });
    const open = c.ingest(c.tick(pending, min(1)).state, alert('2', l('b'), 2, { ciId: 'db', severity: 'critical' }), min(2)).state;
    expect(c.getGroup(open, 'svc#1')).toMatchObject({ status: 'open', lastAlertAt: min(2), alertCount: 2, severity: 'critical', priority: 1, ciIds: ['app', 'db'], rootCauseCiId: 'db', pendingAlertIds: [] });
    const quiet = c.ingest(open, [resolved('3', l('a'), 0, 3, { ciId: 'app' }), resolved('4', l('b'), 2, 4, { ciId: 'db' })], min(4)).state;
    expect(c.getGroup(quiet, 'svc#1')).toMatchObject({ status: 'open', firingCount: 0, firingCiIds: [], resolveAt: min(9), resolvedAt: null });
    const done = c.tick(quiet, min(9)).state;
    expect(c.getGroup(done, 'svc#1')).toMatchObject({ status: 'resolved', resolveAt: null, resolvedAt: min(9) });
    expect(c.getGroup(c.closeIncident(done, 'svc#1', min(10)).state, 'svc#1')?.status).toBe('closed');
  });

  it('is null for a key the state does not hold, and refuses a key that cannot be one, naming groupKey', () => {
    const s = c.ingest(c.initialState(), alert('1', l('a'), 0), min(0)).state;
    expect(c.getGroup(s, 'svc#2')).toBeNull();
    expect(c.getGroup(c.initialState(), 'svc#1')).toBeNull();
    expect(() => c.getGroup(s, '')).toThrow(/groupKey: must be a string of 1 to 140 characters/);
  });
});
