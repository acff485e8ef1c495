/**
 * Act 1 of the demo: orders-db fails at 08:12 and 500+ alerts arrive; the correlator turns them into
 * one incident. Alerts: a seeded storm from every CI that depends on the database (with duplicate
 * notifications), a flapping health check, a host being patched under a scheduled change (its alerts
 * fall in the maintenance window the change implies), and the all-clear after the failover at 16:05.
 */
import { createCorrelator, maintenanceFromChanges, type CorrelatorOutput, type CorrelatorState, type Decision, type OpenIncidentDecision } from '../../src/correlation';
import type { Alert } from '../../src/models';
import { alertStorm, anAlert, flappingAlerts, type AlertArrival } from '../../src/testing';
import { createTopology } from '../../src/topology';
import { CIS, monday, RELATIONSHIPS, SCHEDULED_CHANGES } from './setting';

/** Everything that arrives at the event pipeline today, in delivery order. */
export function todaysAlerts(): AlertArrival[] {
  const storm = alertStorm({ seed: 23, start: monday('08:12'), upstreamCiId: 'orders-db', topology: RELATIONSHIPS, alertsPerDependant: 17, spreadMs: 4 * 60_000, duplicateRatio: 0.2 });
  const flapping = flappingAlerts({ seed: 5, start: monday('08:20'), ciId: 'search-worker', alertname: 'HealthCheckFailing', flaps: 5, periodMs: 6 * 60_000 });
  const patchedHost = (id: string, alertname: string, from: string, to: string): AlertArrival[] => {
    const alert = anAlert({ id, source: 'prometheus', severity: 'major', ciId: 'app-host-3', labels: { alertname, ci: 'app-host-3' }, startsAt: monday(from) });
    return [
      { receivedAt: monday(from), alert },
      { receivedAt: monday(to), alert: { ...alert, id: `${id}-ok`, status: 'resolved', endsAt: monday(to) } },
    ];
  };
  // After the failover at 16:05 the symptoms clear within ten minutes; the database's own check at 16:15.
  const seen = new Set<string>();
  const allClear = storm.flatMap(({ alert }, i): AlertArrival[] => {
    if (seen.has(alert.fingerprint ?? `${alert.labels.alertname}@${alert.ciId}`)) return [];
    seen.add(alert.fingerprint ?? `${alert.labels.alertname}@${alert.ciId}`);
    const endsAt = alert.ciId === 'orders-db' ? monday('16:15') : new Date(Date.parse(monday('16:05')) + (i % 10) * 60_000).toISOString();
    return [{ receivedAt: endsAt, alert: { ...alert, id: `${alert.id}-ok`, status: 'resolved', endsAt } satisfies Alert }];
  });
  return [...storm, ...flapping, ...patchedHost('host-1', 'NodeNotReady', '08:05', '08:50'), ...patchedHost('host-2', 'HighCpu', '08:40', '08:55'), ...allClear]
    .map((a, order) => ({ a, order }))
    .sort((x, y) => Date.parse(x.a.receivedAt) - Date.parse(y.a.receivedAt) || x.order - y.order)
    .map(({ a }) => a);
}

/** The correlator: CMDB-based grouping (3 hops) with a 30 s group wait, reopening within 2 h; maintenance from the change schedule. */
export function deskCorrelator() {
  return createCorrelator(
    {
      rules: [{ id: 'cmdb-outage', groupBy: ['alertname'], topology: { hops: 3 }, groupWait: '30s', resolveAfter: '10m', reopenWithin: '2h', template: { title: '{{alertname}} on {{ciId}}' } }],
      maintenance: maintenanceFromChanges(SCHEDULED_CHANGES),
    },
    { topology: createTopology({ cis: CIS, relationships: RELATIONSHIPS }) },
  );
}

/** Feeds the alerts as they arrive, waking the correlator at every `nextTickAt` in between; the decisions and the state after. */
export function correlate(arrivals: readonly AlertArrival[], until: string): { decisions: Decision[]; state: CorrelatorState } {
  const correlator = deskCorrelator();
  let state = correlator.initialState();
  let nextTickAt: number | null = null;
  const decisions: Decision[] = [];
  const take = (out: CorrelatorOutput) => {
    state = out.state;
    decisions.push(...out.decisions);
    nextTickAt = out.nextTickAt;
  };
  const tickUntil = (t: number) => {
    while (nextTickAt !== null && nextTickAt <= t) take(correlator.tick(state, nextTickAt));
  };
  for (const { receivedAt, alert } of arrivals) {
    tickUntil(Date.parse(receivedAt));
    take(correlator.ingest(state, alert, Date.parse(receivedAt)));
  }
  tickUntil(Date.parse(until));
  return { decisions, state };
}

/**
 * The desk closes the ticket and the correlator is told (`closeIncident`): the first decision for a
 * new alert on the database a few minutes later, after that call (`next`) and without it (`unclosed`,
 * a reopen within the rule's 2 h; Keep #2481).
 */
export function closeAndAlertAgain(state: CorrelatorState, incidentKey: string, closedAt: string, alertAt: string): { outcome: string; next: Decision | undefined; unclosed: Decision | undefined } {
  const correlator = deskCorrelator();
  const closed = correlator.closeIncident(state, incidentKey, Date.parse(closedAt));
  const again = anAlert({ id: 'after-close-1', source: 'prometheus', severity: 'critical', ciId: 'orders-db', labels: { alertname: 'ServiceDown', ci: 'orders-db' }, startsAt: alertAt });
  const first = (s: CorrelatorState) => correlator.ingest(s, again, Date.parse(alertAt)).decisions[0];
  return { outcome: closed.outcome, next: first(closed.state), unclosed: first(state) };
}

/** The incidents the correlator opened. */
export const openedIncidents = (decisions: readonly Decision[]) => decisions.filter((d): d is OpenIncidentDecision => d.type === 'open-incident');
