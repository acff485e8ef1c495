/**
 * Writes the JSON Schema of every exported zod schema (each export named `...Schema` of every public
 * module) into dist/schemas/<name>.json, e.g. dist/schemas/incident.json, dist/schemas/calendar.json.
 * Vendors who do not write TypeScript validate data with these, as `itsm-kit/schemas/<name>`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { publicModules } from './modules';

function kebab(name: string): string {
  return name.replace(/Schema$/, '').replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

const written = new Map<string, string>();
mkdirSync('dist/schemas', { recursive: true });
for (const mod of publicModules()) {
  const exports = (await import(`../src/${mod}/index.ts`)) as Record<string, unknown>;
  for (const [name, value] of Object.entries(exports)) {
    if (!name.endsWith('Schema') || !(value instanceof z.ZodType)) continue;
    const file = kebab(name);
    if (written.has(file)) continue;
    let schema: unknown;
    try {
      schema = z.toJSONSchema(value, { io: 'input', unrepresentable: 'any' });
    } catch (e) {
      throw new Error(`cannot export ${mod}.${name} as JSON Schema: ${(e as Error).message}`);
    }
    const doc = { $id: `itsm-kit/schemas/${file}`, title: name.replace(/Schema$/, ''), ...(schema as object) };
    writeFileSync(`dist/schemas/${file}.json`, JSON.stringify(doc, null, 2) + '\n');
    written.set(file, `${mod}.${name}`);
  }
}
console.log(`wrote ${written.size} JSON Schemas to dist/schemas/`);
