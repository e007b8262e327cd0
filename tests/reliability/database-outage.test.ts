// PostgreSQL stops for 10 seconds under load (a private cluster, stopped for real): requests fail fast
// with a clear error (DATABASE_UNAVAILABLE), /healthz answers 503, and the server recovers by itself
// when the database returns, without a restart. Nothing acknowledged is lost, nothing half-applied.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordFigures } from "../support/figures.js";
import { inTransaction } from "../../server/db/transaction.js";
import { barrier, runLoad, tally, waitFor, type LedgerEntry } from "../support/load.js";
import { privatePostgresBin, startPrivatePostgres, type PrivatePostgres } from "../support/private-services.js";
import { checkLedger, projectsAtStart, recordProblems } from "../support/records.js";
import { loadClients, loadUsers, makeLoadProjects } from "../support/reliability.js";
import { login, startTestServer, type TestServer } from "../support/server.js";

const OUTAGE_MS = 10_000;
/** The connections the test server's pool holds (tests/support/server.ts). */
const POOL_SIZE = 10;

if (!privatePostgresBin) {
  if (process.env.TUIJIN_TEST_REQUIRE_POSTGRES === "1") {
    throw new Error("TUIJIN_TEST_REQUIRE_POSTGRES=1 but there are no PostgreSQL server binaries (initdb, pg_ctl) under /usr/lib/postgresql");
  }
  console.log("[tuijin] No PostgreSQL server binaries (initdb, pg_ctl): skipping the database outage test.");
}

describe.skipIf(!privatePostgresBin)("[needs PostgreSQL server binaries] the database stops for 10 seconds under load", () => {
  let cluster: PrivatePostgres;
  let server: TestServer;
  let stopLoad = false;
  let load: Promise<LedgerEntry[]> | undefined;

  beforeAll(async () => {
    cluster = await startPrivatePostgres();
    server = await startTestServer({ databaseUrl: cluster.url });
  });
  afterAll(async () => {
    stopLoad = true;
    await load;
    await server?.close();
    await cluster?.destroy();
  });

  it("fails fast with a clear error, answers 503 on /healthz, and recovers by itself", { timeout: 120_000 }, async () => {
    const targets = await makeLoadProjects(server.db, "DB", 10);
    const users = await loadUsers(server.db, "db");
    await server.createUsers(users);
    const clients = await loadClients(users, 20, (username) => login(server.url, username));
    const office = clients.find((c) => c.role === "OFFICE")!.token;
    const start = await projectsAtStart(server.db, targets.map((t) => t.id));
    const ledger: LedgerEntry[] = [];
    load = runLoad({ url: () => server.url, clients, targets, done: () => stopLoad, runTag: "db", ledger });
    const successes = () => ledger.filter((e) => e.outcome === "success").length;

    await waitFor("changes before the outage", () => successes() >= 30);
    await cluster.stop();
    const outageEnds = Date.now() + OUTAGE_MS;
    const duringOutage = ledger.length;

    // While the database is down (it is started again only after these answers came back):
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: "unavailable" });
    const read = await server.gql(`{ board(actionCode: 1) { columns { totalCount } } }`, {}, office);
    expect(read.status).toBe(503);
    expect(read.errors?.[0]?.extensions?.code).toBe("DATABASE_UNAVAILABLE");
    expect(read.errors?.[0]?.message).toMatch(/数据库暂时不可用/);
    // The session could not be read: the error carries the response's request id, for the log line.
    expect(read.errors?.[0]?.extensions?.requestId).toBe(read.headers.get("x-request-id"));
    const write = await server.gql(
      `mutation($input: RaiseBlockerInput!) { raiseBlocker(input: $input) { __typename } }`,
      { input: { projectId: Buffer.from(`Project:${targets[0]!.id}`).toString("base64"), kind: "FUNDS", description: "停库期间" } },
      office,
    );
    expect(write.errors?.[0]?.extensions?.code).toBe("DATABASE_UNAVAILABLE");
    expect(write.errors?.[0]?.extensions?.requestId).toBe(write.headers.get("x-request-id"));
    await waitFor("the outage's end", () => Date.now() >= outageEnds, OUTAGE_MS + 5000);
    const answeredDuringOutage = ledger.slice(duringOutage);

    await cluster.start();
    // No restart of the server: its pool connects again by itself.
    await waitFor("/healthz to answer 200 again", async () => (await fetch(`${server.url}/healthz`)).status === 200, 30_000);
    const afterOutage = ledger.length;
    await waitFor("changes after the outage", () => ledger.slice(afterOutage).filter((e) => e.outcome === "success").length >= 30, 60_000);
    stopLoad = true;
    await load;

    const counts = tally(ledger);
    console.log(`[tuijin] database outage: ${ledger.length} changes`, counts);
    const check = await checkLedger(server.db, ledger);
    recordFigures("database outage", { operations: ledger.length + 4, faults: 1, lost: check.lost.length });
    // Clients were told the database is unavailable (not a 500, not a hang: every request had an answer).
    expect(answeredDuringOutage.filter((e) => e.outcome === "unavailable").length).toBeGreaterThan(0);
    expect(ledger.filter((e) => e.outcome === "unexpected" || e.outcome === "no-answer").map((e) => `${e.operation}: ${e.detail}`)).toEqual([]);
    expect(check).toEqual({ lost: [], phantom: [], duplicated: [] });
    expect(await recordProblems(server.db, start)).toEqual([]);

    // The pool has all its connections back: as many transactions as it holds can be open at once
    // (a connection lost with the outage would leave one of them waiting, and failing, for it).
    const allOpen = barrier(POOL_SIZE);
    const opened = await Promise.all(
      Array.from({ length: POOL_SIZE }, (_, i) =>
        inTransaction(server.db.prisma, async (tx) => {
          await tx.$queryRaw`SELECT 1`;
          await allOpen();
          return i;
        }),
      ),
    );
    expect(opened).toHaveLength(POOL_SIZE);
  });
});
