/**
 * The setting of the demo: a Monday at the service desk of a web shop in Berlin. The CMDB, the desk's
 * business calendar, the people, and the fixed instants the story runs on (Berlin is UTC+1 in
 * November). Everything is plain data.
 */
import type { CalendarDefinition } from '../../src/calendar';
import type { Actor, ChangeInput } from '../../src/models';
import type { TopologyDefinitionInput } from '../../src/topology';

type CiInput = TopologyDefinitionInput['cis'][number];
type RelationshipInput = NonNullable<TopologyDefinitionInput['relationships']>[number];

/** Berlin wall-clock time on Monday 23 November 2026, as an ISO instant (`'08:12'` -> `07:12Z`). */
export const monday = (hhmm: string, day = 23): string => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(2026, 10, day, h - 1, m)).toISOString();
};

const office = [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:30' }];
/** The service desk: Mon-Fri 08:00-12:00 and 13:00-17:30 in Berlin, closed on Christmas Day. */
export const BERLIN_DESK: CalendarDefinition = {
  timeZone: 'Europe/Berlin',
  week: { mon: office, tue: office, wed: office, thu: office, fri: office },
  holidays: [{ date: '2026-12-25', name: 'Christmas Day' }],
};

const APPS = ['checkout-api', 'payments-api', 'inventory-api', 'catalog-api', 'search-api', 'pricing-api', 'shipping-api', 'reporting-api'];

/** The CMDB: one database, eight APIs on it (each on its own host), a web and a worker tier per API, two business services. */
export const CIS: CiInput[] = [
  { id: 'orders-db', name: 'orders-db (PostgreSQL)', ciClass: 'database' },
  ...APPS.flatMap((app, i): CiInput[] => [
    { id: app, name: app, ciClass: 'application' },
    { id: `app-host-${i + 1}`, name: `app-host-${i + 1}`, ciClass: 'server' },
    { id: `${app.replace('-api', '')}-web`, name: `${app.replace('-api', '')}-web`, ciClass: 'application' },
    { id: `${app.replace('-api', '')}-worker`, name: `${app.replace('-api', '')}-worker`, ciClass: 'application' },
  ]),
  { id: 'web-shop', name: 'Web shop', ciClass: 'business_service' },
  { id: 'warehouse', name: 'Warehouse', ciClass: 'business_service' },
];

export const RELATIONSHIPS: RelationshipInput[] = [
  ...APPS.flatMap((app, i): RelationshipInput[] => [
    { from: app, to: 'orders-db', type: 'depends_on' },
    { from: app, to: `app-host-${i + 1}`, type: 'hosted_on' },
    { from: `${app.replace('-api', '')}-web`, to: app, type: 'depends_on' },
    { from: `${app.replace('-api', '')}-worker`, to: app, type: 'depends_on' },
  ]),
  { from: 'web-shop', to: 'checkout-web', type: 'depends_on' },
  { from: 'web-shop', to: 'catalog-web', type: 'depends_on' },
  { from: 'warehouse', to: 'shipping-worker', type: 'depends_on' },
];

/** The people (and the monitoring integration) who act today. */
export const PEOPLE = {
  monitoring: { id: 'monitoring', roles: ['admin'], groups: [] },
  ana: { id: 'u-ana', roles: ['agent'], groups: ['service-desk'] },
  dana: { id: 'u-dana', roles: ['resolver'], groups: ['dba'] },
  pia: { id: 'u-pia', roles: ['problem_manager'], groups: ['dba'] },
  chris: { id: 'u-chris', roles: ['change_manager'], groups: [] },
  cab: { id: 'u-cab1', roles: ['approver'], groups: ['cab'] },
} satisfies Record<string, Actor>;

/** Already on the change schedule: a kernel patch of app-host-3 this morning, and a database upgrade tomorrow night. */
export const SCHEDULED_CHANGES: ChangeInput[] = [
  {
    id: 'chg-11', number: 'CHG0030011', type: 'standard', state: 'implement', risk: 'low', shortDescription: 'Kernel patch on app-host-3',
    requestedBy: 'u-omar', assignmentGroup: 'linux', assignedTo: 'u-omar', ciIds: ['app-host-3'],
    plannedStart: monday('08:00'), plannedEnd: monday('09:30'), openedAt: monday('10:00', 20), updatedAt: monday('08:00'),
  },
  {
    id: 'chg-9', number: 'CHG0030009', type: 'normal', state: 'scheduled', risk: 'moderate', shortDescription: 'PostgreSQL minor upgrade on orders-db',
    requestedBy: 'u-dana', assignmentGroup: 'dba', assignedTo: 'u-dana', ciIds: ['orders-db'],
    plannedStart: monday('22:00', 24), plannedEnd: monday('01:00', 25), openedAt: monday('09:00', 16), updatedAt: monday('09:00', 19),
  },
];
