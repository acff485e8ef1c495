import { z } from 'zod';
import { ALERT_SEVERITIES } from '../models/alert';
import { ImpactSchema, UrgencySchema } from '../models/levels';
import { IdSchema, IsoTimestampSchema, LabelKeySchema } from '../models/primitives';
import { PriorityMatrixSchema } from '../models/priority';
import { CalendarDefinitionSchema } from '../calendar/definition';
import { TopologyDefinitionSchema } from '../topology/schema';
import { DurationSchema } from './duration';

/**
 * Size limits of a correlator config.
 *
 * @example
 * CORRELATOR_LIMITS.rules //=> 200
 */
export const CORRELATOR_LIMITS = {
  rules: 200,
  matchersPerList: 32,
  inValues: 1_000,
  patternLength: 1_024,
  groupByLabels: 16,
  inhibitRules: 200,
  maintenanceWindows: 1_000,
  ciIdsPerWindow: 1_000,
  titleTemplateLength: 512,
} as const;

/**
 * Alert fields a matcher can test besides labels.
 *
 * @example
 * MATCHER_FIELDS.includes('severity') //=> true
 */
export const MATCHER_FIELDS = ['source', 'severity', 'status', 'ciId', 'fingerprint', 'id'] as const;
/** A matchable alert field. @example const f: MatcherField = 'ciId'; */
export type MatcherField = (typeof MATCHER_FIELDS)[number];

/**
 * Matcher operators. `regex`/`notRegex` match the whole value (anchored, as in Alertmanager) with
 * re2js, in linear time. A missing label or field counts as the empty string, except for `exists`.
 *
 * @example
 * MATCHER_OPS //=> ['eq', 'neq', 'in', 'regex', 'notRegex', 'exists']
 */
export const MATCHER_OPS = ['eq', 'neq', 'in', 'regex', 'notRegex', 'exists'] as const;
/** A matcher operator. @example const op: MatcherOp = 'regex'; */
export type MatcherOp = (typeof MATCHER_OPS)[number];

/**
 * One condition on a label (`label`) or an alert field (`field`): `eq`/`neq`/`regex`/`notRegex` take
 * `value`, `in` takes `values`, `exists` takes an optional `value` of `true` (default) or `false`.
 *
 * @example
 * MatcherSchema.parse({ label: 'service', op: 'regex', value: 'db-.*' })
 * MatcherSchema.parse({ field: 'severity', op: 'in', values: ['critical', 'major'] })
 */
export const MatcherSchema = z
  .strictObject({
    label: LabelKeySchema.optional(),
    field: z.enum(MATCHER_FIELDS).optional(),
    op: z.enum(MATCHER_OPS),
    value: z.union([z.string().max(CORRELATOR_LIMITS.patternLength), z.boolean()]).optional(),
    values: z.array(z.string().max(1_024)).max(CORRELATOR_LIMITS.inValues).optional(),
  })
  .superRefine((m, ctx) => {
    if ((m.label === undefined) === (m.field === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['label'], message: 'give exactly one of label or field' });
    }
    if (m.op === 'in') {
      if (m.values === undefined) ctx.addIssue({ code: 'custom', path: ['values'], message: 'required for op "in"' });
      if (m.value !== undefined) ctx.addIssue({ code: 'custom', path: ['value'], message: 'op "in" takes values, not value' });
    } else if (m.op === 'exists') {
      if (m.value !== undefined && typeof m.value !== 'boolean') ctx.addIssue({ code: 'custom', path: ['value'], message: 'op "exists" takes true or false' });
    } else if (typeof m.value !== 'string') {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `required (a string) for op "${m.op}"` });
    }
    if (m.op !== 'in' && m.values !== undefined) ctx.addIssue({ code: 'custom', path: ['values'], message: 'only op "in" takes values' });
  });
