/**
 * Alert correlation: a pure, deterministic engine that turns alert storms into few, well-formed
 * incidents. Dedup by fingerprint, rules (first match wins, `continue`), grouping with windows,
 * `groupWait`, `minAlerts` and `maxGroupAge`, inhibition, maintenance windows (fixed, recurring, from
 * changes), flapping, auto-pause, topology-based grouping and re-rooting, storm limits, and adapters
 * for Alertmanager, PagerDuty and Grafana payloads.
 *
 * @module correlation
 */
export { createCorrelator, type Correlator, type CorrelatorOutput, type CreateCorrelatorOptions, type IncidentActionOutput } from './correlator';
export type { IncidentActionOutcome } from './host-actions';
export type { CorrelationGroup } from './group-view';
export {
  CorrelatorConfigSchema,
  CorrelationRuleSchema,
  InhibitRuleSchema,
  MaintenanceWindowSchema,
  MatcherSchema,
  IncidentTemplateSchema,
  SeverityMappingSchema,
  CORRELATOR_LIMITS,
  MATCHER_FIELDS,
  MATCHER_OPS,
  type CorrelatorConfig,
  type CorrelatorConfigInput,
  type CorrelationRule,
  type InhibitRule,
  type MaintenanceWindow,
  type Matcher,
  type MatcherField,
  type MatcherOp,
  type SeverityMapping,
} from './config-schema';
export { DurationSchema, MAX_DURATION_MS, type DurationInput } from './duration';
export type * from './decisions';
export type { CorrelatorState, GroupRecord, InhibitEntry } from './state';
export { upgradeCorrelatorState } from './migrate-v1';
export type { FingerprintRecord, FingerprintTable } from './fp-table';
export type { ParkedAlert } from './parked';
export type { BucketTable } from './table';
export type { CiCounts } from './ci-counts';
export { fingerprintOf, labelsFingerprint } from './identity';
export { maintenanceFromChanges } from './maintenance';
export { DEFAULT_SEVERITY_MAPPING } from './rules';
export type { CorrelationTopology } from './topology-view';
export { fromAlertmanagerWebhook, AlertmanagerWebhookSchema, AlertmanagerAlertSchema, type AlertmanagerWebhook } from './adapters/alertmanager';
export { fromGrafanaWebhook, GrafanaWebhookSchema, type GrafanaWebhook } from './adapters/grafana';
export { fromPagerDutyEvent, PagerDutyEventSchema, type PagerDutyEvent, type FromPagerDutyEventOptions } from './adapters/pagerduty';
export type { AdapterOptions } from './adapters/shared';
export { createAlertMatcher } from './alert-matcher';
