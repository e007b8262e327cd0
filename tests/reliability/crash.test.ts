// kill -9 of the server in the middle of a load run, then a restart: every acknowledged change is
// present, none is half-applied, and the restarted server carries on. The server is `npm start` in
// its own process group, killed whole with SIGKILL (no shutdown code runs), on PostgreSQL and on the
// embedded database (whose files the killed process had open).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { openDatabase, type Database } from "../../server/db/client.js";
import { migrate } from "../../server/db/migrate.js";
import { seedReference } from "../../seeds/reference.js";
import { recordFigures } from "../support/figures.js";
import { runLoad, tally, waitFor, type LedgerEntry, type LoadTarget } from "../support/load.js";
import { npmStart, type RunningServer } from "../support/process.js";
import { checkLedger, projectsAtStart, recordProblems, type ProjectStart } from "../support/records.js";
import { loadClients, loadSeconds, loadUsers, makeLoadProjects, type LoadUser } from "../support/reliability.js";
import { createUsersIn, login, startTestServer, type TestServer } from "../support/server.js";

/** One crash per 30 s of the run's length: 1 in CI, 10 for `npm run chaos -- --seconds 300`. */
const crashes = Math.max(1, Math.round(loadSeconds() / 30));
const timeout = crashes * 90_000 + 90_000;
// Every process of a deployment signs sessions with one secret, so sessions outlive a restart.
const SESSION_SECRET = "a-crash-test-secret-of-32-chars!!";

interface Prepared {
  targets: LoadTarget[];
  users: LoadUser[];
  start: ProjectStart[];
}

/** The projects and users of a run, written straight into the database. */
async function prepare(db: Database, prefix: string): Promise<Prepared> {
  const targets = await makeLoadProjects(db, prefix.toUpperCase(), 10);
  const users = await loadUsers(db, prefix);
  await createUsersIn(db, users);
  return { targets, users, start: await projectsAtStart(db, targets.map((t) => t.id)) };
}

/**
 * Runs 20 clients against `npm start`, kills it with SIGKILL once 40 more changes went through, starts
 * it again, `crashes` times; then a short run against the last server, which is left running.
 * `track` hears of each server started, so that the test's cleanup stops the last one, whatever happens.
 */
async function crashUnderLoad(prefix: string, env: Record<string, string | undefined>, prepared: Prepared, track: (server: RunningServer) => void) {
  const start = async () => {
    const server = await npmStart(env);
    track(server);
    return server;
  };
  let running = await start();
  const clients = await loadClients(prepared.users, 20, (username) => login(running.url, username));
  const ledger: LedgerEntry[] = [];
  for (let crash = 1; crash <= crashes; crash++) {
    let killed = false;
    const url = running.url;
    const before = ledger.filter((e) => e.outcome === "success").length;
    const load = runLoad({ url: () => url, clients, targets: prepared.targets, done: () => killed, runTag: `${prefix}${crash}`, ledger });
    try {
      await waitFor("changes before the crash", () => ledger.filter((e) => e.outcome === "success").length >= before + 40);
      await running.kill();
    } finally {
      killed = true;
      await load;
    }
    running = await start();
  }
  const afterRestart = ledger.length;
  const until = Date.now() + 2000;
  const url = running.url;
  await runLoad({ url: () => url, clients, targets: prepared.targets, done: () => Date.now() > until, runTag: `${prefix}z`, ledger });
  return { ledger, afterRestart };
}

/** What must hold after the crashes, read from the database. */
async function expectNothingLost(db: Database, label: string, ledger: LedgerEntry[], afterRestart: number, prepared: Prepared) {
  const counts = tally(ledger);
  console.log(`[tuijin] ${label}: ${ledger.length} changes, ${crashes} kill -9`, counts);
  const check = await checkLedger(db, ledger);
  recordFigures(label, { operations: ledger.length, faults: crashes, lost: check.lost.length });
  // Requests cut off by a kill got no answer; nothing was answered with an error.
  expect(ledger.filter((e) => e.outcome === "unexpected" || e.outcome === "unavailable").map((e) => `${e.operation}: ${e.detail}`)).toEqual([]);
  // The restarted server answered everything, and changes went through.
  expect(ledger.slice(afterRestart).filter((e) => e.outcome !== "success" && e.outcome !== "refused")).toEqual([]);
  expect(ledger.slice(afterRestart).filter((e) => e.outcome === "success").length).toBeGreaterThan(0);
  expect(check).toEqual({ lost: [], phantom: [], duplicated: [] });
  expect(await recordProblems(db, prepared.start)).toEqual([]);
}

const postgres = inject("postgres");

describe.skipIf(!postgres)("[needs a PostgreSQL server] kill -9 under load, on PostgreSQL", () => {
  let server: TestServer | undefined;
  let running: RunningServer | undefined;
  afterAll(async () => {
    await running?.stop();
    await server?.close();
  });

  it(`keeps every acknowledged change through ${crashes} crash(es) and restart(s)`, { timeout }, async () => {
    server = await startTestServer();
    const prepared = await prepare(server.db, "kp");
    const run = await crashUnderLoad("kp", { DATABASE_URL: server.databaseUrl, SESSION_SECRET }, prepared, (started) => (running = started));
    await expectNothingLost(server.db, "kill -9 (PostgreSQL)", run.ledger, run.afterRestart, prepared);
  });
});

describe("kill -9 under load, on the embedded database", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "tuijin-crash-"));
  let running: RunningServer | undefined;
  afterAll(async () => {
    await running?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`keeps every acknowledged change through ${crashes} crash(es) and restart(s)`, { timeout }, async () => {
    // The embedded database is one process's: prepared before the server starts, read after it stops.
    let db = await openDatabase({ dataDir });
    await migrate(db.sql);
    await seedReference(db.prisma);
    const prepared = await prepare(db, "ke");
    await db.close();
    const run = await crashUnderLoad("ke", { DATA_DIR: dataDir, DATABASE_URL: undefined, SESSION_SECRET }, prepared, (started) => (running = started));
    await running?.stop();
    running = undefined;
    db = await openDatabase({ dataDir });
    try {
      await expectNothingLost(db, "kill -9 (embedded)", run.ledger, run.afterRestart, prepared);
    } finally {
      await db.close();
    }
  });
});
