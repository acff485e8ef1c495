/**
 * Act 4: the metrics close the day. The other tickets of the day come from the testing builders; every
 * incident's SLA clocks are replayed from a simple history; MTTA and MTTR are counted in wall-clock and
 * in desk business time; web-shop availability comes from the P1 outage, within service hours.
 */
import { createCalendar } from '../../src/calendar';
import { availability, backlogAge, mtta, mttr, outagesFromIncidents, reopenRate, slaCompliance } from '../../src/metrics';
import type { Incident } from '../../src/models';
import { evaluateSla, type SlaResult } from '../../src/sla';
import { anIncident } from '../../src/testing';
import { RESOLUTION, RESPONSE } from './incident';
import { BERLIN_DESK, monday } from './setting';

/** The rest of Monday's tickets: opened, acknowledged and (mostly) resolved at fixed Berlin times. */
export function otherIncidents(): Incident[] {
  const day = (id: string, n: string, text: string, priority: 1 | 2 | 3 | 4 | 5, opened: string, ack: string, resolved: string | null, extra: Partial<Incident> = {}) =>
    anIncident({
      id, number: n, shortDescription: text, priority, state: resolved === null ? 'in_progress' : 'resolved',
      openedAt: monday(opened), acknowledgedAt: monday(ack), updatedAt: monday(resolved ?? ack),
      ...(resolved === null ? {} : { resolvedAt: monday(resolved) }), ...extra,
    });
  return [
    day('inc-31', 'INC0010031', 'Password reset for a sales user', 4, '08:03', '08:09', '08:25'),
    day('inc-35', 'INC0010035', 'Printer on the 3rd floor jams', 4, '09:12', '09:40', '11:05'),
    day('inc-38', 'INC0010038', 'VPN drops for remote staff', 3, '10:02', '10:20', '14:30', { reopenCount: 1 }),
    day('inc-43', 'INC0010043', 'Checkout slow for some customers', 2, '08:14', '08:31', '16:26', { service: 'web-shop' }),
    day('inc-46', 'INC0010046', 'Laptop does not boot', 3, '13:15', '13:50', null),
  ];
}

/** A minimal history of a record: new at openedAt, in progress at acknowledgedAt, resolved at resolvedAt. */
function historyOf(inc: Incident) {
  const base = { priority: inc.priority };
  return [
    { at: inc.openedAt, record: { ...base, state: 'new' } },
    ...(inc.acknowledgedAt ? [{ at: inc.acknowledgedAt, record: { ...base, state: 'in_progress', acknowledgedAt: inc.acknowledgedAt } }] : []),
    ...(inc.resolvedAt ? [{ at: inc.resolvedAt, record: { ...base, state: 'resolved', acknowledgedAt: inc.acknowledgedAt } }] : []),
  ];
}

/** The closing figures of the day, ready to print as `[metric, value]` rows. */
export function closeTheDay(major: Incident, majorClocks: ReadonlyArray<{ policy: { id: string }; result: SlaResult }>, now: string) {
  const incidents = [major, ...otherIncidents()];
  const period = { from: monday('00:00'), to: monday('00:00', 24) };
  const desk = createCalendar(BERLIN_DESK);
  const clocks = [
    ...majorClocks.map((c) => ({ ...c.result, policyId: c.policy.id })),
    ...otherIncidents().flatMap((inc) => [RESPONSE, RESOLUTION].map((p) => ({ ...evaluateSla(p, historyOf(inc), now), policyId: p.id }))),
  ];
  const byPolicy = slaCompliance(clocks, { groupBy: 'policyId' });
  return {
    incidents,
    mtta: mtta(incidents, { period }),
    mttr: mttr(incidents, { period }),
    mttrBusiness: mttr(incidents, { period, calendar: desk }),
    mttrByPriority: mttr(incidents, { period, groupBy: 'priority' }),
    compliance: byPolicy,
    availability: availability(outagesFromIncidents(incidents.filter((i) => i.priority === 1 && i.service === 'web-shop')), { period, serviceHours: desk }),
    reopen: reopenRate(incidents, { period }),
    backlog: backlogAge(incidents, { period: { from: period.from, to: now } }),
  };
}
