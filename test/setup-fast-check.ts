/**
 * fast-check's seed: random on a developer's machine (more cases explored over time), fixed in CI
 * (`CI=true`) so that a submission's result is reproducible; `FC_SEED=<n>` replays any run. A failing
 * property prints its seed in the counterexample.
 */
import fc from 'fast-check';

const fromEnv = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
const seed = fromEnv ?? (process.env.CI ? 20_261_121 : undefined);
if (seed !== undefined && Number.isInteger(seed)) fc.configureGlobal({ seed });
