// Runs once before the suite: finds a PostgreSQL server and prepares a migrated template database
// with the reference data, which each test file clones. Without a server the suite runs on the
// embedded database (PGlite) and says so. CI sets TUIJIN_TEST_REQUIRE_POSTGRES=1 so that a missing
// server fails the run instead.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../server/db/client.js";
import { migrate } from "../../server/db/migrate.js";
import { seedReference } from "../../seeds/reference.js";
import { ensureServerBuilt } from "../../scripts/build-server.js";
import { adminQuery, adminUrl, databaseUrl, serverReachable } from "./database.js";

declare module "vitest" {
  export interface ProvidedContext {
    postgres: { adminUrl: string; template: string } | null;
  }
}

function newestUnder(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(file) : statSync(file).mtimeMs);
  }
  return newest;
}

/** The web client is served by the server under test; build it when it is missing or older than its sources. */
async function ensureClientBuilt(): Promise<void> {
  const built = ["../../dist/client/index.html", "../../dist/persisted-operations.json"].map((f) => fileURLToPath(new URL(f, import.meta.url)));
  const sources = fileURLToPath(new URL("../../client", import.meta.url));
  if (built.every((file) => existsSync(file) && statSync(file).mtimeMs >= newestUnder(sources))) return;
  const { build } = await import("vite");
  // Vitest runs with NODE_ENV=test, which would give a development build of React.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({ configFile: fileURLToPath(new URL("../../vite.config.ts", import.meta.url)), logLevel: "warn", mode: "production" });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

export default async function setup(project: TestProject) {
  process.env.LOG_LEVEL ??= "silent";
  await ensureClientBuilt();
  // Built once here: test files start servers (`npm start`) in parallel, and each would build it.
  await ensureServerBuilt();
  const url = adminUrl();
  if (!(await serverReachable(url))) {
    if (process.env.TUIJIN_TEST_REQUIRE_POSTGRES === "1") {
      throw new Error(`TUIJIN_TEST_REQUIRE_POSTGRES=1 but no PostgreSQL answers at ${url}`);
    }
    console.log(
      `\n[tuijin] No PostgreSQL server answers at ${url}: the tests run on the embedded database (PGlite).\n` +
        "[tuijin] Skipped for want of a server: the tests named '[needs a PostgreSQL server…]':\n" +
        "[tuijin]   tests/start.test.ts  db:migrate, db:seed and npm start against PostgreSQL\n" +
        "[tuijin]   tests/live.test.ts   live updates across two server processes (which share one database)\n" +
        "[tuijin]   tests/reliability/concurrency.test.ts  deadlocks and serialization failures retried\n" +
        "[tuijin]   tests/reliability/crash.test.ts        kill -9 under load on PostgreSQL\n" +
        "[tuijin]   tests/reliability/backup.test.ts       pg_dump and pg_restore round trip\n",
    );
    project.provide("postgres", null);
    return;
  }
  const template = `tuijin_test_template_${process.pid}`;
  await adminQuery(url, `DROP DATABASE IF EXISTS "${template}"`);
  await adminQuery(url, `CREATE DATABASE "${template}"`);
  const db = await openDatabase({ url: databaseUrl(url, template), poolSize: 2 });
  try {
    await migrate(db.sql);
    await seedReference(db.prisma);
  } finally {
    await db.close();
  }
  console.log(`\n[tuijin] Tests run on PostgreSQL at ${new URL(url).host}, one database per test file.\n`);
  project.provide("postgres", { adminUrl: url, template });
  return async () => {
    await adminQuery(url, `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
  };
}
