import { describe, expect, it } from 'vitest';
import { createCorrelator, fromAlertmanagerWebhook, fromGrafanaWebhook, fromPagerDutyEvent } from 'itsm-kit/correlation';
import { isItsmValidationError } from 'itsm-kit/models';

const amPayload = {
  version: '4',
  groupKey: '{}:{alertname="DbDown"}',
  truncatedAlerts: 0,
  status: 'firing',
  receiver: 'itsm',
  groupLabels: { alertname: 'DbDown' },
  commonLabels: { alertname: 'DbDown' },
  commonAnnotations: {},
  externalURL: 'http://alertmanager:9093',
  alerts: [
    {
      status: 'firing',
      labels: { alertname: 'DbDown', severity: 'critical', instance: 'db-1' },
      annotations: { summary: 'db down' },
      startsAt: '2026-11-23T08:00:00.123456789+01:00',
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus/graph',
      fingerprint: 'a1b2c3d4e5f60718',
    },
    {
      status: 'resolved',
      labels: { alertname: 'DbSlow', severity: 'error' },
      annotations: {},
      startsAt: '2026-11-23T07:00:00Z',
      endsAt: '2026-11-23T07:30:00Z',
      generatorURL: '',
      fingerprint: '0011223344556677',
    },
  ],
};

describe('adapters', () => {
  it('maps an Alertmanager webhook', () => {
    const [a, b] = fromAlertmanagerWebhook(amPayload, { ciIdLabel: 'instance' });
    expect(a).toMatchObject({ status: 'firing', severity: 'critical', fingerprint: 'a1b2c3d4e5f60718', startsAt: '2026-11-23T07:00:00.123Z', ciId: 'db-1', source: 'alertmanager' });
    expect(a!.endsAt).toBeUndefined();
    expect(b).toMatchObject({ status: 'resolved', severity: 'major', endsAt: '2026-11-23T07:30:00.000Z' });
    const c = createCorrelator({ rules: [{ id: 'all', groupBy: ['alertname'] }] });
    expect(c.ingest(c.initialState(), [a!, b!], Date.parse('2026-11-23T08:00:00Z')).decisions.map((d) => d.type)).toEqual(['open-incident', 'alert-resolved']);
  });

  it('maps a Grafana webhook', () => {
    const alerts = fromGrafanaWebhook({
      receiver: 'My Super Webhook', status: 'firing', orgId: 1, title: '[FIRING:1]', state: 'alerting', message: '...',
      alerts: [{ status: 'firing', labels: { alertname: 'High memory usage', team: 'blue' }, annotations: { summary: 'zone us-1' }, startsAt: '2021-10-12T09:51:03.157076+02:00', endsAt: '0001-01-01T00:00:00Z', generatorURL: 'https://play.grafana.org/alerting/1afz29v7z/edit', fingerprint: 'c6eadffa33fcdf37', silenceURL: 'x', dashboardURL: '', panelURL: '', values: { B: 44.2, C: 1 } }],
    });
    expect(alerts[0]).toMatchObject({ source: 'grafana', startsAt: '2021-10-12T07:51:03.157Z', severity: 'warning', fingerprint: 'c6eadffa33fcdf37' });
  });

  it('maps PagerDuty Events API v2 trigger, resolve and acknowledge', () => {
    const trigger = fromPagerDutyEvent({ routing_key: 'R', event_action: 'trigger', dedup_key: 'db-1/down', payload: { summary: 'DB down', source: 'db-1', severity: 'error', timestamp: '2026-11-23T08:00:00Z', custom_details: { free: 0 } } });
    expect(trigger[0]).toMatchObject({ status: 'firing', severity: 'major', fingerprint: 'db-1/down', labels: { alertname: 'DB down', source: 'db-1' }, annotations: { custom_details: '{"free":0}' } });
    const resolve = fromPagerDutyEvent({ routing_key: 'R', event_action: 'resolve', dedup_key: 'db-1/down' }, { receivedAt: Date.parse('2026-11-23T09:00:00Z') });
    expect(resolve[0]).toMatchObject({ status: 'resolved', fingerprint: 'db-1/down', endsAt: '2026-11-23T09:00:00.000Z' });
    expect(fromPagerDutyEvent({ routing_key: 'R', event_action: 'acknowledge', dedup_key: 'x' })).toEqual([]);
    const c = createCorrelator({ rules: [{ id: 'all' }] });
    const s = c.ingest(c.initialState(), trigger, Date.parse('2026-11-23T08:00:00Z')).state;
    expect(c.ingest(s, resolve, Date.parse('2026-11-23T09:00:00Z')).decisions.map((d) => d.type)).toEqual(['alert-resolved', 'resolve-incident']);
  });

  it('throws ItsmValidationError naming the field of a bad payload', () => {
    for (const [fn, bad, path] of [
      [fromAlertmanagerWebhook, { alerts: [{ status: 'on', labels: {}, annotations: {}, startsAt: 'x' }] }, 'alerts.0.status'],
      [fromPagerDutyEvent, { routing_key: 'R', event_action: 'trigger' }, 'payload'],
      [fromGrafanaWebhook, { alerts: 'no' }, 'alerts'],
    ] as const) {
      try {
        fn(bad as never);
        expect.unreachable();
      } catch (e) {
        expect(isItsmValidationError(e)).toBe(true);
        expect((e as { issues: { path: string }[] }).issues.map((i) => i.path)).toContain(path);
      }
    }
  });
});
