// The demo set and generated projects: consistent histories, and an intact audit chain.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../server/db/client.js";
import { migrate } from "../server/db/migrate.js";
import { verifyAuditChain } from "../server/modules/audit/service.js";
import { STAGES } from "../server/modules/common/stage.js";
import { seedDemoAccounts, seedDemoProjects } from "../seeds/demo.js";
import { seedReference } from "../seeds/reference.js";
import { seedScale } from "../seeds/scale.js";
import { startTestServer, type TestServer } from "./support/server.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await seedDemoProjects(server.db);
  await seedScale(server.db, 300);
});
afterAll(() => server?.close());

async function inconsistentProjects(): Promise<unknown[]> {
  // A project's stage, version and stageEnteredAt must agree with its last transition.
  return server.db.sql.query(`
    SELECT p.code, p.stage, p.version, t.to_stage, t.count
      FROM project p
      JOIN LATERAL (
        SELECT (array_agg(to_stage ORDER BY at DESC, id DESC))[1]::text AS to_stage,
               max(at) AS last_at, count(*)::int AS count,
               bool_and(from_stage IS NULL OR from_stage <> to_stage) AS no_repeats,
               count(*) FILTER (WHERE from_stage IS NULL)::int AS intakes
          FROM stage_transition WHERE project_id = p.id
      ) t ON true
     WHERE p.stage::text <> t.to_stage OR p.version <> t.count OR p.stage_entered_at <> t.last_at
        OR NOT t.no_repeats OR t.intakes <> 1`);
}

describe("demo data", () => {
  it("has every named project of the plan, under all five actions, marked illustrative", async () => {
    const count = await server.db.prisma.project.count({ where: { code: { startsWith: "QX-" } } });
    expect(count).toBeGreaterThanOrEqual(50);
    const byAction = await server.db.prisma.project.groupBy({ by: ["actionId"], where: { code: { startsWith: "QX-" } }, _count: true });
    expect(byAction).toHaveLength(5);
    expect(await server.db.prisma.project.count({ where: { illustrative: false } })).toBe(0);
    for (const name of ["成达万高铁渠县站", "城坝遗址博物馆", "渠县人民医院康复医学中心"]) {
      expect(await server.db.prisma.project.count({ where: { name: { contains: name } } }), name).toBeGreaterThan(0);
    }
    const chargers = await server.db.prisma.project.findFirstOrThrow({ where: { name: { contains: "充电桩" } } });
    expect(chargers.targetQuantity?.toString()).toBe("1000");
    expect(chargers.targetUnit).toBe("个");
  });

  it("writes the OCR slip 賸 as 賨", async () => {
    expect(await server.db.prisma.project.count({ where: { name: { contains: "賸" } } })).toBe(0);
    expect(await server.db.prisma.project.count({ where: { name: { contains: "賨" } } })).toBeGreaterThan(0);
  });

  it("gives every project a consistent history, funding that adds up and reports that match completed investment", async () => {
    expect(await inconsistentProjects()).toEqual([]);
    const badFunding = await server.db.sql.query(`
      SELECT p.code FROM project p JOIN project_funding f ON f.project_id = p.id
       GROUP BY p.id HAVING sum(f.amount) <> p.total_investment`);
    expect(badFunding).toEqual([]);
    const badReports = await server.db.sql.query(`
      SELECT p.code FROM project p JOIN progress_report r ON r.project_id = p.id
       GROUP BY p.id HAVING sum(r.investment_this_month) <> p.completed_investment`);
    expect(badReports).toEqual([]);
    const stages = await server.db.prisma.project.groupBy({ by: ["stage"], _count: true });
    expect(stages.map((s) => s.stage).sort()).toEqual([...STAGES].sort());
  });

  it("records every seeded project in a valid audit chain", async () => {
    const status = await verifyAuditChain(server.db.prisma);
    expect(status.valid).toBe(true);
    expect(status.length).toBe(await server.db.prisma.project.count());
  });

  it("creates the demo accounts of the contract", async () => {
    const created = await seedDemoAccounts(server.db.prisma, "demo-pass");
    const users = await server.db.prisma.user.findMany({ include: { unit: true } });
    expect(users).toHaveLength(created);
    const roles = Object.fromEntries(users.filter((u) => !u.username.startsWith("owner-")).map((u) => [u.username, u.role]));
    expect(roles).toEqual({ admin: "ADMIN", leader: "LEADER", office: "OFFICE", team: "TEAM", auditor: "AUDITOR" });
    const owners = users.filter((u) => u.username.startsWith("owner-"));
    expect(owners.every((u) => u.role === "OWNER" && u.unit && u.username === `owner-${u.unit.code}`)).toBe(true);
    const responsible = await server.db.prisma.unit.findMany({ where: { responsibleProjects: { some: {} } } });
    for (const unit of responsible) expect(owners.some((o) => o.unitId === unit.id), unit.code).toBe(true);
    const login = await server.gql(
      `mutation { login(username: "owner-jtj", password: "demo-pass") { __typename } }`,
    );
    expect(login.data.login.__typename).toBe("LoginSuccess");
  });
});

describe("generated projects on the embedded database", () => {
  it("loads --scale batches whose statements pass PGlite's 32,767-parameter limit", async () => {
    // 1,700 projects of 20 columns need 34,000 parameters in one statement unless batched smaller.
    const db = await openDatabase({ memory: true });
    try {
      await migrate(db.sql);
      await seedReference(db.prisma);
      await seedScale(db, 1_700);
      expect(await db.prisma.project.count()).toBe(1_700);
      expect((await verifyAuditChain(db.prisma)).valid).toBe(true);
    } finally {
      await db.close();
    }
  });
});
