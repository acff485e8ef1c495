// A scenario run twice, in Node and in headless Chromium, against the BUILT entries of itsm-kit: `libs`
// holds the root entry (models) and the calendar, sla, incident and correlation subpaths. Plain
// JavaScript so the browser loads it as it is. It returns JSON-serializable results (Dates as ISO
// strings) to compare.
const iso = (value) => (value instanceof Date ? value.toISOString() : value);

/** Deep copy with every Date as its ISO string. */
function plain(value) {
  return JSON.parse(JSON.stringify(value, (_k, v) => iso(v)));
}

function models(lib) {
  const out = {};
  out.priorities = [1, 2, 3].flatMap((i) => [1, 2, 3].map((u) => lib.priorityOf(i, u)));
  const bad = lib.parseIncident({ id: 'x', impact: 9 });
  out.invalidPaths = bad.ok ? [] : bad.error.issues.map((i) => i.path);
  out.errorIsTyped = !bad.ok && bad.error instanceof lib.ItsmValidationError;
  const alert = lib.parseAlert({
    id: 'a-1', source: 'prom', status: 'firing', severity: 'critical',
    labels: JSON.parse('{"alertname":"DbDown","__proto__":"x"}'), startsAt: '2026-11-23T08:00:00Z',
  });
  out.protoLabelRejected = !alert.ok;
  out.prototypeClean = Object.getPrototypeOf({}).x === undefined;
  return out;
}

const WEEKDAYS = { mon: [{ start: '09:00', end: '17:00' }], tue: [{ start: '09:00', end: '17:00' }], wed: [{ start: '09:00', end: '17:00' }], thu: [{ start: '09:00', end: '17:00' }], fri: [{ start: '09:00', end: '17:00' }] };

function calendar(lib) {
  // Berlin across the end of daylight saving time (2026-10-25) and a holiday.
  const cal = lib.createCalendar({ timeZone: 'Europe/Berlin', week: WEEKDAYS, holidays: [{ date: '2026-10-26', name: 'Bridge day' }] });
  return {
    due: iso(lib.addBusinessTime(cal, '2026-10-23T14:00:00Z', 6 * 3_600_000)),
    back: iso(lib.addBusinessTime(cal, '2026-10-27T09:00:00Z', -3 * 3_600_000)),
    between: lib.businessTimeBetween(cal, '2026-10-23T00:00:00Z', '2026-10-30T00:00:00Z'),
    next: iso(lib.nextBusinessTime(cal, '2026-10-24T12:00:00Z')),
    isOpen: lib.isBusinessTime(cal, '2026-10-27T08:30:00Z'),
    intervals: plain(lib.businessIntervals(cal, '2026-10-23T15:00:00Z', '2026-10-27T10:00:00Z')),
  };
}

function sla(lib) {
  const policy = lib.createSlaPolicy({
    id: 'resolution', calendar: { timeZone: 'Europe/Berlin', week: WEEKDAYS },
    target: { field: 'priority', durationsMs: { 1: 4 * 3_600_000, 2: 8 * 3_600_000 } }, warnAt: [0.5, 0.75],
    start: { field: 'state', op: 'in', value: ['new', 'in_progress'] }, pause: { field: 'state', op: 'eq', value: 'on_hold' },
    stop: { field: 'state', op: 'in', value: ['resolved', 'closed'] },
  });
  const timeline = [
    { at: '2026-11-20T13:00:00Z', record: { state: 'new', priority: 2 } },
    { at: '2026-11-20T15:00:00Z', record: { state: 'on_hold', priority: 2 } },
    { at: '2026-11-23T10:00:00Z', record: { state: 'in_progress', priority: 2 } },
  ];
  const evaluated = plain(lib.evaluateSla(policy, timeline, '2026-11-23T12:30:00Z'));
  let state = lib.startSla(policy);
  for (const entry of timeline) state = lib.advanceSla(state, entry);
  return { evaluated, incremental: plain(lib.slaStatus(state, '2026-11-23T12:30:00Z')) };
}

