/**
 * What each subpath pulls in: crawls the BUILT ESM import graph (without tree-shaking, as a browser or an
 * unbundled runtime loads it) and proves that importing only the calendar, the SLA clocks or the models
 * loads neither xstate (the lifecycles' peer) nor the correlator's code and its regex engine. `npm test`
 * builds before vitest.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildImportMap, IMPORT_RE } from '../browser/import-map';

const dist = fileURLToPath(new URL('../../dist', import.meta.url));

/**
 * esbuild (tsup) heads the code of every source module with a `// src/<path>.ts` comment, so a reached
 * file holds correlator code exactly when it carries one from src/correlation/.
 */
const CORRELATOR_CODE = /^\/\/ src\/correlation\//m;
const LIFECYCLE_OR_SLA_CODE = /^\/\/ src\/(?:sla|incident|problem|change|_lib\/workflow)/m;

interface DistGraph {
  /** dist/ files reached, relative to dist/. */
  readonly files: string[];
  /** Bare specifiers (packages) imported by those files. */
  readonly packages: Set<string>;
}

/** Follows the relative imports from `dist/<subpath>/index.js`, collecting the packages met on the way. */
function distGraphOf(subpath: string): DistGraph {
  const entry = join(dist, subpath, 'index.js');
  expect(existsSync(entry), `${entry} is missing: run \`npm run build\` first`).toBe(true);
  const seen = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT_RE)) {
      const spec = (m[1] ?? m[2])!;
      if (spec.startsWith('.')) queue.push(resolve(dirname(file), spec));
      else packages.add(spec);
    }
  }
  return { files: [...seen].map((f) => relative(dist, f)).sort(), packages };
}

function filesMatching(graph: DistGraph, re: RegExp): string[] {
  return graph.files.filter((f) => re.test(readFileSync(join(dist, f), 'utf8')));
}

describe('the import graph of the built ESM subpaths', () => {
  // Controls, so that the checks below can fail: the correlation entry reaches its own code and re2js,
  // the incident entry reaches xstate and the SLA timeline glue.
  it('finds the correlator code and re2js from itsm-kit/correlation, xstate from itsm-kit/incident', () => {
    const correlation = distGraphOf('correlation');
    expect(filesMatching(correlation, CORRELATOR_CODE)).toContain('correlation/index.js');
    expect(correlation.packages).toContain('re2js');
    const incident = distGraphOf('incident');
    expect(incident.packages).toContain('xstate');
    expect(filesMatching(incident, LIFECYCLE_OR_SLA_CODE).length).toBeGreaterThan(0);
  });

  it.each(['calendar', 'sla', 'models'])('itsm-kit/%s pulls in neither xstate nor the correlator', (subpath) => {
    const graph = distGraphOf(subpath);
    expect(graph.files.length).toBeGreaterThan(1);
    expect([...graph.packages].filter((p) => /^(?:xstate|@xstate\/|re2js)/.test(p))).toEqual([]);
    expect(filesMatching(graph, CORRELATOR_CODE), `${subpath} reaches correlator code`).toEqual([]);
    // Nor does anything its dependencies import, transitively (date-fns, @date-fns/tz, zod).
    const all = Object.keys(buildImportMap([join(dist, subpath, 'index.js')]).imports);
    expect(all.filter((p) => /^(?:xstate|@xstate\/|re2js)/.test(p))).toEqual([]);
  });

  it.each(['calendar', 'models'])('itsm-kit/%s does not pull in the SLA clocks or the lifecycles either', (subpath) => {
    expect(filesMatching(distGraphOf(subpath), LIFECYCLE_OR_SLA_CODE)).toEqual([]);
  });
});
