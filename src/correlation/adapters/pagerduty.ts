import { optionsObject } from '../../_lib/hardening-options';
import { z } from 'zod';
import { ItsmValidationError } from '../../_lib/errors';
import { toEpochMs } from '../../_lib/instant';
import type { InstantInput } from '../../_lib/instant';
import type { Alert } from '../../models/alert';
import { boundedId, finishAlerts, normalizeTime, parsePayload, severityFromWord } from './shared';

/**
 * A PagerDuty Events API v2 event: `routing_key`, `event_action` (`trigger` | `acknowledge` |
 * `resolve`), `dedup_key` (required except on trigger), and on trigger a `payload` with `summary`,
 * `source`, `severity` (critical/error/warning/info), optional `timestamp`, `component`, `group`,
 * `class`, `custom_details`. Unknown fields are ignored.
 *
 * @example
 * PagerDutyEventSchema.parse({ routing_key: 'R', event_action: 'resolve', dedup_key: 'db-1/down' })
 */
export const PagerDutyEventSchema = z
  .looseObject({
    routing_key: z.string().max(256),
    event_action: z.enum(['trigger', 'acknowledge', 'resolve']),
    dedup_key: z.string().min(1).max(255).optional(),
    payload: z
      .looseObject({
        summary: z.string().min(1).max(1_024),
        source: z.string().min(1).max(255),
        severity: z.enum(['critical', 'error', 'warning', 'info']),
        timestamp: z.string().max(64).optional(),
        component: z.string().max(255).optional(),
        group: z.string().max(255).optional(),
        class: z.string().max(255).optional(),
        custom_details: z.unknown().optional(),
      })
      .optional(),
  })
  .superRefine((e, ctx) => {
    if (e.event_action === 'trigger' && e.payload === undefined) ctx.addIssue({ code: 'custom', path: ['payload'], message: 'required for trigger' });
    if (e.event_action !== 'trigger' && e.dedup_key === undefined) ctx.addIssue({ code: 'custom', path: ['dedup_key'], message: `required for ${e.event_action}` });
  });
/** A PagerDuty Events API v2 event. @example const a: PagerDutyEvent['event_action'] = 'trigger'; */
export type PagerDutyEvent = z.infer<typeof PagerDutyEventSchema>;

/** Options of {@link fromPagerDutyEvent}. @example const o: FromPagerDutyEventOptions = { receivedAt: Date.parse('2026-11-23T08:00:00Z') }; */
export interface FromPagerDutyEventOptions {
  /** When the event arrived: its time when it carries no `payload.timestamp` (resolve events never do). */
  readonly receivedAt?: InstantInput;
}

/**
 * Maps a PagerDuty Events API v2 event onto alerts: `trigger` fires, `resolve` resolves, `acknowledge`
 * maps to no alert (it is a human action, not a state of the monitored system). `dedup_key` becomes
 * the fingerprint (a trigger without one uses a hash of source, component, group, class and summary).
 * Severity: critical -> critical, error -> major, warning -> warning, info -> info.
 *
 * @example
 * fromPagerDutyEvent({ routing_key: 'R', event_action: 'trigger', dedup_key: 'db-1/down',
 *   payload: { summary: 'DB down', source: 'db-1', severity: 'error', timestamp: '2026-11-23T08:00:00Z' } })[0]?.severity
 * //=> 'major'
 */
export function fromPagerDutyEvent(event: unknown, options?: FromPagerDutyEventOptions): Alert[] {
  const { receivedAt } = optionsObject(options, 'PagerDuty event');
  const e = parsePayload(PagerDutyEventSchema, 'PagerDuty event', event);
  if (e.event_action === 'acknowledge') return [];
  const p = e.payload;
  const time = normalizeTime(p?.timestamp) ?? (receivedAt === undefined ? undefined : new Date(toEpochMs(receivedAt, 'receivedAt', 'PagerDuty event')).toISOString());
  if (time === undefined) throw ItsmValidationError.at('PagerDuty event', ['payload', 'timestamp'], 'needed (or options.receivedAt) to time the alert');
  const fingerprint = boundedId(e.dedup_key ?? `pd:${[p!.source, p!.component ?? '', p!.group ?? '', p!.class ?? '', p!.summary].join('|')}`);
  const status = e.event_action === 'trigger' ? 'firing' : 'resolved';
  const labels: Record<string, string> = {};
  if (p) {
    labels.alertname = p.summary;
    labels.source = p.source;
    if (p.component) labels.component = p.component;
    if (p.group) labels.group = p.group;
    if (p.class) labels.class = p.class;
  }
  const details = p?.custom_details === undefined ? undefined : JSON.stringify(p.custom_details);
  return finishAlerts('PagerDuty event', [
    {
      id: boundedId(`pagerduty:${fingerprint}:${status}:${time}`),
      source: 'pagerduty',
      fingerprint,
      status,
      severity: p ? severityFromWord(p.severity) : 'info',
      labels,
      annotations: details === undefined ? {} : { custom_details: details.slice(0, 8_192) },
      startsAt: time,
      ...(status === 'resolved' ? { endsAt: time } : {}),
    },
  ]);
}
