// The board (and the bottleneck lists) read their projects with their cards' relations by hand-written
// SQL (server/modules/pipeline/card-rows.ts) instead of Prisma, for speed; a project read another way
// gets them batched per request. Both must answer exactly what Prisma's include answers, on a real
// database, for every shape of card: with and without township, funding sources kept and removed,
// milestones overdue, done and ahead, blockers open and resolved, decimals and nulls.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@prisma/client";
import { cardRows } from "../server/modules/pipeline/card-rows.js";
import { startOfTodayUtc } from "../server/modules/pipeline/milestones.js";
import { makeProject } from "./support/projects.js";
import { startTestServer, type TestServer } from "./support/server.js";

let server: TestServer;
let ids: number[];

const DAY = 86_400_000;

/** The selection Pothos builds for the web client's card (ProjectCard_project). */
function cardSelection(): Pick<Prisma.ProjectFindManyArgs, "include"> {
  return {
    include: {
      responsibleUnit: true,
      township: true,
      fundingSources: { where: { removedAt: null }, orderBy: { kind: "asc" } },
      _count: { select: { milestones: { where: { actualDate: null, plannedDate: { lt: startOfTodayUtc() } } }, blockers: { where: { resolvedAt: null } } } },
    },
  };
}

beforeAll(async () => {
  server = await startTestServer();
  const { prisma } = server.db;
  const plain = await makeProject(server.db, { code: "CR-001", subTaskCode: "4.1" });
  const full = await makeProject(server.db, { code: "CR-002", subTaskCode: "4.2", townshipCode: "t-linba", stage: "STARTED", totalInvestment: "12345.67" });
  const third = await makeProject(server.db, { code: "CR-003", subTaskCode: "4.1", townshipCode: "t-linba", stage: "COMPLETED" });
  await prisma.project.update({ where: { id: full.id }, data: { targetQuantity: "1000.5", targetUnit: "个", plannedStart: new Date("2025-03-01T00:00:00Z"), description: "说明" } });
  await prisma.projectFunding.createMany({
    data: [
      { projectId: full.id, kind: "BOND", amount: "5000.25" },
      { projectId: full.id, kind: "FISCAL", amount: "7345.42" },
      { projectId: third.id, kind: "FISCAL", amount: "1.00", removedAt: new Date("2025-06-01T08:00:00Z") },
      { projectId: third.id, kind: "BANK_LOAN", amount: "999.99" },
    ],
  });
  const today = startOfTodayUtc().getTime();
  await prisma.milestone.createMany({
    data: [
      { projectId: full.id, name: "逾期未完成", position: 1, plannedDate: new Date(today - 10 * DAY) },
      { projectId: full.id, name: "逾期已完成", position: 2, plannedDate: new Date(today - 20 * DAY), actualDate: new Date(today - 15 * DAY) },
      { projectId: full.id, name: "今天到期", position: 3, plannedDate: new Date(today) },
      { projectId: third.id, name: "逾期未完成", position: 1, plannedDate: new Date(today - DAY) },
    ],
  });
  await prisma.blocker.createMany({
    data: [
      { projectId: full.id, kind: "LAND", description: "用地未落实", raisedAt: new Date() },
      { projectId: full.id, kind: "FUNDS", description: "已解决", raisedAt: new Date(), resolvedAt: new Date() },
    ],
  });
  ids = [plain.id, full.id, third.id];
});
afterAll(() => server?.close());

/** The cards read by hand-written SQL, and the same projects by Prisma with the card's include. */
async function bothWays() {
  const byPrisma = await server.db.prisma.project.findMany({ ...cardSelection(), where: { id: { in: ids } }, orderBy: { id: "asc" } });
  // With the lights read beside them, as on the board: each kept on its row under a symbol, which
  // Prisma's rows do not have (tests/bottlenecks.test.ts checks the lights), so compared without it.
  const bySql = (await cardRows(server.db.sql, ids, true)).sort((a, b) => a.id - b.id).map((card) => Object.fromEntries(Object.entries(card)) as typeof card);
  return { byPrisma, bySql };
}

const CARD = /* GraphQL */ `
  id code name stage version totalInvestment targetQuantity overdueMilestoneCount openBlockerCount
  responsibleUnit { id code name shortName kind } township { id code shortName } fundingSources { kind amount }
  light { color reasons }
`;

