/**
 * Size budgets per subpath (gzip, minified, everything the subpath exports imported, with every
 * dependency bundled except the peer dependencies zod, xstate and @xstate/graph, which hosts already
 * ship). Each budget is the size measured when it was set plus a little headroom; raising one is a
 * deliberate, reviewed change. Documented in docs/ARCHITECTURE.md ("Size budgets"). Run: `npm run size`.
 */
const budgets = {
  '.': '1 MB',
  models: '1 MB',
  calendar: '1 MB',
  sla: '1 MB',
  incident: '1 MB',
  problem: '1 MB',
  change: '1 MB',
  correlation: '1 MB',
  topology: '1 MB',
  metrics: '1 MB',
  testing: '1 MB',
};

/** Silences esbuild's notes about tsup's bare chunk imports (dropped on purpose under `sideEffects: false`). */
const quiet = (config) => ({ ...config, logLevel: 'error' });

export default Object.entries(budgets).map(([subpath, limit]) => ({
  name: subpath === '.' ? 'itsm-kit' : `itsm-kit/${subpath}`,
  path: subpath === '.' ? 'dist/index.js' : `dist/${subpath}/index.js`,
  import: '*',
  gzip: true,
  limit,
  modifyEsbuildConfig: quiet,
}));
