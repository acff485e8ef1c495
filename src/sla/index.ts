/**
 * SLA clocks on business calendars: response and resolution targets with pauses, priority changes,
 * resets, retroactive starts and warnings, evaluated exactly to the millisecond by replaying a record's
 * history (`evaluateSla`) or incrementally (`startSla` / `advanceSla` / `slaStatus`), with the same
 * results either way.
 *
 * @example
 * import { createSlaPolicy, evaluateSla, incidentResolutionPolicy } from 'itsm-kit/sla';
 * const policy = createSlaPolicy(incidentResolutionPolicy());
 * const r = evaluateSla(policy, [{ at: '2026-11-23T08:00:00Z', record: { state: 'new', priority: 1 } }], '2026-11-23T10:00:00Z');
 * r.percentage //=> 50
 *
 * @module sla
 */
export { createSlaPolicy, type SlaPolicy } from './policy';
export {
  SlaPolicyDefinitionSchema,
  SlaTargetSchema,
  SlaDurationSchema,
  type SlaPolicyDefinition,
  type SlaPolicyDefinitionInput,
  type SlaTarget,
} from './policy-schema';
export { SlaConditionSchema, type SlaCondition, type SlaFieldCondition, type SlaConditionScalar } from './condition-schema';
export { FieldPathSchema } from './field-path';
export { SLA_LIMITS } from './limits';
export { evaluateSla } from './evaluate';
export { startSla, advanceSla, slaStatus } from './incremental';
export { SlaStateSchema } from './state-schema';
export type { SlaState, SlaClockStatus } from './state';
export type { SlaResult, SlaWarning } from './result';
export type { SlaTimelineEntry } from './timeline';
export {
  incidentResponsePolicy,
  incidentResolutionPolicy,
  INCIDENT_RESPONSE_PRESET,
  INCIDENT_RESOLUTION_PRESET,
  type IncidentSlaPresetOptions,
} from './presets';
export { slaTimelineSvg, slaClockSegments, SLA_SEGMENT_KINDS, type SlaClockSegment, type SlaSegmentKind, type SlaTimelineLane, type SlaTimelineSvgOptions } from './svg';
