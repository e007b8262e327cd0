// npm start, first half (run by scripts/start.mjs): builds what is missing or out of date (the Prisma
// client, the web client, the server as plain JavaScript), then exits.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ensureServerBuilt } from "./build-server.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const inRoot = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

function run(command: string, args: string[]): void {
  execFileSync(command, args, { cwd: root, stdio: "inherit" });
}

if (!existsSync(inRoot("server/generated/pothos-prisma-types.ts")) || !existsSync(inRoot("node_modules/.prisma/client/index.js"))) {
  run("npx", ["prisma", "generate"]);
}
if (!existsSync(inRoot("dist/client/index.html")) || !existsSync(inRoot("dist/persisted-operations.json"))) {
  const { build } = await import("vite");
  await build({ configFile: inRoot("vite.config.ts"), logLevel: "warn" });
}
await ensureServerBuilt();
