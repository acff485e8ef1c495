import { defineConfig } from 'tsup';
import { publicModules } from './scripts/modules';

const entry: Record<string, string> = { index: 'src/index.ts' };
for (const m of publicModules()) entry[`${m}/index`] = `src/${m}/index.ts`;

export default defineConfig({
  entry,
  format: ['esm', 'cjs'],
  dts: true,
  // Shared code (the error classes above all) lives in one chunk, so `instanceof` holds across subpaths.
  splitting: true,
  clean: true,
  sourcemap: false,
  treeshake: true,
  target: 'es2022',
  platform: 'neutral',
  outDir: 'dist',
});