/** A matcher. @example const m: Matcher = { label: 'env', op: 'eq', value: 'prod' }; */
export type Matcher = z.infer<typeof MatcherSchema>;

const MatchersSchema = z.array(MatcherSchema).max(CORRELATOR_LIMITS.matchersPerList, `at most ${CORRELATOR_LIMITS.matchersPerList} matchers`);

const ImpactUrgencySchema = z.strictObject({ impact: ImpactSchema, urgency: UrgencySchema });

/**
 * How alert severities map onto incident impact and urgency. Defaults: critical 1/1 (P1), major 2/1
 * (P2), minor 2/2 (P3), warning 3/2 (P4), info 3/3 (P5).
 *
 * @example
 * SeverityMappingSchema.parse({ critical: { impact: 1, urgency: 1 } })
 */
export const SeverityMappingSchema = z.partialRecord(z.enum(ALERT_SEVERITIES), ImpactUrgencySchema);
/** A severity mapping. @example const s: SeverityMapping = { info: { impact: 3, urgency: 3 } }; */
export type SeverityMapping = z.infer<typeof SeverityMappingSchema>;

/**
 * The incident an alert group opens: `title` with `{{label}}` placeholders (also `{{annotations.x}}`,
 * `{{ciId}}`, `{{source}}`, `{{severity}}`, `{{ruleId}}`), rendered from the group's first alert.
 *
 * @example
 * IncidentTemplateSchema.parse({ title: '{{alertname}} on {{service}}' })
 */
export const IncidentTemplateSchema = z.strictObject({
  title: z.string().min(1).max(CORRELATOR_LIMITS.titleTemplateLength).default('{{alertname}}'),
  severityMapping: SeverityMappingSchema.optional(),
  priorityMatrix: PriorityMatrixSchema.optional(),
});

/**
 * A correlation rule. Rules are tried in order; the first that matches takes the alert, unless it says
 * `continue: true`, which lets later rules see the alert too.
 *
 * @example
 * CorrelationRuleSchema.parse({ id: 'by-service', match: [{ label: 'env', op: 'eq', value: 'prod' }], groupBy: ['service'], window: '1h' })
 */
export const CorrelationRuleSchema = z.strictObject({
  id: IdSchema,
  match: MatchersSchema.default([]),
  continue: z.boolean().default(false),
  groupBy: z.array(LabelKeySchema).max(CORRELATOR_LIMITS.groupByLabels).default([]),
  window: DurationSchema.default(3_600_000),
  maxGroupAge: DurationSchema.default(86_400_000),
  groupWait: DurationSchema.default(0),
  minAlerts: z.int().min(1).max(10_000).default(1),
  template: IncidentTemplateSchema.default({ title: '{{alertname}}' }),
  resolveWhen: z.enum(['all', 'first', 'never']).default('all'),
  resolveAfter: DurationSchema.default(0),
  reopenWithin: DurationSchema.default(0),
  autoPause: DurationSchema.optional(),
  topology: z.strictObject({ hops: z.int().min(1).max(10).default(3) }).optional(),
});
/** A validated rule (durations in ms, defaults filled in). @example const r: CorrelationRule['resolveWhen'] = 'all'; */
export type CorrelationRule = z.infer<typeof CorrelationRuleSchema>;

/**
 * An inhibition rule (Alertmanager semantics): while an alert matching `source` fires, alerts matching
 * `target` whose `equal` labels have the same values (a missing label counts as empty) are suppressed.
 *
 * @example
 * InhibitRuleSchema.parse({ id: 'node-down', source: [{ label: 'alertname', op: 'eq', value: 'NodeDown' }], target: [{ label: 'severity', op: 'neq', value: 'critical' }], equal: ['node'] })
 */
export const InhibitRuleSchema = z.strictObject({
  id: IdSchema,
  source: MatchersSchema,
  target: MatchersSchema,
  equal: z.array(LabelKeySchema).max(CORRELATOR_LIMITS.groupByLabels).default([]),
});
/** An inhibition rule. @example const r: InhibitRule['equal'] = ['node']; */
export type InhibitRule = z.infer<typeof InhibitRuleSchema>;

