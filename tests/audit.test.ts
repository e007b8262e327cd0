// The audit trail: every change recorded with actor, before, after and request id; a hash chain that
// shows any edit, deletion or reordering made directly in the database; filters, timelines, exports.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../server/db/client.js";
import { migrate } from "../server/db/migrate.js";
import { appendAuditEvent, appendAuditEvents, verifyAuditChain, type AuditInput } from "../server/modules/audit/service.js";
import { seedReference } from "../seeds/reference.js";
import { seedScale } from "../seeds/scale.js";
import { npmRun } from "./support/process.js";
import { completeGate, makeProject } from "./support/projects.js";
import { startTestServer, type TestServer } from "./support/server.js";

let server: TestServer;
let owner: string;
let auditor: string;

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.signIn("audit-owner", "OWNER", "jtj");
  auditor = await server.signIn("audit-auditor", "AUDITOR");
});
afterAll(() => server?.close());

const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString("base64");

async function moveForward(projectId: number, to: string, token = owner) {
  const id = gid("Project", projectId);
  const version = (await server.gql(`query($id: ID!) { node(id: $id) { ... on Project { version } } }`, { id }, token)).data.node.version;
  const { data } = await server.gql(
    `mutation($input: MoveProjectInput!) { moveProject(input: $input) { __typename } }`,
    { input: { projectId: id, to, expectedVersion: version } },
    token,
  );
  return data.moveProject.__typename as string;
}

/** Runs SQL as the database superuser with triggers off, as an administrator bypassing the app would. */
async function tamper(db: Database, sql: string) {
  await db.sql.transaction(async (tx) => {
    await tx.exec("SET LOCAL session_replication_role = replica");
    await tx.exec(sql);
  });
}

