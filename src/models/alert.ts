import { z } from 'zod';
import { AnnotationsSchema, IdSchema, IsoTimestampSchema, LabelsSchema, ShortTextSchema } from './primitives';

/**
 * Alert severities, most severe first.
 *
 * @example
 * ALERT_SEVERITIES[0] //=> 'critical'
 */
export const ALERT_SEVERITIES = ['critical', 'major', 'minor', 'warning', 'info'] as const;
/** An alert severity. @example const s: AlertSeverity = 'major'; */
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/**
 * Alert statuses.
 *
 * @example
 * ALERT_STATUSES //=> ['firing', 'resolved']
 */
export const ALERT_STATUSES = ['firing', 'resolved'] as const;
/** An alert status. @example const s: AlertStatus = 'firing'; */
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/**
 * A monitoring alert. `id` names this notification (decisions refer to it); `fingerprint`, when absent,
 * is computed by the correlator from the sorted labels, as Alertmanager does. `endsAt`, when present,
 * must not be before `startsAt`.
 *
 * @example
 * AlertSchema.parse({
 *   id: 'a-1', source: 'prometheus', status: 'firing', severity: 'critical',
 *   labels: { alertname: 'DbDown', host: 'db-1' }, startsAt: '2026-11-23T08:00:00Z', ciId: 'db-1',
 * })
 */
export const AlertSchema = z
  .strictObject({
    id: IdSchema,
    source: ShortTextSchema.min(1, 'must not be empty'),
    fingerprint: IdSchema.optional(),
    status: z.enum(ALERT_STATUSES),
    severity: z.enum(ALERT_SEVERITIES),
    labels: LabelsSchema.default({}),
    annotations: AnnotationsSchema.default({}),
    startsAt: IsoTimestampSchema,
    endsAt: IsoTimestampSchema.optional(),
    ciId: IdSchema.optional(),
    generatorUrl: z.string().max(2_048).optional(),
  })
  .refine((a) => !(a.endsAt && Date.parse(a.endsAt) < Date.parse(a.startsAt)), {
    message: 'must not be before startsAt',
    path: ['endsAt'],
  });

/** An alert record. @example const s: Alert['severity'] = 'critical'; */
export type Alert = z.infer<typeof AlertSchema>;
/** What {@link AlertSchema} accepts (labels and annotations may be omitted). @example const l: AlertInput['labels'] = {}; */
export type AlertInput = z.input<typeof AlertSchema>;
