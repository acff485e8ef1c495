/**
 * Portability: the built ESM bundle runs in a real headless browser (Debian's Chromium driven by
 * playwright-core, started here), executing the same scenario as Node with the same results; and nothing
 * in dist/ imports a Node built-in.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, ensureChromium } from './ensure-chromium';
import { buildImportMap } from './import-map';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(root, 'dist');
const scenarioFile = fileURLToPath(new URL('./scenario.mjs', import.meta.url));

function distFiles(dir = dist): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? distFiles(join(dir, d.name)) : /\.(c?js)$/.test(d.name) ? [join(dir, d.name)] : [],
  );
}

/** The built entries the scenario loads: the root (models) and the modules it exercises. */
const SCENARIO_MODULES = ['root', 'calendar', 'sla', 'incident', 'correlation'] as const;

const NODE_BUILTINS = /(?:from\s*|require\(\s*|import\(\s*)["'](?:node:[\w/]+|fs|path|os|crypto|child_process|net|http|https|url|util|stream|events|worker_threads|buffer)["']/;

describe('dist/ has no Node built-ins', () => {
  it('imports or requires none, in any file', () => {
    expect(existsSync(join(dist, 'index.js')), 'run `npm run build` first').toBe(true);
    const offenders = distFiles().filter((f) => NODE_BUILTINS.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});

describe('headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('runs the built ESM bundles with the same results as Node', async () => {
    const entries = Object.fromEntries(SCENARIO_MODULES.map((m) => [m, join(dist, m === 'root' ? 'index.js' : `${m}/index.js`)]));
    const { imports } = buildImportMap(Object.values(entries));
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.route('http://itsm.test/**', async (route) => {
      const path = decodeURIComponent(new URL(route.request().url()).pathname);
      if (path === '/') {
        const loads = SCENARIO_MODULES.map((m) => `${m}: await import('http://itsm.test${entries[m]}')`).join(', ');
        const html = `<!doctype html><script type="importmap">${JSON.stringify({ imports })}</script>
          <script type="module">
            import { runScenario } from 'http://itsm.test${scenarioFile}';
            try { window.__result = JSON.stringify(runScenario({ ${loads} })); } catch (e) { window.__result = 'ERROR ' + e.stack; }
          </script>`;
        return route.fulfill({ contentType: 'text/html', body: html });
      }
      if (!path.startsWith(root) || !existsSync(path)) return route.fulfill({ status: 404, body: 'not found' });
      return route.fulfill({ contentType: 'text/javascript', body: readFileSync(path, 'utf8') });
    });
    await page.goto('http://itsm.test/');
    await page.waitForFunction(() => (window as { __result?: string }).__result !== undefined, undefined, { timeout: 60_000 });
    const inBrowser = await page.evaluate(() => (window as { __result?: string }).__result);
    expect(errors).toEqual([]);
    expect(inBrowser?.startsWith('ERROR'), inBrowser).toBe(false);

    const libs = Object.fromEntries(await Promise.all(SCENARIO_MODULES.map(async (m) => [m, await import(/* @vite-ignore */ entries[m]!)] as const)));
    const { runScenario } = (await import(/* @vite-ignore */ scenarioFile)) as { runScenario: (l: unknown) => Record<string, unknown> };
    const inNode = runScenario(libs);
    expect(Object.keys(inNode)).toEqual(expect.arrayContaining(['calendar', 'sla', 'incident', 'correlation']));
    expect(JSON.parse(inBrowser!)).toEqual(inNode);
  }, 120_000);
});
