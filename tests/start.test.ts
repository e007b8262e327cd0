// The two ways a newcomer starts Tuijin (README): `npm start` on the embedded database, and on a
// PostgreSQL server after `npm run db:migrate` and `npm run db:seed -- --demo`.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { adminQuery, databaseUrl, untilSomeoneWaitsForALock } from "./support/database.js";
import { waitFor } from "./support/load.js";
import { npmRun, npmStart, type RunningServer } from "./support/process.js";

async function gql(url: string, query: string, token?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: any; errors?: unknown[] };
}

/** An owner signs in with the demo password and sees every action's board with seeded projects. */
async function expectOwnerSeesBoards(server: RunningServer, password = "tuijin-demo") {
  const login = await gql(server.url, `mutation { login(username: "owner-jtj", password: "${password}") { __typename ... on LoginSuccess { token user { role unit { code } } } } }`);
  expect(login.data.login).toMatchObject({ __typename: "LoginSuccess", user: { role: "OWNER", unit: { code: "jtj" } } });
  const token = login.data.login.token as string;
  for (const code of [1, 2, 3, 4, 5]) {
    const board = await gql(server.url, `{ board(actionCode: ${code}) { columns { totalCount projects(first: 3) { edges { node { code name } } } } } }`, token);
    expect(board.errors).toBeUndefined();
    const total = board.data.board.columns.reduce((sum: number, c: { totalCount: number }) => sum + c.totalCount, 0);
    expect(total, `action ${code}`).toBeGreaterThan(0);
  }
  const page = await fetch(`${server.url}/`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain("<div id=\"root\">");
}

describe("npm start on the embedded database", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "tuijin-start-"));
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("migrates, loads the demo data on first start and serves the boards", async () => {
    server = await npmStart({ DATA_DIR: dataDir, DATABASE_URL: undefined });
    expect(server.output()).toContain("loading the demo data");
    await expectOwnerSeesBoards(server);
    await server.stop();
    // A second start keeps the data and does not seed again.
    server = await npmStart({ DATA_DIR: dataDir, DATABASE_URL: undefined });
    expect(server.output()).not.toContain("loading the demo data");
    await expectOwnerSeesBoards(server);
  });
});

const postgres = inject("postgres");

describe.skipIf(!postgres)("[needs a PostgreSQL server] npm start on PostgreSQL", () => {
  const name = `tuijin_start_${process.pid}`;
  const url = postgres ? databaseUrl(postgres.adminUrl, name) : "";
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.stop();
    if (postgres) await adminQuery(postgres.adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  it("db:migrate, db:seed -- --demo, then npm start serve the boards", async () => {
    await adminQuery(postgres!.adminUrl, `CREATE DATABASE "${name}"`);
    await npmRun("db:migrate", [], { DATABASE_URL: url });
    await npmRun("db:migrate", [], { DATABASE_URL: url }); // idempotent
    const reference = await npmRun("db:seed", [], { DATABASE_URL: url });
    expect(reference).toContain('"units"');
    expect(reference).not.toContain("accounts");
    const demo = await npmRun("db:seed", ["--demo"], { DATABASE_URL: url, DEMO_PASSWORD: "pg-demo-pass" });
    expect(demo).toMatch(/"demoProjects":\d{2,}/);
    await expect(npmRun("db:seed", ["--demo"], { DATABASE_URL: url })).rejects.toThrow(/empty database/);
    server = await npmStart({ DATABASE_URL: url });
    await expectOwnerSeesBoards(server, "pg-demo-pass");
  });

  it("a stop (SIGTERM) answers the requests under way before it closes the database", async () => {
    server ??= await npmStart({ DATABASE_URL: url });
    const running = server;
    const login = await gql(running.url, `mutation { login(username: "owner-jtj", password: "pg-demo-pass") { ... on LoginSuccess { token } } }`);
    const token = login.data.login.token as string;
    // Another connection holds the actions table, so a read of it is under way when the stop comes.
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query("LOCK TABLE action IN ACCESS EXCLUSIVE MODE");
      const answer = gql(running.url, `{ actions { code } }`, token);
      await untilSomeoneWaitsForALock(holder);
      const stopped = running.stop();
      await waitFor("the server to begin stopping", () => running.output().includes('"msg":"stopping"'));
      // Stopping, it takes no new connection.
      await expect(fetch(`${running.url}/healthz`)).rejects.toThrow();
      await holder.query("COMMIT");
      const result = await answer;
      expect(result.errors).toBeUndefined();
      expect(result.data.actions.map((a: { code: number }) => a.code)).toEqual([1, 2, 3, 4, 5]);
      await stopped;
      expect(running.output()).not.toMatch(/"level":"error"/);
    } finally {
      await holder.end();
    }
  });
});
