// npm run bench: runs the benchmarks and prints their figures (medians, percentiles, ratios).
// Timings are never asserted by tests; machines are noisy, so compare ratios within one run.
import { signInBurst } from "./sign-in-burst.js";

const benches: Record<string, () => Promise<Record<string, number>>> = {
  "sign-in burst: a reader's latency (ms) alone and during bursts of 50 wrong passwords": signInBurst,
};

const results: Record<string, Record<string, number>> = {};
for (const [name, run] of Object.entries(benches)) {
  const figures = await run();
  results[name] = figures;
  console.log(`\n${name}`);
  for (const [key, value] of Object.entries(figures)) console.log(`  ${key.padEnd(16)} ${Number.isInteger(value) ? value : value.toFixed(2)}`);
}
console.log(`\n${JSON.stringify(results)}`);