describe("recording", () => {
  it("records actor, time, entity, action, before, after and request id for each change", async () => {
    const project = await makeProject(server.db, { code: "A-001", unitCode: "jtj", gateReady: true });
    expect(await moveForward(project.id, "PREPARATION")).toBe("MoveProjectSuccess");
    const { data } = await server.gql(
      `query($f: AuditEventFilter) { auditEvents(first: 10, filter: $f) { totalCount edges { node { seq at entity entityId action before after requestId actor { username } hash prevHash } } } }`,
      { f: { projectId: gid("Project", project.id), action: "project.move" } },
      auditor,
    );
    expect(data.auditEvents.totalCount).toBe(1);
    const event = data.auditEvents.edges[0].node;
    expect(event).toMatchObject({ entity: "Project", entityId: String(project.id), action: "project.move", actor: { username: "audit-owner" } });
    expect(JSON.parse(event.before)).toMatchObject({ stage: "RESERVE" });
    expect(JSON.parse(event.after)).toMatchObject({ stage: "PREPARATION", version: 2, kind: "FORWARD" });
    expect(event.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("filters by entity, actor, action and time range, with cursor pagination", async () => {
    const project = await makeProject(server.db, { code: "A-002", unitCode: "jtj" });
    const id = gid("Project", project.id);
    await server.gql(
      `mutation($input: RaiseBlockerInput!) { raiseBlocker(input: $input) { __typename } }`,
      { input: { projectId: id, kind: "LAND", description: "用地报批未完成" } },
      owner,
    );
    const user = await server.db.prisma.user.findUniqueOrThrow({ where: { username: "audit-owner" } });
    const query = `query($f: AuditEventFilter, $after: String) { auditEvents(first: 1, after: $after, filter: $f) { totalCount pageInfo { hasNextPage endCursor } edges { node { action entity } } } }`;
    const byEntity = await server.gql(query, { f: { entity: "Blocker" } }, auditor);
    expect(byEntity.data.auditEvents.totalCount).toBe(1);
    expect(byEntity.data.auditEvents.edges[0].node).toEqual({ action: "blocker.raise", entity: "Blocker" });

    const byActor = await server.gql(query, { f: { actorId: gid("User", user.id) } }, auditor);
    expect(byActor.data.auditEvents.totalCount).toBe(2);
    const second = await server.gql(query, { f: { actorId: gid("User", user.id) }, after: byActor.data.auditEvents.pageInfo.endCursor }, auditor);
    expect(second.data.auditEvents.edges[0].node.action).toBe("blocker.raise");
    expect(second.data.auditEvents.pageInfo.hasNextPage).toBe(false);

    const future = await server.gql(query, { f: { from: "2099-01-01T00:00:00Z" } }, auditor);
    expect(future.data.auditEvents.totalCount).toBe(0);
    const past = await server.gql(query, { f: { to: "2000-01-01T00:00:00Z" } }, auditor);
    expect(past.data.auditEvents.totalCount).toBe(0);
  });

  it("gives a project's full timeline in order", async () => {
    const project = await makeProject(server.db, { code: "A-003", unitCode: "jtj", gateReady: true, totalInvestment: "900" });
    const id = gid("Project", project.id);
    await moveForward(project.id, "PREPARATION");
    await completeGate(server.db, project.id);
    await moveForward(project.id, "STARTED");
    await server.gql(
      `mutation($input: SubmitProgressReportInput!) { submitProgressReport(input: $input) { __typename } }`,
      { input: { projectId: id, month: "2025-05", investmentThisMonth: "10", narrative: "基础施工" } },
      owner,
    );
    const { data } = await server.gql(
      `query($id: ID!) { node(id: $id) { ... on Project { version timeline(first: 20) { totalCount edges { node { seq action } } } } } }`,
      { id },
      auditor,
    );
    const events = data.node.timeline.edges.map((e: any) => e.node);
    // The fixture's registration first (tests/support/projects.ts), then the changes in order.
    expect(events.map((e: any) => e.action)).toEqual(["project.seed", "project.move", "project.move", "progress-report.submit"]);
    expect(events.map((e: any) => e.seq)).toEqual([...events.map((e: any) => e.seq)].sort((a, b) => a - b));
    expect(data.node.version).toBe(1 + 3);
  });

  it("keeps the chain valid under concurrent writers", async () => {
    const projects = await Promise.all(
      Array.from({ length: 8 }, (_, i) => makeProject(server.db, { code: `A-1${i}`, unitCode: "jtj" })),
    );
    const results = await Promise.all(
      projects.flatMap((p) =>
        Array.from({ length: 5 }, (_, k) =>
          server.gql(
            `mutation($input: RaiseBlockerInput!) { raiseBlocker(input: $input) { __typename } }`,
            { input: { projectId: gid("Project", p.id), kind: "FUNDS", description: `资金缺口 ${k}` } },
            owner,
          ),
        ),
      ),
    );
    expect(results.every((r) => r.data?.raiseBlocker?.__typename === "RaiseBlockerSuccess")).toBe(true);
    const { data } = await server.gql(`{ auditChain { valid length firstBadSeq } auditEvents { totalCount } }`, {}, auditor);
    expect(data.auditChain).toMatchObject({ valid: true, firstBadSeq: null });
    expect(data.auditChain.length).toBe(data.auditEvents.totalCount);
    for (const p of projects) {
      const row = await server.db.prisma.project.findUniqueOrThrow({ where: { id: p.id } });
      expect(row.version).toBe(1 + 5);
    }
  });
});

/** Content that JSON and SQL text treat differently if anything is off: quotes, escapes, CJK, emoji, decimals, dates. */
const TRICKY: AuditInput[] = [
  { actorId: null, entity: "Project", entityId: 1, action: "x.create", before: null, after: null },
  { actorId: null, entity: "Project", entityId: "7:*", projectId: 7, action: "x.update", before: { name: '引号 "双" \'单\' \\ 反斜杠\n换行\t制表' }, after: { name: "😀 𠮷 é", z: 1, a: [1, 2.5, -0.125, 1e21, null, true] } },
  { actorId: null, entity: "Milestone", entityId: 9, action: "x.nested", before: { b: { d: 1, c: { y: null, x: "" } } }, after: { at: new Date("2025-06-30T16:00:00.123Z"), amount: "12345678.90", unicode: "\u001f\u2028" }, requestId: "0e3c6f1e-8b1a-4d7e-9a57-2c0f1b5d9e11", at: new Date("2024-02-29T23:59:59.999Z") },
];

describe("the chain appended by the database (audit_append_event)", () => {
  async function appendAndVerify(db: Database) {
    const before = (await verifyAuditChain(db.prisma)).length;
    for (const input of TRICKY) await db.prisma.$transaction((tx) => appendAuditEvent(tx, input));
    // Mixed with the batch path (hashed in TypeScript), in one transaction and across transactions.
    await db.prisma.$transaction(async (tx) => {
      await appendAuditEvents(tx, TRICKY.slice(1));
      await appendAuditEvent(tx, TRICKY[2]!);
    });
    const status = await verifyAuditChain(db.prisma);
    expect(status).toMatchObject({ valid: true, firstBadSeq: null, problem: null });
    expect(status.length).toBe(before + TRICKY.length + (TRICKY.length - 1) + 1);
  }

  it("hashes exactly as auditHash does, on PostgreSQL", async () => {
    await appendAndVerify(server.db);
  });

  it("hashes exactly as auditHash does, on the embedded database", async () => {
    const db = await openDatabase({ memory: true });
    try {
      await migrate(db.sql);
      await appendAndVerify(db);
    } finally {
      await db.close();
    }
  });
});

describe("tamper evidence", () => {
  it("names the first bad event after an UPDATE, a DELETE or a reordering made directly in the database", async () => {
    const { data: before } = await server.gql(`{ auditChain { valid length } }`, {}, auditor);
    expect(before.auditChain.valid).toBe(true);
    expect(before.auditChain.length).toBeGreaterThan(5);
    const audit = server.db.prisma.auditEvent;

    // An edit of one event's content.
    const original = await audit.findUniqueOrThrow({ where: { seq: 3 } });
    await tamper(server.db, `UPDATE audit_event SET action = 'project.rewritten' WHERE seq = 3`);
    let { data } = await server.gql(`{ auditChain { valid firstBadSeq problem } }`, {}, auditor);
    expect(data.auditChain).toMatchObject({ valid: false, firstBadSeq: 3 });
    expect(data.auditChain.problem).toContain("content");
    await tamper(server.db, `UPDATE audit_event SET action = '${original.action}' WHERE seq = 3`);
    expect((await server.gql(`{ auditChain { valid } }`, {}, auditor)).data.auditChain.valid).toBe(true);

    // A deletion.
    await tamper(server.db, `DELETE FROM audit_event WHERE seq = 4`);
    ({ data } = await server.gql(`{ auditChain { valid firstBadSeq problem } }`, {}, auditor));
    expect(data.auditChain).toMatchObject({ valid: false, firstBadSeq: 4 });
    expect(data.auditChain.problem).toContain("missing");

    // A reordering: swapping two events' sequence numbers.
    await tamper(server.db, `UPDATE audit_event SET seq = -1 WHERE seq = 1; UPDATE audit_event SET seq = 1 WHERE seq = 2; UPDATE audit_event SET seq = 2 WHERE seq = -1`);
    ({ data } = await server.gql(`{ auditChain { valid firstBadSeq } }`, {}, auditor));
    expect(data.auditChain).toMatchObject({ valid: false, firstBadSeq: 1 });
  });
});

describe("npm run audit:verify", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "tuijin-audit-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("exits 0 on an intact chain and non-zero, naming the event, after a direct UPDATE", async () => {
    // Its own database: on PostgreSQL a fresh database, else an embedded one in a folder.
    const target = server.databaseUrl ? await freshPostgres() : { env: { DATA_DIR: dataDir }, open: () => openDatabase({ dataDir }), drop: async () => {} };
    let db = await target.open();
    await migrate(db.sql);
    await seedReference(db.prisma);
    await seedScale(db, 30);
    await db.close();

    const ok = await npmRun("audit:verify", [], target.env);
    const status = JSON.parse(ok.trim().split("\n").find((l) => l.startsWith("{"))!);
    expect(status).toMatchObject({ valid: true, length: 30 });
    const head = status.head as string;
    const again = await npmRun("audit:verify", ["--expect-head", head], target.env);
    expect(again).toContain("is in the chain");

    db = await target.open();
    await tamper(db, `UPDATE audit_event SET after = '{"stage":"COMPLETED"}' WHERE seq = 17`);
    await db.close();
    await expect(npmRun("audit:verify", [], target.env)).rejects.toThrow(/broken at event 17/);

    // Deleting the newest events leaves a valid, shorter chain: only the published head shows it.
    db = await target.open();
    const original = await db.prisma.auditEvent.findUniqueOrThrow({ where: { seq: 18 } });
    expect(original.seq).toBe(18);
    await tamper(db, `DELETE FROM audit_event WHERE seq >= 17`);
    await db.close();
    const shorter = await npmRun("audit:verify", [], target.env);
    expect(shorter).toContain('"valid":true');
    await expect(npmRun("audit:verify", ["--expect-head", head], target.env)).rejects.toThrow(/rewritten or lost/);
    await target.drop();
  });

  async function freshPostgres() {
    const admin = new URL(server.databaseUrl!);
    const name = `tuijin_audit_${process.pid}`;
    const url = new URL(admin);
    url.pathname = `/${name}`;
    const { adminQuery } = await import("./support/database.js");
    const base = new URL(admin);
    base.pathname = "/postgres";
    await adminQuery(base.toString(), `DROP DATABASE IF EXISTS "${name}"`);
    await adminQuery(base.toString(), `CREATE DATABASE "${name}"`);
    return {
      env: { DATABASE_URL: url.toString() },
      open: () => openDatabase({ url: url.toString(), poolSize: 2 }),
      drop: () => adminQuery(base.toString(), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    };
  }
});

describe("export", () => {
  it("exports a filtered audit query as CSV and XLSX with Chinese headers", async () => {
    const fresh = await startTestServer();
    try {
      const token = await fresh.signIn("export-owner", "OWNER", "jtj");
      const reader = await fresh.signIn("export-auditor", "AUDITOR");
      const project = await makeProject(fresh.db, { code: "EXP-1", unitCode: "jtj" });
      const id = gid("Project", project.id);
      await fresh.gql(
        `mutation($input: RaiseBlockerInput!) { raiseBlocker(input: $input) { __typename } }`,
        { input: { projectId: id, kind: "APPROVAL", description: '环评批复, "待补"\n第二行' } },
        token,
      );
      const other = await makeProject(fresh.db, { code: "EXP-2", unitCode: "jtj" });
      await fresh.gql(
        `mutation($input: RaiseBlockerInput!) { raiseBlocker(input: $input) { __typename } }`,
        { input: { projectId: gid("Project", other.id), kind: "LAND", description: '=HYPERLINK("x")' } },
        token,
      );

      const denied = await fetch(`${fresh.url}/export/audit.csv`);
      expect(denied.status).toBe(401);

      const ownerExport = await fetch(`${fresh.url}/export/audit.csv`, { headers: { authorization: `Bearer ${token}` } });
      expect(ownerExport.status).toBe(403);

      const csv = await fetch(`${fresh.url}/export/audit.csv?projectId=${encodeURIComponent(id)}`, { headers: { authorization: `Bearer ${reader}` } });
      expect(csv.status).toBe(200);
      expect(csv.headers.get("content-type")).toContain("text/csv");
      expect(csv.headers.get("content-disposition")).toContain("attachment");
      const bytes = new Uint8Array(await csv.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes.slice(3));
      const lines = text.split("\r\n");
      expect(lines[0]).toBe("序号,时间（北京时间）,操作人,对象类型,对象编号,项目编号,操作,变更前,变更后,请求编号,哈希");
      expect(text).toContain("EXP-1");
      expect(text).not.toContain("EXP-2");
      expect(text).toContain("blocker.raise");
      expect(text).toContain("export-owner");

      // A cell that a spreadsheet would read as a formula is defused.
      const formula = await fresh.signIn("=1+1", "TEAM");
      await fresh.gql(
        `mutation($input: RaiseBlockerInput!) { raiseBlocker(input: $input) { __typename } }`,
        { input: { projectId: id, kind: "OTHER", description: "x" } },
        formula,
      );
      const all = await fetch(`${fresh.url}/export/audit.csv`, { headers: { authorization: `Bearer ${reader}` } });
      const allText = await all.text();
      expect(allText).toContain(",'=1+1（=1+1）,");
      expect(allText).not.toContain(",=1+1");

      const xlsx = await fetch(`${fresh.url}/export/audit.xlsx?entity=Blocker`, { headers: { authorization: `Bearer ${reader}` } });
      expect(xlsx.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet("审计记录")!;
      expect(sheet.getRow(1).getCell(1).value).toBe("序号");
      expect(sheet.getRow(1).getCell(7).value).toBe("操作");
      expect(sheet.rowCount).toBe(4);
      expect(sheet.getRow(2).getCell(7).value).toBe("blocker.raise");

      const bad = await fetch(`${fresh.url}/export/audit.csv?projectId=nonsense`, { headers: { authorization: `Bearer ${reader}` } });
      expect(bad.status).toBe(400);
    } finally {
      await fresh.close();
    }
  });
});
