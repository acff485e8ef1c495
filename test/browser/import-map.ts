/**
 * Builds a browser import map for the built package: crawls dist/ and every file it imports, resolving
 * bare specifiers the way a browser bundler would (package.json `exports` with the `browser`, `import`,
 * `module`, `default` conditions). The files are then served as they are, unbundled.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const BLOCK_COMMENT = /\/\*[\s\S]*?\*\//g;
const CONDITIONS = ['browser', 'import', 'module', 'default'];
/** Static `import`/`export ... from` and dynamic `import()` specifiers (a lexical scan, no parser). */
export const IMPORT_RE = /(?:\bimport|\bexport)\s*(?:[\w*{}\s,$]*?\bfrom\s*)?["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;

function pickTarget(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry;
  if (Array.isArray(entry)) return entry.map(pickTarget).find(Boolean);
  if (entry && typeof entry === 'object') {
    for (const [key, value] of Object.entries(entry)) {
      if (CONDITIONS.includes(key)) {
        const t = pickTarget(value);
        if (t) return t;
      }
    }
  }
  return undefined;
}

function packageRootOf(fromDir: string, name: string): string {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) throw new Error(`cannot resolve package ${name} from ${fromDir}`);
  }
}

function resolveBare(specifier: string, fromFile: string): string {
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  const sub = specifier.slice(name.length);
  const root = packageRootOf(dirname(fromFile), name);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  const exportsField = pkg.exports as Record<string, unknown> | string | undefined;
  let target: string | undefined;
  if (exportsField) {
    const key = `.${sub}`;
    const entry = typeof exportsField === 'string' || !Object.keys(exportsField).some((k) => k.startsWith('.')) ? (key === '.' ? exportsField : undefined) : exportsField[key];
    target = pickTarget(entry);
  }
  target ??= sub ? `.${sub}` : ((pkg.module ?? pkg.main ?? 'index.js') as string);
  return resolve(root, target);
}

/**
 * Crawls from `entries` (absolute paths) and returns `{ imports }` for every bare specifier met, and
 * `paths`, every file reached (test/package/import-graph.test.ts checks what a subpath pulls in).
 */
export function buildImportMap(entries: string[]): { imports: Record<string, string>; files: number; paths: string[] } {
  const imports: Record<string, string> = {};
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    // Block comments go first: JSDoc examples and type imports (`import { interval } from 'rxjs'` in
    // xstate's docs) look like imports but are not.
    const code = readFileSync(file, 'utf8').replace(BLOCK_COMMENT, '');
    for (const m of code.matchAll(IMPORT_RE)) {
      const spec = (m[1] ?? m[2])!;
      if (spec.startsWith('.') || spec.startsWith('/')) {
        const target = resolve(dirname(file), spec);
        // Examples in comments name files that do not exist (re2js: `@type {import('./RE2.js').RE2}`,
        // xstate: `import { trafficLightMachine } from './trafficLightMachine.ts'`); they load nothing, and a
        // real import of a missing file still fails where the code runs.
        if (!existsSync(target)) continue;
        queue.push(target);
      }
      else {
        if (spec.startsWith('node:')) throw new Error(`${file} imports the Node built-in ${spec}`);
        const target = resolveBare(spec, file);
        const url = `http://itsm.test${target}`;
        if (imports[spec] && imports[spec] !== url) throw new Error(`two versions of ${spec} in the import map`);
        imports[spec] = url;
        queue.push(target);
      }
    }
  }
  return { imports, files: seen.size, paths: [...seen] };
}
