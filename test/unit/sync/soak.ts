/**
 * `npm run soak:sync [runs] [seed]`: the sync property of convergence.test.ts for 100,000 runs (or `runs`),
 * with a summary of what the runs exercised. Exits non-zero with the counterexample on a failure.
 */
import fc from 'fast-check';
import { checkSynced } from './support/checks.ts';
import { runScenario, scenarioArb } from './support/scenario.ts';

const runs = Number(process.argv[2] ?? 100_000);
const seed = Number(process.argv[3] ?? Date.now() % 2 ** 31);
const counts = new Map<string, number>();
let ops = 0;
const started = performance.now();
let done = 0;

try {
  await fc.assert(
    fc.asyncProperty(scenarioArb(), async (scenario) => {
      const { store, devices } = await runScenario(scenario);
      checkSynced(store, devices);
      for (const result of store.results.values()) counts.set(result.status, (counts.get(result.status) ?? 0) + 1);
      ops += store.results.size;
      done += 1;
      if (done % 10_000 === 0) process.stderr.write(`soak:sync: ${done} runs, ${Math.round((performance.now() - started) / 1000)} s\n`);
    }),
    { numRuns: runs, seed },
  );
} catch (error) {
  console.error(error instanceof Error ? `${error.message}\n${String(error.cause ?? "")}` : error);
  process.exit(1);
}
const seconds = (performance.now() - started) / 1000;
const statuses = [...counts].map(([status, count]) => `${status} ${count}`).join(', ');
console.log(`soak:sync: ${runs} runs passed (seed ${seed}) in ${seconds.toFixed(1)} s; ${ops} ops: ${statuses}`);
