import { detectConflicts, findChangeSlots } from '../src/change';
import type { ChangeInput } from '../src/models';
import { fmt, measure, printTable } from './_lib/measure';

const H = 3_600_000;
const START = Date.parse('2026-11-23T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

function change(i: number, start: number, hours: number, ciIds: string[], assignedTo: string): ChangeInput {
  return {
    id: `chg-${i}`, number: `CHG${String(i).padStart(7, '0')}`, type: 'normal', state: 'scheduled', risk: 'low',
    shortDescription: 'bench', requestedBy: 'u-req', ciIds, assignedTo,
    openedAt: iso(START), updatedAt: iso(START), plannedStart: iso(start), plannedEnd: iso(start + hours * H),
  };
}

/**
 * "Next available" on a busy schedule: 2,000 scheduled changes over 90 days on 200 CIs with 50
 * implementers, 3 blackouts and a recurring maintenance window on the change's CI. The baseline is one
 * `detectConflicts` call; a brute-force search would need one such call per 15-minute step (8,640 over
 * 90 days) for the first slot alone.
 */
export default function run(): void {
  let s = 7;
  const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const changes = Array.from({ length: 2_000 }, (_, i) =>
    change(i, START + Math.floor(rnd() * 90 * 24) * H, 1 + Math.floor(rnd() * 4), [`ci-${Math.floor(rnd() * 200)}`], `u-${Math.floor(rnd() * 50)}`),
  );
  const blackouts = [0, 30, 60].map((d) => ({ id: `freeze-${d}`, start: iso(START + d * 24 * H), end: iso(START + (d + 2) * 24 * H) }));
  const maintenanceWindows = [{
    id: 'mw', ciIds: ['ci-7'],
    calendar: { timeZone: 'Europe/Berlin', week: { tue: [{ start: '20:00', end: '06:00' }], sat: [{ start: '20:00', end: '06:00' }] } },
  }];
  const schedule = { changes, blackouts, maintenanceWindows };
  const subject = change(99_999, START + 10 * H, 2, ['ci-7'], 'u-3');
  const from = START;

  const slots = findChangeSlots(subject, { ...schedule, from });
  console.log(`${fmt(changes.length)} changes; ${slots.length} slots found, first ${slots[0]?.plannedStart}, last ${slots.at(-1)?.plannedStart}`);
  const baseline = measure('detectConflicts (one window)', () => detectConflicts(subject, schedule).length, { batch: 1 });
  const search = measure('findChangeSlots (90 days, 100 slots)', () => findChangeSlots(subject, { ...schedule, from }).length, { batch: 1 });
  const first = measure('findChangeSlots (limit 1)', () => findChangeSlots(subject, { ...schedule, from, limit: 1 }).length, { batch: 1 });
  printTable('change scheduling', [baseline, search, first], baseline);
}
