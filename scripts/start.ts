// npm start: builds what is missing (the Prisma client, the web client), then starts the server,
// which migrates the database and, on an empty embedded database, loads the demo data.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

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

process.env.NODE_ENV ??= "production";
await import("../server/index.js");
