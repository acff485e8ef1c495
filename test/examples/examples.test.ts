/**
 * Runs every examples/*.ts (the demo included) in a child process, as a user would with tsx, and checks
 * that it exits cleanly and prints the line that proves it did its job. A new example without an
 * expectation here fails the suite, so none can be added untested and none can rot.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'itsm-kit-demo-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** What each example must print (every pattern must match its output). */
const EXPECTED: Record<string, readonly RegExp[]> = {
  'models.ts': [/^valid incident INC0010001, priority 2$/m, /^invalid incident, \d+ issues:$/m, /^alert with a __proto__ label: rejected \(labels\.__proto__\)$/m],
  // Thu 24 Dec 16:00-17:30 Berlin (1.5 h), Christmas closed, Mon 28 Dec 08:00-10:30 (2.5 h) = 09:30Z.
  'calendar.ts': [/end at 2026-12-28T09:30:00\.000Z/, /^business time back: 4 h$/m],
  // Berlin 09:00-10:00 running (60), 10:00-11:30 on hold (90), 11:30-14:00 running (150): 210 of 240 min.
  'sla.ts': [/^status running, elapsed 210 min of 240, paused 90 min$/m, /^SVG timeline: \d+ bytes, 3 segments$/m],
  'incident.ts': [/^the caller resolves it: forbidden$/m, /^the agent resolves it: resolved;/m],
  'problem.ts': [/known error true$/m, /^follow-ups for the linked incidents: comment -> inc-1, comment -> inc-2$/m],
  'change.ts': [/^CHG0030001: scheduled/m, /overlaps blackout "xmas"/, /^next free slot: 2026-12-27T00:00:00\.000Z - 2026-12-27T02:00:00\.000Z$/m],
  'correlation.ts': [/^open-incident "HighErrorRate on checkout" priority 1 with 2 alerts$/m, /^after 5 quiet minutes: resolve-incident$/m, /^agent closes by-service#2: closed \(resolve-incident\)$/m, /^a new alert at 09:25: open-incident by-service#3$/m],
  'topology.ts': [/^root cause of alerts on checkout, app, db: db /m, /^services impacted by db: checkout$/m],
  'metrics.ts': [/^MTTR P1: mean 2 h over 1 incident\(s\)$/m, /^MTTR P3: mean 12\.5 h over 2 incident\(s\)$/m],
  'testing.ts': [/^same seed, same storm: true$/m, /^alertStorm: \d+ alerts from 4 CIs, first ServiceDown on orders-db$/m],
  'demo.ts': [
    /^Correlator opened 1 incident, rooted at orders-db: /m,
    /^The correlator is told the ticket is closed: closeIncident\(cmdb-outage#1\) -> closed\.$/m,
    /now goes to a new group, cmdb-outage#\d+ \(pending\); untold, the correlator would reopen cmdb-outage#1 /,
    /suppressed \(maintenance\)/,
    /suppressed \(flapping\)/,
    /^ {2}Resolution .* breached /m,
    /CHG0030012 is scheduled, .* conflicts: 0$/m,
    /The day in numbers/,
  ],
};

function run(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const args = ['--import', 'tsx', join('examples', file), ...(file === 'demo.ts' ? ['--out', outDir] : [])];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: root, timeout: 45_000, maxBuffer: 8 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, stdout, stderr });
    });
  });
}

const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.ts')).sort();
// Two at a time: the examples run in parallel with each other, not with the whole machine.
const results = new Map<string, Promise<{ code: number; stdout: string; stderr: string }>>();
let chain: Array<Promise<unknown>> = [Promise.resolve(), Promise.resolve()];
examples.forEach((file, i) => {
  const lane = i % chain.length;
  const p = chain[lane]!.then(() => run(file));
  chain[lane] = p;
  results.set(file, p);
});

describe('examples', () => {
  it('every example has an expectation, and every expectation an example', () => {
    expect(examples).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(examples)('%s runs and prints what proves it did its job', async (file) => {
    const { code, stdout, stderr } = await results.get(file)!;
    expect({ file, code, stderr: code === 0 ? '' : stderr }).toEqual({ file, code: 0, stderr: '' });
    for (const pattern of EXPECTED[file] ?? []) expect(stdout).toMatch(pattern);
  });

  it('the demo stormed with 500+ alerts and wrote its SLA timeline SVG', async () => {
    const { stdout } = await results.get('demo.ts')!;
    const firing = Number(/Notifications received: \d+ \((\d+) firing/.exec(stdout)?.[1]);
    expect(firing).toBeGreaterThanOrEqual(500);
    const svgPath = join(outDir, 'INC0010042-sla.svg');
    expect(existsSync(svgPath)).toBe(true);
    const svg = readFileSync(svgPath, 'utf8');
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    for (const kind of ['running', 'overdue', 'paused', 'outside-hours']) expect(svg).toContain(`data-kind="${kind}"`);
    for (const marker of ['warning', 'breach']) expect(svg).toContain(`data-marker="${marker}"`);
  });
});
