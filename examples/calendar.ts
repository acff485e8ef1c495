/**
 * itsm-kit/calendar: business-time arithmetic on a Berlin desk calendar (lunch break, holiday, DST).
 * Run: npx tsx examples/calendar.ts
 */
import { addBusinessTime, businessIntervals, businessTimeBetween, createCalendar, isBusinessTime, nextBusinessTime } from '../src/calendar';

const office = [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:30' }];
const berlin = createCalendar({
  timeZone: 'Europe/Berlin',
  week: { mon: office, tue: office, wed: office, thu: office, fri: office },
  holidays: [{ date: '2026-12-25', name: 'Christmas Day' }],
});

const christmasEve = new Date('2026-12-24T15:00:00Z'); // Thursday 24 Dec, 16:00 in Berlin
const due = addBusinessTime(berlin, christmasEve, 4 * 3_600_000);
console.log(`4 business hours from Thu 24 Dec 16:00 Berlin end at ${due.toISOString()} (Christmas Day skipped)`);
console.log(`business time back: ${businessTimeBetween(berlin, christmasEve, due) / 3_600_000} h`);
console.log(`open at Mon 23 Nov 12:30 Berlin? ${isBusinessTime(berlin, new Date('2026-11-23T11:30:00Z'))}; next opening: ${nextBusinessTime(berlin, new Date('2026-11-23T11:30:00Z')).toISOString()}`);
console.log('Monday 23 Nov, business intervals:');
for (const i of businessIntervals(berlin, new Date('2026-11-23T00:00:00Z'), new Date('2026-11-24T00:00:00Z'))) console.log(`  ${i.start.toISOString()} - ${i.end.toISOString()}`);
