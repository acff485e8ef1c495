import { ZoneOffsets } from './src/calendar/internal/zone-offsets';
import { ZoneEngine } from './src/calendar/internal/zone-engine';
import { compileLocalHours } from './src/calendar/internal/local-hours';
const N = [{ start: '09:00', end: '17:00' }];
const e = new ZoneEngine(compileLocalHours({ timeZone: 'UTC', week: { mon: N, tue: N, wed: N, thu: N, fri: N } }), new ZoneOffsets('UTC')) as any;
let s = 0;
for (const W of [100, 2900, 2901]) { console.log(W, e.isRegular(W)); }
let a = performance.now();
for (let i = 0; i < 1e5; i++) s += e.view(2900 + (i % 50)).start;
console.log('view', (performance.now() - a) / 1e5 * 1000, 'us');
a = performance.now();
for (let i = 0; i < 1e5; i++) s += e.isRegular(2900 + (i % 50)) ? 1 : 0;
console.log('isRegular', (performance.now() - a) / 1e5 * 1000, 'us');
a = performance.now();
for (let i = 0; i < 1e5; i++) s += e.windowStart(2900 + (i % 50));
console.log('windowStart', (performance.now() - a) / 1e5 * 1000, 'us');
a = performance.now();
for (let i = 0; i < 1e5; i++) s += e.windowOf(1.77e12 + i * 1e6);
console.log('windowOf', (performance.now() - a) / 1e5 * 1000, 'us');