/**
 * A maintenance window: alerts matching all of `match` (when given) and on one of `ciIds` (when given)
 * are suppressed while it is active. Active from `start` to `end`, or, with `calendar` (an itsm-kit
 * calendar definition), during the calendar's business time (bounded by `start`/`end` when given).
 *
 * @example
 * MaintenanceWindowSchema.parse({ id: 'patch', ciIds: ['db-1'], start: '2026-11-23T22:00:00Z', end: '2026-11-24T02:00:00Z' })
 */
export const MaintenanceWindowSchema = z
  .strictObject({
    id: IdSchema,
    match: MatchersSchema.optional(),
    ciIds: z.array(IdSchema).max(CORRELATOR_LIMITS.ciIdsPerWindow).optional(),
    start: IsoTimestampSchema.optional(),
    end: IsoTimestampSchema.optional(),
    calendar: CalendarDefinitionSchema.optional(),
  })
  .superRefine((w, ctx) => {
    if (w.match === undefined && w.ciIds === undefined) ctx.addIssue({ code: 'custom', path: ['match'], message: 'give match, ciIds or both' });
    if (w.calendar === undefined && (w.start === undefined || w.end === undefined)) {
      ctx.addIssue({ code: 'custom', path: [w.start === undefined ? 'start' : 'end'], message: 'required unless a calendar is given' });
    }
    if (w.start !== undefined && w.end !== undefined && Date.parse(w.end) <= Date.parse(w.start)) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after start' });
    }
  });
/** A maintenance window. @example const w: MaintenanceWindow['id'] = 'patch'; */
export type MaintenanceWindow = z.infer<typeof MaintenanceWindowSchema>;

/**
 * Correlator configuration: plain JSON. Durations are milliseconds or texts (`30s`, `5m`, `1h`).
 *
 * @example
 * CorrelatorConfigSchema.parse({ rules: [{ id: 'all', groupBy: ['service'] }] })
 */
export const CorrelatorConfigSchema = z.strictObject({
  rules: z.array(CorrelationRuleSchema).min(1, 'needs at least one rule').max(CORRELATOR_LIMITS.rules),
  inhibitRules: z.array(InhibitRuleSchema).max(CORRELATOR_LIMITS.inhibitRules).default([]),
  maintenance: z.array(MaintenanceWindowSchema).max(CORRELATOR_LIMITS.maintenanceWindows).default([]),
  flapping: z
    .strictObject({
      enabled: z.boolean().default(true),
      threshold: z.int().min(1).max(100).default(4),
      period: DurationSchema.default(3_600_000),
      quietPeriod: DurationSchema.default(3_600_000),
    })
    .default({ enabled: true, threshold: 4, period: 3_600_000, quietPeriod: 3_600_000 }),
  storm: z
    .strictObject({
      maxOpenGroups: z.int().min(1).max(10_000_000).default(100_000),
      maxAlertsPerIncident: z.int().min(1).max(1_000_000).default(300),
      maxTrackedAlerts: z.int().min(1).max(10_000_000).default(200_000),
    })
    .default({ maxOpenGroups: 100_000, maxAlertsPerIncident: 300, maxTrackedAlerts: 200_000 }),
  retention: DurationSchema.default(86_400_000),
  topology: TopologyDefinitionSchema.optional(),
});
/** A validated correlator config. @example const c: CorrelatorConfig['retention'] = 86400000; */
export type CorrelatorConfig = z.infer<typeof CorrelatorConfigSchema>;
/** What {@link CorrelatorConfigSchema} accepts. @example const c: CorrelatorConfigInput = { rules: [{ id: 'all' }] }; */
export type CorrelatorConfigInput = z.input<typeof CorrelatorConfigSchema>;
