// Backup and restore (npm run db:backup / db:restore), run as an operator would: a round trip keeps
// every record and a valid audit chain with the same head; a database that holds anything is not
// overwritten without --force; the embedded database is not copied or replaced while the server runs.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { openDatabase, type Database } from "../../server/db/client.js";
import { claimDataDir } from "../../server/db/data-dir-lock.js";
import { migrate } from "../../server/db/migrate.js";
import { verifyAuditChain } from "../../server/modules/audit/service.js";
import { seedReference } from "../../seeds/reference.js";
import { adminQuery, databaseUrl } from "../support/database.js";
import { recordFigures } from "../support/figures.js";
import { npmRun, npmStart, type RunningServer } from "../support/process.js";
import { completeAllGates, makeProject } from "../support/projects.js";
import { fingerprint } from "../support/records.js";
import { createUsersIn, login, startTestServer, type TestServer } from "../support/server.js";

const folder = mkdtempSync(path.join(tmpdir(), "tuijin-backup-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A few changes through the API, so that the record has history and an audit chain. */
async function changeThroughApi(url: string, token: string, projectId: number): Promise<void> {
  const id = Buffer.from(`Project:${projectId}`).toString("base64");
  const send = async (query: string, input: object) => {
    const response = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables: { input } }),
    });
    const result = (await response.json()) as { data: Record<string, { __typename: string }> };
    expect(Object.values(result.data)[0]!.__typename).toMatch(/Success$/);
  };
  await send(`mutation($input: MoveProjectInput!) { moveProject(input: $input) { __typename } }`, { projectId: id, to: "PREPARATION", expectedVersion: 1 });
  await send(`mutation($input: UpdateProjectInput!) { updateProject(input: $input) { __typename } }`, { projectId: id, expectedVersion: 2, description: "备份前的修改" });
  await send(`mutation($input: SubmitProgressReportInput!) { submitProgressReport(input: $input) { __typename } }`, {
    projectId: id,
    month: "2025-03",
    investmentThisMonth: "12.50",
    narrative: "场地平整",
  });
}

async function chainHead(db: Database): Promise<string> {
  const chain = await verifyAuditChain(db.prisma);
  expect(chain.valid).toBe(true);
  return `${chain.length}:${chain.headHash}`;
}

const postgres = inject("postgres");

describe.skipIf(!postgres)("[needs a PostgreSQL server] on PostgreSQL (pg_dump, pg_restore)", () => {
  const target = `tuijin_restore_${process.pid}`;
  let server: TestServer | undefined;
  afterAll(async () => {
    await server?.close();
    if (postgres) await adminQuery(postgres.adminUrl, `DROP DATABASE IF EXISTS "${target}" WITH (FORCE)`);
  });

  it("restores a backup into an empty database, refuses a non-empty one without --force, and replaces it with --force", { timeout: 120_000 }, async () => {
    server = await startTestServer();
    const project = await makeProject(server.db, { code: "BK-001", unitCode: "jtj", gateReady: true });
    await changeThroughApi(server.url, await server.signIn("backup-team", "TEAM"), project.id);
    const source = await fingerprint(server.db);
    const head = await chainHead(server.db);
    const file = path.join(folder, "tuijin.dump");
    expect(await npmRun("db:backup", [file], { DATABASE_URL: server.databaseUrl })).toContain(`"backup":"${file}"`);

    await adminQuery(postgres!.adminUrl, `CREATE DATABASE "${target}"`);
    const url = databaseUrl(postgres!.adminUrl, target);
    expect(await npmRun("db:restore", [file], { DATABASE_URL: url })).toContain(`"head":"${head}"`);
    const restored = await openDatabase({ url, poolSize: 2 });
    try {
      expect(await fingerprint(restored)).toEqual(source);
      expect(await chainHead(restored)).toBe(head);
      // The head published before the backup is in the restored chain.
      expect(await npmRun("audit:verify", ["--expect-head", head], { DATABASE_URL: url })).toContain("is in the chain");

      await restored.prisma.blocker.create({ data: { projectId: project.id, kind: "LAND", description: "恢复后新增", raisedAt: new Date() } });
      const changed = await fingerprint(restored);
      await expect(npmRun("db:restore", [file], { DATABASE_URL: url })).rejects.toThrow(/is not empty.*--force/);
      expect(await fingerprint(restored)).toEqual(changed);
      expect(await npmRun("db:restore", [file, "--force"], { DATABASE_URL: url })).toContain(`"valid":true`);
      expect(await fingerprint(restored)).toEqual(source);
    } finally {
      await restored.close();
    }
    recordFigures("backup (PostgreSQL)", { operations: 6 });
  });
});

describe("on the embedded database (PGlite's tarball)", () => {
  const source = path.join(folder, "source");
  const copy = path.join(folder, "copy");
  let running: RunningServer | undefined;
  afterAll(async () => {
    await running?.stop();
  });

  it("backs up only while no server runs, restores into an empty folder, and replaces one only with --force", { timeout: 180_000 }, async () => {
    let db = await openDatabase({ dataDir: source });
    await migrate(db.sql);
    await seedReference(db.prisma);
    const project = await makeProject(db, { code: "BK-101", unitCode: "jtj" });
    await completeAllGates(db, project.id);
    await createUsersIn(db, [{ username: "backup-office", role: "OFFICE" }]);
    await db.close();

    running = await npmStart({ DATA_DIR: source, DATABASE_URL: undefined });
    await changeThroughApi(running.url, await login(running.url, "backup-office"), project.id);
    const file = path.join(folder, "tuijin.tar.gz");
    await expect(npmRun("db:backup", [file], { DATA_DIR: source, DATABASE_URL: undefined })).rejects.toThrow(/in use by the server/);
    await running.stop();
    running = undefined;
    expect(await npmRun("db:backup", [file], { DATA_DIR: source, DATABASE_URL: undefined })).toContain(`"backup":"${file}"`);
    db = await openDatabase({ dataDir: source });
    const before = await fingerprint(db);
    const head = await chainHead(db);
    await db.close();

    expect(await npmRun("db:restore", [file], { DATA_DIR: copy, DATABASE_URL: undefined })).toContain(`"head":"${head}"`);
    // Not replaced while another process holds it (here this one, as the server would).
    const release = claimDataDir(copy, "server");
    await expect(npmRun("db:restore", [file, "--force"], { DATA_DIR: copy, DATABASE_URL: undefined })).rejects.toThrow(/in use by the server/);
    release();
    await expect(npmRun("db:restore", [file], { DATA_DIR: copy, DATABASE_URL: undefined })).rejects.toThrow(/already holds a database.*--force/);
    const replaced = await npmRun("db:restore", [file, "--force"], { DATA_DIR: copy, DATABASE_URL: undefined });
    expect(replaced).toContain(`"head":"${head}"`);
    expect(replaced).toMatch(/"previous":"[^"]*pglite\.replaced-/);

    db = await openDatabase({ dataDir: copy });
    try {
      expect(await fingerprint(db)).toEqual(before);
      expect(await chainHead(db)).toBe(head);
    } finally {
      await db.close();
    }
    recordFigures("backup (embedded)", { operations: 7 });
  });
});
