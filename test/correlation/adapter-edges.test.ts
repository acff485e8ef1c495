/** Adapter edges: PagerDuty events without dedup keys, timestamps or payloads; long and label-only ids. */
import { describe, expect, it } from 'vitest';
import { fromAlertmanagerWebhook, fromPagerDutyEvent } from 'itsm-kit/correlation';
import { pathsOf } from '../_helpers/validation-paths';


const payload = { summary: 'Disk full', source: 'host-7', severity: 'warning', timestamp: '2026-11-23T08:00:00+01:00' } as const;

describe('fromPagerDutyEvent', () => {
  it('fingerprints a trigger without dedup_key by source, component, group, class and summary', () => {
    const fp = (p: object) => fromPagerDutyEvent({ routing_key: 'R', event_action: 'trigger', payload: { ...payload, ...p } })[0]!.fingerprint;
    expect(fp({})).toBe(fp({}));
    expect(fp({ component: 'disk' })).not.toBe(fp({}));
    expect(fp({ group: 'storage' })).not.toBe(fp({ component: 'storage' }));
    const [a] = fromPagerDutyEvent({ routing_key: 'R', event_action: 'trigger', payload: { ...payload, component: 'disk', group: 'storage', class: 'capacity' } });
    expect(a).toMatchObject({ status: 'firing', severity: 'warning', startsAt: '2026-11-23T07:00:00.000Z', annotations: {} });
    expect(a!.labels).toEqual({ alertname: 'Disk full', source: 'host-7', component: 'disk', group: 'storage', class: 'capacity' });
  });

  it('times an event without timestamp by receivedAt, and refuses one with neither', () => {
    const { timestamp: _, ...untimed } = payload;
    const [a] = fromPagerDutyEvent({ routing_key: 'R', event_action: 'trigger', dedup_key: 'k', payload: untimed }, { receivedAt: '2026-11-23T09:00:00Z' });
    expect(a!.startsAt).toBe('2026-11-23T09:00:00.000Z');
    expect(pathsOf(() => fromPagerDutyEvent({ routing_key: 'R', event_action: 'trigger', dedup_key: 'k', payload: untimed }))).toEqual(['payload.timestamp']);
    expect(pathsOf(() => fromPagerDutyEvent({ routing_key: 'R', event_action: 'resolve', dedup_key: 'k' }, { receivedAt: 'whenever' }))).toEqual(['receivedAt']);
  });

  it('resolves without a payload: no labels, severity info', () => {
    const [r] = fromPagerDutyEvent({ routing_key: 'R', event_action: 'resolve', dedup_key: 'k' }, { receivedAt: 0 });
    expect(r).toMatchObject({ status: 'resolved', severity: 'info', labels: {}, startsAt: '1970-01-01T00:00:00.000Z', endsAt: '1970-01-01T00:00:00.000Z' });
  });

  it('requires dedup_key for resolve and acknowledge', () => {
    expect(pathsOf(() => fromPagerDutyEvent({ routing_key: 'R', event_action: 'resolve' }))).toEqual(['dedup_key']);
    expect(pathsOf(() => fromPagerDutyEvent({ routing_key: 'R', event_action: 'acknowledge' }))).toEqual(['dedup_key']);
  });

  it('bounds a long dedup key to a 128-character id that still tells keys apart', () => {
    const long = (c: string) => fromPagerDutyEvent({ routing_key: 'R', event_action: 'trigger', dedup_key: 'k'.repeat(200) + c, payload })[0]!;
    expect(long('a').fingerprint!.length).toBeLessThanOrEqual(128);
    expect(long('a').id.length).toBeLessThanOrEqual(128);
    expect(long('a').fingerprint).not.toBe(long('b').fingerprint);
  });
});

describe('fromAlertmanagerWebhook', () => {
  it('identifies an alert without fingerprint by its sorted labels, and maps no severity label to the default', () => {
    const alert = (labels: Record<string, string>) => ({ status: 'firing', labels, annotations: {}, startsAt: '2026-11-23T08:00:00Z' });
    const [a, b] = fromAlertmanagerWebhook({ alerts: [alert({ b: '2', a: '1' }), alert({ a: '1', b: '2' })] });
    expect(a!.id).toBe(b!.id);
    expect(a!.fingerprint).toBeUndefined();
    // No severity label, or an unknown word: warning (documented default); known words map case-insensitively.
    expect(a!.severity).toBe('warning');
    const severities = fromAlertmanagerWebhook({ alerts: [alert({ severity: 'PAGE' }), alert({ severity: 'toString' }), alert({ severity: 'Crit' })] }).map((x) => x.severity);
    expect(severities).toEqual(['critical', 'warning', 'critical']);
    // Without the ciId label, no ciId.
    expect(fromAlertmanagerWebhook({ alerts: [alert({ a: '1' })] }, { ciIdLabel: 'instance' })[0]!.ciId).toBeUndefined();
  });
});
