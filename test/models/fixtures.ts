/** Valid base records for every model; invalid fixtures are derived from these one field at a time. */
export const T0 = '2026-11-23T08:00:00Z';

export const validIncident = {
  id: 'inc-1', number: 'INC0010001', shortDescription: 'Email is down', callerId: 'u-bob',
  impact: 2, urgency: 2, priority: 3, state: 'new', openedAt: T0, updatedAt: T0,
} as const;

export const validProblem = {
  id: 'prb-1', number: 'PRB0040001', shortDescription: 'Mail queue stalls', state: 'new',
  openedBy: 'u-pm', openedAt: T0, updatedAt: T0,
} as const;

export const validKnownError = {
  id: 'ke-1', symptom: 'Mail queue stalls', rootCause: 'Disk full on mx-2', workaround: 'Purge the spool', createdAt: T0,
} as const;

export const validChange = {
  id: 'chg-1', number: 'CHG0030001', type: 'normal', state: 'new', risk: 'moderate',
  shortDescription: 'Patch db-1', requestedBy: 'u-dev', ciIds: ['db-1'],
  plannedStart: '2026-11-24T20:00:00Z', plannedEnd: '2026-11-24T22:00:00Z',
  approvals: [{ approver: 'u-cab', decision: 'approved', at: T0 }],
  openedAt: T0, updatedAt: T0,
} as const;

export const validAlert = {
  id: 'a-1', source: 'prometheus', status: 'firing', severity: 'critical',
  labels: { alertname: 'DbDown', host: 'db-1' }, annotations: { summary: 'db-1 is down' },
  startsAt: T0, ciId: 'db-1',
} as const;

export const validCi = { id: 'db-1', name: 'orders-db', ciClass: 'database' } as const;
export const validRelationship = { from: 'checkout', to: 'db-1', type: 'depends_on' } as const;
export const validActor = { id: 'u-ana', roles: ['agent'], groups: ['service-desk'] } as const;
