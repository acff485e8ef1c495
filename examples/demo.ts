/**
 * `npm run demo`: a Monday at the service desk, end to end, with no network and no setup.
 *
 * 08:12 Berlin: the orders database fails. 500+ alerts arrive from the services that depend on it
 * (with duplicates, a flapping check, and a host in the maintenance window of a scheduled change); the
 * correlator opens one incident rooted at the database; the incident is assigned, held awaiting the
 * storage vendor, resumed, resolved and closed while its response and resolution SLA clocks run on the
 * Berlin desk calendar (and the correlator is told the ticket closed, so a later alert opens anew); a problem becomes a known error and the change that fixes it is scheduled
 * around the Cyber Week blackout; the metrics close the day. Every instant is fixed, so every run
 * prints the same report and writes the same SVG (to `demo-output/`, or `--out <dir>`).
 *
 * Only the public module entry points are imported (`../src/<module>`, i.e. `itsm-kit/<module>`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { slaTimelineSvg } from '../src/sla';
import { closeAndAlertAgain, correlate, openedIncidents, todaysAlerts } from './demo/storm';
import { IncidentFile, workTheIncident } from './demo/incident';
import { planTheFix } from './demo/fix';
import { closeTheDay } from './demo/metrics';
import { monday, PEOPLE } from './demo/setting';
import { at, duration, heading, pct, table } from './support/report';
import type { Decision } from '../src/correlation';

const outDir = process.argv.includes('--out') ? (process.argv[process.argv.indexOf('--out') + 1] ?? 'demo-output') : 'demo-output';
const endOfDay = monday('17:30');

console.log('itsm-kit demo: a Monday at the service desk (Monday 23 November 2026, times in Europe/Berlin)');

// Act 1: the storm.
heading('08:12  orders-db fails: the alert storm');
const arrivals = todaysAlerts();
const { decisions, state: correlatorState } = correlate(arrivals, endOfDay);
const firing = arrivals.filter((a) => a.alert.status === 'firing');
console.log(`Notifications received: ${arrivals.length} (${firing.length} firing from ${new Set(firing.map((a) => a.alert.ciId)).size} CIs, ${arrivals.length - firing.length} resolved)\n`);
const counts = new Map<string, number>();
for (const d of decisions) {
  const key = d.type === 'suppressed' ? `suppressed (${d.reason})` : d.type === 'storm-detected' ? `storm-detected (${d.limit})` : d.type;
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
const firstAt = (key: string) => Math.min(...decisions.filter((d) => key.startsWith(d.type) && (d.type !== 'suppressed' || key.includes(d.reason))).map((d) => d.at));
table(['Correlator decision', 'Count', 'First at'], [...counts].sort((a, b) => firstAt(a[0]) - firstAt(b[0])).map(([type, n]) => [type, n, at(firstAt(type))]));
const opened = openedIncidents(decisions);
const incidentDecision = opened[0];
if (opened.length !== 1 || incidentDecision === undefined) throw new Error(`expected one incident, got ${opened.length}`);
const attached = decisions.filter((d) => d.type === 'attach-alert' && d.incidentKey === incidentDecision.incidentKey).length;
console.log(`\nCorrelator opened ${opened.length} incident, rooted at ${incidentDecision.rootCauseCiId}: "${incidentDecision.title}"`);
console.log(`  P${incidentDecision.priority}, opened with ${incidentDecision.alertIds.length} alerts from ${incidentDecision.ciIds.length} CIs after the 30 s group wait; ${attached} more alerts attached later.`);

// Act 2: the incident.
heading('08:12-16:28  The incident lifecycle');
const incident = new IncidentFile(incidentDecision);
workTheIncident(incident);
const fix = planTheFix(incident);
incident.apply({ type: 'close' }, PEOPLE.ana, '17:15', 'close (confirmed with the web shop team)');
table(['Time', 'Actor', 'Command', 'State'], incident.steps.map((s) => [at(s.at), s.actor, s.command, s.state]));
const afterClose = closeAndAlertAgain(correlatorState, incidentDecision.incidentKey, monday('17:15'), monday('17:20'));
const describe = (d: Decision | undefined) => (d?.type === 'pending' ? `a new group, ${d.groupKey} (pending)` : d?.type === 'reopen-incident' ? `reopen ${d.incidentKey}` : String(d?.type));
console.log(`\nThe correlator is told the ticket is closed: closeIncident(${incidentDecision.incidentKey}) -> ${afterClose.outcome}.`);
console.log(`A ServiceDown alert on orders-db at ${at(monday('17:20'))} now goes to ${describe(afterClose.next)}; untold, the correlator would ${describe(afterClose.unclosed)} (reopenWithin 2 h).`);

heading('17:30  SLA clocks of INC0010042 (Berlin desk calendar, Mon-Fri 08:00-12:00, 13:00-17:30)');
const clocks = incident.clocks(endOfDay);
table(
  ['Clock', 'Target', 'Elapsed', 'Paused', 'Outcome', 'Due / breached at', 'Warnings'],
  clocks.map(({ policy, result: r }) => [
    policy.definition.name ?? policy.id, duration(r.targetMs), duration(r.elapsedMs), duration(r.pausedMs),
    r.breached ? `breached (${pct(r.percentage)})` : r.status === 'stopped' ? `met (${pct(r.percentage)})` : r.status,
    at(r.breachedAt ?? r.dueAt), r.warnings.map((w) => `${w.threshold * 100}% ${at(w.at).slice(-8)}`).join(', ') || '-',
  ]),
);
const svg = slaTimelineSvg(
  clocks.map(({ policy, result }) => ({ policy, result })),
  { timeline: incident.timeline(), now: endOfDay, from: monday('08:00'), to: endOfDay, width: 1100, title: `${incident.record.number} · ${incident.record.shortDescription}`, idPrefix: 'inc-42-sla' },
);
mkdirSync(outDir, { recursive: true });
const svgPath = join(outDir, `${incident.record.number}-sla.svg`);
writeFileSync(svgPath, svg);
console.log(`\nSLA timeline written to ${svgPath} (${svg.length} bytes, drawn by slaTimelineSvg)`);

// Act 3: problem and change.
heading('16:32-17:06  Problem, known error and the fix');
table(['Time', 'Actor', 'Problem command', 'State'], fix.problemSteps.map((s) => [at(s.at), s.actor, s.command, s.state]));
console.log(`\n${fix.problem.number} known error: ${fix.problem.knownError ? 'yes' : 'no'}; workaround: ${fix.problem.workaround}`);
console.log(`\nFirst idea for ${fix.change.number}: ${at(fix.naivePlan.start)} to ${at(fix.naivePlan.end)}, conflicts:`);
for (const c of fix.naivePlan.conflicts) console.log(`  - ${c.type}: ${c.message}`);
console.log('\nfindChangeSlots suggests:');
table(['#', 'Planned start', 'Planned end'], fix.slots.map((s, i) => [i + 1, at(s.plannedStart), at(s.plannedEnd)]));
console.log(`\n${fix.change.number} is ${fix.change.state}, ${at(fix.change.plannedStart)} to ${at(fix.change.plannedEnd)}, risk ${fix.change.risk}, conflicts: ${fix.conflictsAfter.length}`);

// Act 4: metrics.
heading('17:30  The day in numbers');
const day = closeTheDay(incident.record, clocks, endOfDay);
const compliance = (policyId: string) => day.compliance.groups.find((g) => g.key === policyId)?.value;
table(['Metric', 'Value'], [
  ['Incidents opened today', day.incidents.length],
  ['MTTA (wall clock)', duration(day.mtta.mean)],
  ['MTTR (wall clock, mean / median)', `${duration(day.mttr.mean)} / ${duration(day.mttr.median)}`],
  ['MTTR (desk business time, mean)', duration(day.mttrBusiness.mean)],
  ...day.mttrByPriority.groups.map((g): [string, string] => [`MTTR P${String(g.key)} (${g.value.count} resolved)`, duration(g.value.mean)]),
  ['Response SLA met / breached / in progress', `${compliance('incident-response')?.met ?? 0} / ${compliance('incident-response')?.breached ?? 0} / ${compliance('incident-response')?.inProgress ?? 0}`],
  ['Resolution SLA met / breached / in progress', `${compliance('incident-resolution')?.met ?? 0} / ${compliance('incident-resolution')?.breached ?? 0} / ${compliance('incident-resolution')?.inProgress ?? 0}`],
  ['SLA compliance (all clocks with an outcome)', pct(day.compliance.overall.compliancePct)],
  ['Web shop availability (service hours)', pct(day.availability.availabilityPct)],
  ['Web shop downtime (service hours)', `${day.availability.downtimeMinutes} min`],
  ['Reopen rate', pct(day.reopen.ratePct)],
  ['Open backlog at 17:30', day.backlog.open],
]);
console.log('\nEnd of the day. Everything above came from pure functions of fixed inputs: run it again, get the same report.');