describe("cards by hand-written SQL", () => {
  it("answers what Prisma answers for the web client's card", async () => {
    const { byPrisma, bySql } = await bothWays();
    expect(bySql).toEqual(byPrisma);
    // The data above is really there: the comparison is not between two empty answers.
    const full = bySql.find((p) => p.code === "CR-002")!;
    expect(full.fundingSources!.map((f) => f.kind)).toEqual(["BOND", "FISCAL"]);
    expect(full._count).toEqual({ milestones: 1, blockers: 1 });
    expect(full.township).not.toBeNull();
    expect(bySql.find((p) => p.code === "CR-001")!.township).toBeNull();
  });

  it("gives a project read another way the same card, its relations batched per request", async () => {
    const token = await server.signIn("cr-team", "TEAM");
    // On the board: read with the cards. By node ids: each project by Prisma, its card's relations
    // by a statement per relation for all of them.
    const board = await server.gql(`{ board(actionCode: 4) { columns { projects(first: 10) { edges { node { ${CARD} } } } } } }`, {}, token);
    const onBoard = board.data.board.columns.flatMap((c: any) => c.projects.edges.map((e: any) => e.node));
    expect(onBoard.map((p: any) => p.code).sort()).toEqual(["CR-001", "CR-002", "CR-003"]);
    const own = await server.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on Project { ${CARD} } } }`, { ids: onBoard.map((p: any) => p.id) }, token);
    expect(own.errors).toBeUndefined();
    expect(own.data.nodes).toEqual(onBoard);
    expect(onBoard.find((p: any) => p.code === "CR-002")).toMatchObject({
      overdueMilestoneCount: 1,
      openBlockerCount: 1,
      fundingSources: [{ kind: "BOND" }, { kind: "FISCAL" }],
      township: { code: "t-linba" },
    });
  });
});

describe("instants and dates by hand-written SQL", () => {
  it("are read as Prisma reads them, whatever the fraction of a second, and outside the usual years", async () => {
    // Every precision PostgreSQL writes (no fraction to six digits), a leap day, the ends of a day and
    // of a year, a year before 1000 (left to Date's parser) and one after 9999.
    const texts = [
      "2026-11-30 19:14:58",
      "2026-11-30 19:14:58.8",
      "2026-11-30 19:14:58.86",
      "2026-11-30 19:14:58.861",
      "2026-11-30 19:14:58.8612",
      "2026-11-30 19:14:58.86129",
      "2026-11-30 19:14:58.999999",
      "2024-02-29 00:00:00",
      "1999-12-31 23:59:59.999",
      "0099-06-01 12:00:00.5",
      "12026-01-01 00:00:00",
      "12026-01-01 00:00:00.25",
    ];
    const rows = await server.db.sql.rows<{ text: string; at: Date; day: Date }>(
      Prisma.sql`SELECT t AS text, t::timestamp AS at, t::timestamp::date AS day FROM unnest(${texts}::text[]) AS t`,
    );
    expect(rows.map((row) => row.text)).toEqual(texts);
    // The years outside 1000–9999 are checked below: Prisma reads no timestamp after 9999 (Invalid
    // Date), and on the embedded database reads the year 99 as 1999.
    for (const row of rows.filter((r) => /^[12]\d{3}-/.test(r.text))) {
      const reference = await server.db.prisma.$queryRaw<{ at: Date; day: Date }[]>`SELECT ${row.text}::timestamp AS at, ${row.text}::timestamp::date AS day`;
      expect(row.at.getTime(), row.text).toBe(reference[0]!.at.getTime());
      expect(row.day.getTime(), row.text).toBe(reference[0]!.day.getTime());
    }
    expect(rows[3]!.at.toISOString()).toBe("2026-11-30T19:14:58.861Z");
    expect(rows[6]!.at.toISOString()).toBe("2026-11-30T19:14:58.999Z");
    expect(rows[9]!.at.toISOString()).toBe("0099-06-01T12:00:00.500Z");
    expect(rows[10]!.day.toISOString()).toBe("+012026-01-01T00:00:00.000Z");
    expect(rows[11]!.at.toISOString()).toBe("+012026-01-01T00:00:00.250Z");
  });
});
