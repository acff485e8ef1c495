import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = fileURLToPath(new URL('./src', import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^itsm-kit$/, replacement: `${src}/index.ts` },
      { find: /^itsm-kit\/(?!schemas)([a-z]+)$/, replacement: `${src}/$1/index.ts` },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    setupFiles: ['test/setup-fast-check.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
    coverage: {
      provider: 'v8',
      include: ['src/**'],
      // The summary, then only the files below 100% (the full table is long).
      reporter: ['text-summary', ['text', { skipFull: true }]],
      thresholds: { lines: 95, branches: 90, statements: 95, functions: 95 },
    },
  },
});
