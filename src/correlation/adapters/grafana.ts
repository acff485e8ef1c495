import { optionsObject } from '../../_lib/hardening-options';
import { z } from 'zod';
import type { Alert } from '../../models/alert';
import { AlertmanagerAlertSchema, mapAlertmanagerAlerts } from './alertmanager';
import type { AdapterOptions } from './shared';
import { finishAlerts, parsePayload } from './shared';

/**
 * A Grafana Alerting webhook payload: Alertmanager's shape plus `orgId`, `title`, `state`, `message`
 * and per-alert `values`, `valueString`, `silenceURL`, `dashboardURL`, `panelURL`. Unknown fields are
 * ignored.
 *
 * @example
 * GrafanaWebhookSchema.parse({ receiver: 'itsm', status: 'firing', orgId: 1, alerts: [] })
 */
export const GrafanaWebhookSchema = z.looseObject({
  receiver: z.string().max(512).optional(),
  status: z.enum(['firing', 'resolved']).optional(),
  orgId: z.number().optional(),
  title: z.string().max(8_192).optional(),
  alerts: z.array(AlertmanagerAlertSchema.extend({ valueString: z.string().max(8_192).optional() })).max(10_000),
});
/** A Grafana webhook payload. @example const p: GrafanaWebhook['alerts'] = []; */
export type GrafanaWebhook = z.infer<typeof GrafanaWebhookSchema>;

/**
 * Maps a Grafana Alerting webhook payload onto alerts (as {@link fromAlertmanagerWebhook}, source
 * `grafana`; offsets such as `+02:00` and microseconds normalized to UTC).
 *
 * @example
 * fromGrafanaWebhook({ receiver: 'itsm', status: 'firing', orgId: 1, alerts: [{ status: 'firing',
 *   labels: { alertname: 'High memory usage', team: 'blue' }, annotations: {},
 *   startsAt: '2021-10-12T09:51:03.157076+02:00', endsAt: '0001-01-01T00:00:00Z', fingerprint: 'c6eadffa33fcdf37' }] })[0]?.startsAt
 * //=> '2021-10-12T07:51:03.157Z'
 */
export function fromGrafanaWebhook(payload: unknown, options?: AdapterOptions): Alert[] {
  const parsed = parsePayload(GrafanaWebhookSchema, 'Grafana webhook', payload);
  return finishAlerts('Grafana webhook', mapAlertmanagerAlerts('grafana', parsed.alerts, optionsObject(options, 'Grafana webhook')));
}
