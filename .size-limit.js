/**
 * Size budgets per subpath (gzip, minified, everything the subpath exports imported, with every
 * dependency bundled except the peer dependencies zod, xstate and @xstate/graph, which hosts already
 * ship). Each budget is the size measured when it was set plus a little headroom; raising one is a
 * deliberate, reviewed change. Documented in docs/ARCHITECTURE.md ("Size budgets"). Run: `npm run size`.
 */
const budgets = {
  // subpath: budget (measured 2026-11-21, gzip)
  '.': '4.5 kB', // 3.78 kB: the root re-exports the models
  models: '4.5 kB', // 3.78 kB
  calendar: '7.5 kB', // 7 kB
  sla: '18 kB', // 16.65 kB, with the calendar and slaTimelineSvg
  incident: '14 kB', // 12.62 kB, xstate excluded (peer); with the calendar for business-time auto-close
  problem: '8 kB', // 7.26 kB
  change: '16.5 kB', // 15.14 kB, with scheduling, the calendar and the topology
  correlation: '80 kB', // 74.24 kB (2026-11-22; 67.44 kB when set), of which re2js (linear-time regex) is most
  topology: '4.5 kB', // 3.98 kB
  metrics: '7 kB', // 6.07 kB, with the calendar for business-time metrics
  testing: '108 kB', // 99.59 kB (2026-11-22; 92.99 kB when set): scenario() drives the real correlator (with re2js), workflows and SLA clocks
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
