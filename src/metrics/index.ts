/**
 * Service metrics as pure functions over arrays of records and a reporting period `[from, to)`: MTTA
 * and MTTR (mean, median, nearest-rank p90/p99, optionally in business time), MTBF, availability and
 * downtime from merged outage windows (optionally within service hours), SLA compliance from
 * `evaluateSla` results, change success rate, emergency-change ratio, changes that caused incidents,
 * reopen rate, first-time fix rate and backlog age buckets. Each metric groups by a field or any key
 * function, costs time linear in the number of records, and documents its exact definition; an empty
 * denominator gives `null`, never NaN. See docs/guides/metrics.md for the definitions table.
 *
 * @module metrics
 */
export type { ReportingPeriod } from './period';
export type { GroupBy, GroupKey, Grouped } from './grouping';
export type { BusinessTimeOption, BusinessTimeSource } from './business-time';
export { summarizeDurations, percentile, type DurationStats } from './summary';
export type { OpenedRecord, PeriodMembership, ResultFor, TimeToEventOptions } from './time-to-event';
export { mtta, type AcknowledgeableRecord } from './mtta';
export { mttr, type ResolvableRecord } from './mttr';
export { mergeOutages, outagesFromIncidents, type IncidentOutage, type MergedOutage, type MergeOutagesOptions, type OutageWindow } from './outages';
export { availability, type AvailabilityOptions, type AvailabilityResult } from './availability';
export { mtbf, type MtbfResult } from './mtbf';
export { slaCompliance, SLA_STATUSES, type SlaComplianceOptions, type SlaComplianceResult, type SlaOutcome, type SlaStatusName } from './sla-compliance';
export type { RateResult } from './rate';
export { reopenRate, firstTimeFixRate, type FirstTimeFixResult, type IncidentRateOptions, type ResolvedIncidentFields } from './incident-quality';
export { changeSuccessRate, emergencyChangeRatio, type ChangeFields, type ChangeMetricOptions, type ChangeSuccessResult } from './change-metrics';
export { changesCausingIncidents, type CausedIncidentFields, type ChangesCausingIncidentsResult } from './changes-causing-incidents';
export { backlogAge, DEFAULT_BACKLOG_BOUNDARIES_MS, type BacklogAgeOptions, type BacklogAgeResult, type BacklogBucket, type BacklogRecordFields } from './backlog-age';