function incident(lib) {
  const workflow = lib.createIncidentWorkflow({ autoClose: { afterMs: 2 * 86_400_000 } });
  const agent = { id: 'u-ana', roles: ['agent'], groups: ['service-desk'] };
  const resolver = { id: 'u-rui', roles: ['resolver'], groups: ['messaging'] };
  const steps = [];
  let out = workflow.create({ id: 'inc-7', number: 'INC0010007', shortDescription: 'Cannot send mail', callerId: 'u-bob', impact: 3, urgency: 2 }, { actor: agent, now: '2026-11-23T08:00:00Z' });
  steps.push(out.ok ? out.record.state : out.error.code);
  let record = out.record;
  const commands = [
    [{ type: 'assign', assignmentGroup: 'messaging', assignedTo: 'u-rui' }, agent, '2026-11-23T08:05:00Z'],
    [{ type: 'start' }, resolver, '2026-11-23T08:10:00Z'],
    [{ type: 'update', impact: 1 }, resolver, '2026-11-23T09:05:00Z'],
    [{ type: 'resolve', code: 'solution_provided', notes: 'Raised the size limit' }, resolver, '2026-11-23T10:00:00Z'],
    [{ type: 'close' }, agent, '2026-11-23T10:01:00Z'],
  ];
  const audit = [];
  for (const [command, actor, now] of commands) {
    out = workflow.apply(record, command, { actor, now });
    steps.push(out.ok ? out.record.state : out.error.code);
    if (out.ok) {
      record = out.record;
      audit.push(...out.audit.map((a) => a.event));
    }
  }
  const ticked = workflow.tick(record, '2026-11-26T10:00:00Z');
  return { steps, audit, record: plain(record), afterTick: ticked.ok ? ticked.record.state : ticked.error.code };
}

function correlation(lib) {
  const correlator = lib.createCorrelator({
    rules: [{ id: 'db', match: [{ label: 'service', op: 'regex', value: '(a+)+$|db-.*' }], groupBy: ['service'], groupWait: '30s', resolveAfter: '1m' }, { id: 'rest', groupBy: ['alertname'] }],
  });
  const alert = (id, labels, minute, extra = {}) => ({ id, source: 'prom', status: 'firing', severity: 'major', labels, annotations: {}, startsAt: new Date(Date.parse('2026-11-23T08:00:00Z') + minute * 60_000).toISOString(), ...extra });
  const batch = [
    alert('a1', { alertname: 'DbDown', service: 'db-1' }, 0),
    alert('a2', { alertname: 'DbSlow', service: 'db-1' }, 0),
    alert('a2', { alertname: 'DbSlow', service: 'db-1' }, 0),
    alert('a3', { alertname: 'Disk', service: `${'a'.repeat(500)}!` }, 1),
    { id: 'bad' },
  ];
  const ingested = correlator.ingest(correlator.initialState(), batch, Date.parse('2026-11-23T08:01:00Z'));
  const ticked = correlator.tick(ingested.state, Date.parse('2026-11-23T08:02:00Z'));
  const resolved = correlator.ingest(ticked.state, [alert('a1', { alertname: 'DbDown', service: 'db-1' }, 0, { status: 'resolved', endsAt: '2026-11-23T08:03:00Z' }), alert('a2', { alertname: 'DbSlow', service: 'db-1' }, 0, { status: 'resolved', endsAt: '2026-11-23T08:03:00Z' })], Date.parse('2026-11-23T08:03:00Z'));
  const later = correlator.tick(resolved.state, Date.parse('2026-11-23T08:10:00Z'));
  const summary = (o) => ({ decisions: plain(o.decisions), nextTickAt: o.nextTickAt });
  return { ingested: summary(ingested), ticked: summary(ticked), resolved: summary(resolved), later: summary(later), state: plain(later.state) };
}

export function runScenario(libs) {
  return {
    models: models(libs.root),
    calendar: calendar(libs.calendar),
    sla: sla(libs.sla),
    incident: incident(libs.incident),
    correlation: correlation(libs.correlation),
  };
}
