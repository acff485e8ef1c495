import { optionsObject } from '../../_lib/hardening-options';
import { ItsmValidationError } from '../../_lib/errors';
import { z } from 'zod';
import type { Alert, AlertInput } from '../../models/alert';
import type { AdapterOptions } from './shared';
import { boundedId, finishAlerts, normalizeTime, parsePayload, severityFromWord, VendorLabelsSchema } from './shared';

/**
 * One alert of an Alertmanager (or Grafana) webhook payload.
 *
 * @example
 * AlertmanagerAlertSchema.parse({ status: 'firing', labels: { alertname: 'X' }, startsAt: '2026-11-23T08:00:00Z' })
 */
export const AlertmanagerAlertSchema = z.looseObject({
  status: z.enum(['firing', 'resolved']),
  labels: VendorLabelsSchema,
  annotations: VendorLabelsSchema,
  startsAt: z.string().max(64),
  endsAt: z.string().max(64).optional(),
  generatorURL: z.string().max(2_048).optional(),
  fingerprint: z.string().max(256).optional(),
});

/**
 * An Alertmanager webhook payload (`version` 4): `status`, `receiver`, `groupLabels`, `commonLabels`,
 * `externalURL`, `groupKey`, `truncatedAlerts` and `alerts`. Unknown fields are ignored.
 *
 * @example
 * AlertmanagerWebhookSchema.parse({ version: '4', status: 'firing', receiver: 'itsm', alerts: [] })
 */
export const AlertmanagerWebhookSchema = z.looseObject({
  version: z.string().max(16).optional(),
  status: z.enum(['firing', 'resolved']).optional(),
  receiver: z.string().max(512).optional(),
  groupKey: z.string().max(8_192).optional(),
  alerts: z.array(AlertmanagerAlertSchema).max(10_000),
});
/** An Alertmanager webhook payload. @example const p: AlertmanagerWebhook['alerts'] = []; */
export type AlertmanagerWebhook = z.infer<typeof AlertmanagerWebhookSchema>;

/** Maps Alertmanager-shaped alerts (also Grafana's) onto the model. */
export function mapAlertmanagerAlerts(source: string, alerts: readonly z.infer<typeof AlertmanagerAlertSchema>[], options: AdapterOptions): AlertInput[] {
  const label = options.ciIdLabel;
  if (label !== undefined && typeof label !== 'string') throw ItsmValidationError.at(`${source} webhook options`, ['ciIdLabel'], 'must be a label name');
  return alerts.map((a) => {
    const startsAt = normalizeTime(a.startsAt) ?? a.startsAt;
    const endsAt = a.status === 'resolved' ? normalizeTime(a.endsAt) : undefined;
    const ciId = label !== undefined && Object.hasOwn(a.labels, label) ? a.labels[label] : undefined;
    const fingerprint = a.fingerprint ? boundedId(a.fingerprint) : undefined;
    const idBase = fingerprint ?? Object.keys(a.labels).sort().map((k) => `${k}=${a.labels[k]}`).join(',');
    return {
      id: boundedId(`${source}:${idBase}:${a.status}:${endsAt ?? startsAt}`),
      source,
      ...(fingerprint ? { fingerprint } : {}),
      status: a.status,
      severity: severityFromWord(a.labels.severity),
      labels: a.labels,
      annotations: a.annotations,
      startsAt,
      ...(endsAt ? { endsAt } : {}),
      ...(ciId ? { ciId } : {}),
      ...(a.generatorURL ? { generatorUrl: a.generatorURL } : {}),
    };
  });
}

/**
 * Maps an Alertmanager webhook payload onto alerts: fingerprint carried, severity from the `severity`
 * label (critical/error/warning/info and common synonyms; otherwise `warning`), times normalized to
 * UTC, Go's zero `endsAt` dropped. Throws ItsmValidationError naming the field of a bad payload.
 *
 * @example
 * fromAlertmanagerWebhook({ version: '4', status: 'firing', receiver: 'itsm', alerts: [{
 *   status: 'firing', labels: { alertname: 'DbDown', severity: 'critical' }, annotations: {},
 *   startsAt: '2026-11-23T08:00:00Z', endsAt: '0001-01-01T00:00:00Z', fingerprint: 'c6eadffa33fcdf37' }] })[0]?.severity
 * //=> 'critical'
 */
export function fromAlertmanagerWebhook(payload: unknown, options?: AdapterOptions): Alert[] {
  const parsed = parsePayload(AlertmanagerWebhookSchema, 'Alertmanager webhook', payload);
  return finishAlerts('Alertmanager webhook', mapAlertmanagerAlerts('alertmanager', parsed.alerts, optionsObject(options, 'Alertmanager webhook')));
}
