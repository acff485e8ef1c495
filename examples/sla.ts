/**
 * itsm-kit/sla: a P1 resolution clock on business hours, paused on hold; and its SVG timeline.
 * Run: npx tsx examples/sla.ts
 */
import { createSlaPolicy, evaluateSla, incidentResolutionPolicy, slaTimelineSvg } from '../src/sla';

const office = [{ start: '08:00', end: '17:00' }];
const policy = createSlaPolicy(incidentResolutionPolicy({ calendar: { timeZone: 'Europe/Berlin', week: { mon: office, tue: office, wed: office, thu: office, fri: office } } }));
const timeline = [
  { at: '2026-11-23T08:00:00Z', record: { state: 'new', priority: 1 } },
  { at: '2026-11-23T09:00:00Z', record: { state: 'on_hold', priority: 1 } },
  { at: '2026-11-23T10:30:00Z', record: { state: 'in_progress', priority: 1 } },
];
const now = '2026-11-23T13:00:00Z';
const r = evaluateSla(policy, timeline, now);
console.log(`status ${r.status}, elapsed ${r.elapsedMs / 60_000} min of ${r.targetMs! / 60_000}, paused ${r.pausedMs / 60_000} min`);
console.log(`due at ${r.dueAt?.toISOString()}, warnings crossed: ${r.warnings.map((w) => `${w.threshold * 100}% at ${w.at.toISOString()}`).join(', ') || 'none'}`);
console.log(`wake me at ${r.nextEvaluationAt?.toISOString()}`);
const svg = slaTimelineSvg(r, { policy, timeline, now, title: 'INC0010001 resolution' });
console.log(`SVG timeline: ${svg.length} bytes, ${svg.match(/data-kind="/g)?.length ?? 0} segments`);
