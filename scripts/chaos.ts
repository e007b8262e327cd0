// npm run chaos [-- --seconds 300] [--seed N] [test file filters]
// The reliability suite (tests/reliability), run longer than in CI: the concurrent load for the given
// seconds (default 300), a kill -9 per 30 s of it, and fuzzing scaled to match with a new seed each
// run (or --seed). The figures are printed at the end: operations, faults injected, updates lost.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
function option(name: string): string | undefined {
  const index = args.indexOf(name);
  if (index < 0) return undefined;
  const [, value] = args.splice(index, 2);
  if (value === undefined || !/^\d+$/.test(value)) {
    console.error(`${name} takes a whole number`);
    process.exit(2);
  }
  return value;
}

const seconds = Number(option("--seconds") ?? 300);
const seed = option("--seed") ?? String(Math.floor(Math.random() * 2 ** 31));
const filters = args.length > 0 ? args : ["tests/reliability"];
console.log(`[tuijin] chaos: ${seconds} s of load, fuzz seed ${seed}`);

const child = spawn("npx", ["vitest", "run", ...filters], {
  cwd: fileURLToPath(new URL("..", import.meta.url)),
  stdio: "inherit",
  env: {
    ...process.env,
    TUIJIN_RELIABILITY_SECONDS: String(seconds),
    TUIJIN_FUZZ_SCALE: String(Math.max(1, Math.round(seconds / 30))),
    TUIJIN_FUZZ_SEED: seed,
  },
});
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
