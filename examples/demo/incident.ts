/**
 * Act 2: the incident the correlator opened goes through its lifecycle (assign, start, hold awaiting
 * the storage vendor, resume, resolve, and later close), and its response and resolution SLA clocks
 * run on the Berlin desk calendar.
 */
import type { OpenIncidentDecision } from '../../src/correlation';
import { createIncidentWorkflow, slaTimelineFromAudit, type AuditEntry, type IncidentCommandInput } from '../../src/incident';
import type { Actor, Incident } from '../../src/models';
import { createSlaPolicy, evaluateSla, incidentResolutionPolicy, incidentResponsePolicy } from '../../src/sla';
import { ok } from '../support/report';
import { BERLIN_DESK, monday, PEOPLE } from './setting';

/** The desk's SLA policies: the presets (P1 15 min / 4 h ...) on the Berlin calendar, a working day being 8.5 h. */
export const RESPONSE = createSlaPolicy({ ...incidentResponsePolicy({ calendar: BERLIN_DESK, businessDayMs: 8.5 * 3_600_000 }), name: 'Response' });
export const RESOLUTION = createSlaPolicy({ ...incidentResolutionPolicy({ calendar: BERLIN_DESK, businessDayMs: 8.5 * 3_600_000 }), name: 'Resolution' });

/** One line of the incident's story: when, who, what, and the state it left the incident in. */
export interface Step {
  readonly at: string;
  readonly actor: string;
  readonly command: string;
  readonly state: string;
}

/** A stored incident with its audit trail, advanced by commands as people act on it. */
export class IncidentFile {
  readonly workflow = createIncidentWorkflow();
  readonly initial: Incident;
  record: Incident;
  readonly audit: AuditEntry[] = [];
  readonly steps: Step[] = [];

  constructor(open: OpenIncidentDecision) {
    const created = ok(
      this.workflow.create(
        {
          id: 'inc-42', number: 'INC0010042', shortDescription: `${open.title}: web shop checkout failing`, callerId: 'monitoring',
          impact: open.impact, urgency: open.urgency, service: 'web-shop', assignmentGroup: 'service-desk',
          ...(open.rootCauseCiId === null ? {} : { ciId: open.rootCauseCiId }),
          alertIds: open.alertIds.slice(0, 1_000),
        },
        { actor: PEOPLE.monitoring, now: open.at },
      ),
    );
    this.initial = created.record;
    this.record = created.record;
    this.audit.push(...created.audit);
    this.steps.push({ at: new Date(open.at).toISOString(), actor: 'monitoring', command: `create (P${created.record.priority}, from ${open.alertIds.length} alerts)`, state: created.record.state });
  }

  /** Applies a command (or a follow-up from another record) at a Berlin wall-clock time today. */
  apply(command: IncidentCommandInput, actor: Actor, hhmm: string, note: string = command.type): void {
    const out = ok(this.workflow.apply(this.record, command, { actor, now: monday(hhmm) }));
    this.record = out.record;
    this.audit.push(...out.audit);
    this.steps.push({ at: monday(hhmm), actor: actor.id, command: note, state: out.record.state });
  }

  /** The SLA timeline of the incident so far (the whole record as it stood from each audit instant). */
  timeline() {
    return slaTimelineFromAudit(this.initial, this.audit);
  }

  /** Both clocks evaluated at `now`. */
  clocks(now: string) {
    const timeline = this.timeline();
    return [RESPONSE, RESOLUTION].map((policy) => ({ policy, result: evaluateSla(policy, timeline, now) }));
  }
}

/** The morning and afternoon of the incident, up to its resolution. */
export function workTheIncident(file: IncidentFile): void {
  const { ana, dana } = PEOPLE;
  file.apply({ type: 'assign', assignmentGroup: 'dba', assignedTo: 'u-dana' }, ana, '08:19', 'assign to dba / u-dana');
  file.apply({ type: 'start' }, dana, '08:23');
  file.apply({ type: 'comment', text: 'orders-db storage controller reports I/O errors; vendor case VND-88213 opened.' }, dana, '08:41', 'comment');
  file.apply({ type: 'hold', reason: 'awaiting_vendor' }, dana, '09:05', 'hold (awaiting vendor)');
  file.apply({ type: 'resume' }, dana, '11:40', 'resume (vendor sent a diagnosis)');
  file.apply({ type: 'resolve', code: 'workaround_provided', notes: 'Failed orders-db over to its replica at 16:05; controller firmware fix to follow.' }, dana, '16:28', 'resolve (workaround provided)');
}
