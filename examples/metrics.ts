/**
 * itsm-kit/metrics: MTTR by priority (wall clock and business time) and availability from outages.
 * Run: npx tsx examples/metrics.ts
 */
import { createCalendar } from '../src/calendar';
import { availability, mttr, outagesFromIncidents } from '../src/metrics';

const incidents = [
  { id: 'inc-1', priority: 1, service: 'shop', openedAt: '2026-11-23T08:00:00Z', resolvedAt: '2026-11-23T10:00:00Z' },
  { id: 'inc-2', priority: 3, service: 'mail', openedAt: '2026-11-23T09:00:00Z', resolvedAt: '2026-11-24T09:00:00Z' },
  { id: 'inc-3', priority: 3, service: 'mail', openedAt: '2026-11-24T12:00:00Z', resolvedAt: '2026-11-24T13:00:00Z' },
];
const period = { from: '2026-11-23T00:00:00Z', to: '2026-11-30T00:00:00Z' };
const office = [{ start: '08:00', end: '17:00' }];
const desk = createCalendar({ timeZone: 'UTC', week: { mon: office, tue: office, wed: office, thu: office, fri: office } });

const byPriority = mttr(incidents, { period, groupBy: 'priority' });
for (const g of byPriority.groups) console.log(`MTTR P${String(g.key)}: mean ${g.value.mean! / 3_600_000} h over ${g.value.count} incident(s)`);
console.log(`MTTR in business hours: mean ${mttr(incidents, { period, calendar: desk }).mean! / 3_600_000} h`);
const shop = availability(outagesFromIncidents(incidents.filter((i) => i.service === 'shop')), { period });
console.log(`shop availability over the week: ${shop.availabilityPct?.toFixed(3)} % (${shop.downtimeMinutes} min down)`);
