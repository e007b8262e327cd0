// Builds the production server (vite.server.config.ts) into dist/server/ when it is missing or older
// than its sources. `npm start` runs the result with plain node (see scripts/serve.ts for why).
// `npm run build` builds it unconditionally; tests and benchmarks call ensureServerBuilt().
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
export const serverDist = path.join(root, "dist/server");
export const serverEntry = path.join(serverDist, "serve.js");

// Everything the bundle is made of: our own code (the packages stay external, loaded at run time),
// including server/generated, which `prisma generate` rewrites when the schema changes.
const SOURCES = ["server", "seeds", "scripts/serve.ts", "vite.server.config.ts"];

function newestUnder(file: string): number {
  const info = statSync(file);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(file)) newest = Math.max(newest, newestUnder(path.join(file, entry)));
  return newest;
}

export function serverBuildIsCurrent(): boolean {
  if (!existsSync(serverEntry)) return false;
  const built = statSync(serverEntry).mtimeMs;
  return SOURCES.every((source) => !existsSync(path.join(root, source)) || newestUnder(path.join(root, source)) <= built);
}

/**
 * Builds into a scratch folder beside dist/server, then swaps the folders, so that a server starting
 * meanwhile never loads half-written files.
 */
export async function buildServer(): Promise<void> {
  const { build } = await import("vite");
  mkdirSync(path.join(root, "dist"), { recursive: true });
  const scratch = mkdtempSync(path.join(root, "dist/.server-build-"));
  chmodSync(scratch, 0o755); // mkdtemp makes it private; the server may run as another user
  try {
    await build({ configFile: path.join(root, "vite.server.config.ts"), mode: "production", build: { outDir: scratch } });
    const previous = `${serverDist}.old-${process.pid}`;
    if (existsSync(serverDist)) renameSync(serverDist, previous);
    renameSync(scratch, serverDist);
    rmSync(previous, { recursive: true, force: true });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export async function ensureServerBuilt(): Promise<void> {
  if (!serverBuildIsCurrent()) await buildServer();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildServer();
}
