/**
 * `npm run bench [-- name ...]`: runs every bench/<name>.bench.ts (or only the named ones) in turn.
 * Each exports `default async function run(): Promise<void>` that prints its own figures and ratios.
 */
import { readdirSync } from 'node:fs';

const wanted = process.argv.slice(2);
const files = readdirSync(new URL('.', import.meta.url))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();
if (files.length === 0) console.log(`no benchmark matches ${wanted.join(' ')}`);
console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
for (const f of files) {
  console.log(`\n# ${f}`);
  const mod = (await import(`./${f}`)) as { default: () => Promise<void> | void };
  await mod.default();
}
