// npm run bench [-- name…]: runs the benchmarks (all, or those named) and prints their figures
// (medians, percentiles, ratios). Timings are never asserted by tests; machines are noisy, so
// compare ratios within one run.
import { boardCpu } from "./board-cpu.js";
import { boardDrag } from "./board-drag.js";
import { load } from "./load.js";
import { bottlenecks } from "./bottlenecks.js";
import { signInBurst } from "./sign-in-burst.js";

const benches: Record<string, { title: string; run: () => Promise<Record<string, number>> }> = {
  "sign-in": {
    title: "sign-in burst: a reader's latency (ms) alone and during bursts of 50 wrong passwords",
    run: signInBurst,
  },
  load: {
    title: "load at province scale (20,000 projects): throughput, latency, SQL statements, memory; floors and ratios",
    run: load,
  },
  "board-cpu": {
    title: "an uncached board's CPU in process (ms; 20,000 projects, no HTTP, no load generator): the figure to compare builds by",
    run: boardCpu,
  },
  bottlenecks: {
    title: "bottleneck queries on 20,000 projects (ms, median and p95 of 20 runs, as of now and half a year ago); target under 300",
    run: bottlenecks,
  },
  "board-drag": {
    title: "board drag: from the pointer event that starts a drag to the first frame with the lifted card, every card of a 500-card action on screen",
    run: boardDrag,
  },
};

const wanted = process.argv.slice(2).filter((arg) => arg !== "--");
const unknown = wanted.filter((name) => !(name in benches));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(", ")}; known: ${Object.keys(benches).join(", ")}`);
  process.exit(2);
}

const results: Record<string, Record<string, number>> = {};
for (const [name, { title, run }] of Object.entries(benches)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  const figures = await run();
  results[name] = figures;
  console.log(`\n${title}`);
  const width = Math.max(16, ...Object.keys(figures).map((key) => key.length));
  for (const [key, value] of Object.entries(figures)) console.log(`  ${key.padEnd(width)} ${Number.isInteger(value) ? value : value.toFixed(2)}`);
}
console.log(`\n${JSON.stringify(results)}`);
