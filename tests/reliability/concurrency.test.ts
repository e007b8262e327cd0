// Concurrency: 50 clients move and edit the same 20 projects over real HTTP for a minute (30 s in CI),
// each naming the version it saw. Afterwards the database must show every acknowledged change exactly
// once, each version equal to its project's number of changes, and a valid audit chain; no client may
// ever have seen a deadlock or a serialization failure (they are retried inside the server).
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { inTransaction } from "../../server/db/transaction.js";
import { recordFigures } from "../support/figures.js";
import { barrier, runLoad, tally, type LedgerEntry } from "../support/load.js";
import { makeProject } from "../support/projects.js";
import { checkLedger, projectsAtStart, recordProblems } from "../support/records.js";
import { loadClients, loadSeconds, loadUsers, makeLoadProjects } from "../support/reliability.js";
import { login, startTestServer, type TestServer } from "../support/server.js";

const seconds = loadSeconds();
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

describe("50 clients on 20 projects", () => {
  it(`loses no update in ${seconds} s of concurrent moves and edits`, { timeout: (seconds + 120) * 1000 }, async () => {
    const targets = await makeLoadProjects(server.db, "CC", 20);
    const users = await loadUsers(server.db, "cc");
    await server.createUsers(users);
    const clients = await loadClients(users, 50, (username) => login(server.url, username));
    const start = await projectsAtStart(server.db, targets.map((t) => t.id));

    const deadline = Date.now() + seconds * 1000;
    const ledger: LedgerEntry[] = await runLoad({ url: () => server.url, clients, targets, done: () => Date.now() > deadline, runTag: "cc" });

    const counts = tally(ledger);
    const check = await checkLedger(server.db, ledger);
    recordFigures("concurrency", { operations: ledger.length, lost: check.lost.length });
    console.log(`[tuijin] concurrency: ${ledger.length} changes in ${seconds} s`, counts);

    // Nothing but expected answers: no GraphQL error (a retried deadlock would surface as one), no 5xx.
    expect(ledger.filter((e) => e.outcome !== "success" && e.outcome !== "refused").map((e) => `${e.operation}: ${e.detail}`)).toEqual([]);
    // Both kinds of answer happened: many changes went through, and stale versions were refused.
    expect(counts.success).toBeGreaterThan(100);
    expect(ledger.filter((e) => e.detail === "StaleVersionError").length).toBeGreaterThan(0);
    expect(ledger.filter((e) => e.detail === "MoveProjectSuccess").length).toBeGreaterThan(0);

    expect(check).toEqual({ lost: [], phantom: [], duplicated: [] });
    expect(await recordProblems(server.db, start)).toEqual([]);
    // Every success is a change counted in its project's version.
    const versions = await server.db.prisma.project.aggregate({ where: { id: { in: targets.map((t) => t.id) } }, _sum: { version: true } });
    expect(versions._sum.version).toBe(start.reduce((sum, p) => sum + p.version, 0) + counts.success);
  });
});

const postgres = inject("postgres");

describe.skipIf(!postgres)("[needs a PostgreSQL server] conflicts inside a transaction", () => {
  it("retries a deadlock in Prisma's interactive transaction, so both transactions succeed", async () => {
    const [a, b] = [await makeProject(server.db, { code: "DL-A" }), await makeProject(server.db, { code: "DL-B" })];
    const bothHoldOne = barrier(2);
    let attempts = 0;
    const lockBoth = async (first: number, second: number) => {
      const work = async (lock: (id: number) => Promise<unknown>) => {
        attempts += 1;
        const firstAttempt = attempts <= 2;
        await lock(first);
        if (firstAttempt) await bothHoldOne();
        await lock(second);
        return second;
      };
      return inTransaction(server.db.prisma, (tx) => work((id) => tx.$queryRaw`SELECT id FROM project WHERE id = ${id} FOR UPDATE`));
    };
    // Each holds one row and waits for the other's: PostgreSQL aborts one of them (40P01).
    expect(await Promise.all([lockBoth(a.id, b.id), lockBoth(b.id, a.id)])).toEqual([b.id, a.id]);
    expect(attempts).toBe(3);
    recordFigures("deadlock", { operations: 2, faults: 1 });
  });

  it("retries a serialization failure, so both transactions succeed", async () => {
    const project = await makeProject(server.db, { code: "SF-A" });
    const bothRead = barrier(2);
    let attempts = 0;
    const readThenWrite = (text: string) =>
      inTransaction(server.db.prisma, async (tx) => {
        attempts += 1;
        const firstAttempt = attempts <= 2;
        await tx.$executeRaw`SET TRANSACTION ISOLATION LEVEL SERIALIZABLE`;
        await tx.$queryRaw`SELECT description FROM project WHERE id = ${project.id}`;
        if (firstAttempt) await bothRead();
        // The second writer waits for the first to commit, then cannot serialize (40001).
        await tx.$executeRaw`UPDATE project SET description = ${text} WHERE id = ${project.id}`;
        return text;
      });
    expect(await Promise.all([readThenWrite("一"), readThenWrite("二")])).toEqual(["一", "二"]);
    expect(attempts).toBe(3);
    recordFigures("serialization", { operations: 2, faults: 1 });
  });
});
