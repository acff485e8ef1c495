/**
 * Imports the BUILT package through its exports map, exactly as users do, in real Node processes:
 * ESM `import` and CJS `require`, for every subpath package.json lists. `npm test` builds before vitest.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { name: string; exports: Record<string, unknown> };
const subpaths = Object.keys(pkg.exports)
  .filter((k) => !k.includes('*') && k !== './package.json')
  .map((k) => (k === '.' ? pkg.name : `${pkg.name}/${k.slice(2)}`));

function node(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
}

function exportedNames(kind: 'esm' | 'cjs', specifier: string): string[] {
  const code =
    kind === 'esm'
      ? `const m = await import(${JSON.stringify(specifier)}); console.log(JSON.stringify(Object.keys(m).filter((k) => k !== 'default').sort()))`
      : `const m = require(${JSON.stringify(specifier)}); console.log(JSON.stringify(Object.keys(m).sort()))`;
  return JSON.parse(node(kind === 'esm' ? ['--input-type=module', '-e', code] : ['-e', code])) as string[];
}

describe('the built package', () => {
  it('has been built (npm test runs the build before vitest)', () => {
    expect(existsSync(`${root}/dist/index.js`), 'dist/ is missing: run `npm run build` first').toBe(true);
  });

  it.each(subpaths)('%s imports in ESM and requires in CJS with the same exports', (specifier) => {
    const esm = exportedNames('esm', specifier);
    const cjs = exportedNames('cjs', specifier);
    expect(esm.length).toBeGreaterThan(0);
    expect(cjs).toEqual(esm);
  });

  it('shares one ItsmValidationError class across subpaths (ESM and CJS)', () => {
    const esm = `const root = await import('itsm-kit'); const models = await import('itsm-kit/models');
      const r = models.parseIncident({}); console.log(String(!r.ok && r.error instanceof root.ItsmValidationError))`;
    const cjs = `const root = require('itsm-kit'); const models = require('itsm-kit/models');
      const r = models.parseIncident({}); console.log(String(!r.ok && r.error instanceof root.ItsmValidationError))`;
    expect(node(['--input-type=module', '-e', esm]).trim()).toBe('true');
    expect(node(['-e', cjs]).trim()).toBe('true');
  });

  it('publishes JSON Schemas under itsm-kit/schemas/*', () => {
    const out = node(['-e', `const s = require('itsm-kit/schemas/incident'); console.log(JSON.stringify(Object.keys(s.properties).slice(0, 3)))`]);
    expect(JSON.parse(out)).toEqual(['id', 'number', 'shortDescription']);
  });
});
