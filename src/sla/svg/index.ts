/**
 * The SLA timeline picture: `slaTimelineSvg` and the segments it draws (internal barrel; the public
 * names are re-exported by `itsm-kit/sla`).
 */
export { slaTimelineSvg } from './timeline-svg';
export { slaClockSegments, SLA_SEGMENT_KINDS, type SlaClockSegment, type SlaSegmentKind } from './segments';
export type { SlaTimelineLane, SlaTimelineSvgOptions } from './options';
