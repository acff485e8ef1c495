/**
 * The public modules of the package, found from the source tree: every folder under `src/` with an
 * `index.ts`, except internal ones (`_lib`, `internal`). tsup's entries and package.json's exports map
 * both come from this list, so adding a module is adding its folder and running `npm run sync-exports`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export function publicModules(root = process.cwd()): string[] {
  const src = join(root, 'src');
  return readdirSync(src, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_') && d.name !== 'internal')
    .filter((d) => existsSync(join(src, d.name, 'index.ts')))
    .map((d) => d.name)
    .sort();
}

function condition(base: string) {
  return {
    import: { types: `./dist/${base}.d.ts`, default: `./dist/${base}.js` },
    require: { types: `./dist/${base}.d.cts`, default: `./dist/${base}.cjs` },
  };
}

/** The exports map package.json must carry for the modules that exist. */
export function exportsMap(modules: string[]): Record<string, unknown> {
  const map: Record<string, unknown> = { '.': condition('index') };
  for (const m of modules) map[`./${m}`] = condition(`${m}/index`);
  map['./schemas/*'] = './dist/schemas/*.json';
  map['./package.json'] = './package.json';
  return map;
}
