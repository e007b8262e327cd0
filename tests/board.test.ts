// The board: five columns with counts and sums, cursor pagination, filters, and a constant number
// of SQL statements whatever the number of projects.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeProject } from "./support/projects.js";
import { startTestServer, type GraphQLResponse, type TestServer } from "./support/server.js";

let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startTestServer();
  token = await server.signIn("board-owner", "OWNER", "jtj");
});
afterAll(() => server?.close());

const BOARD = /* GraphQL */ `
  query Board($actionCode: Int!, $filter: ProjectFilter, $first: Int, $after: String) {
    board(actionCode: $actionCode, filter: $filter) {
      action { code name }
      columns {
        stage
        totalCount
        totalInvestment
        projects(first: $first, after: $after) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { cursor node { id code name stage version overdueMilestoneCount openBlockerCount responsibleUnit { code } township { code } } }
        }
      }
    }
  }
`;

type Board = {
  board: {
    action: { code: number; name: string };
    columns: {
      stage: string;
      totalCount: number;
      totalInvestment: string;
      projects: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { cursor: string; node: { id: string; code: string; name: string; stage: string } }[];
      };
    }[];
  };
};

function column(board: Board, stage: string) {
  const found = board.board.columns.find((c) => c.stage === stage);
  if (!found) throw new Error(`no column ${stage}`);
  return found;
}

describe("board", () => {
  beforeAll(async () => {
    // Action 3: 3 in 储备, 2 in 在建, 1 in 竣工.
    await makeProject(server.db, { code: "B3-001", subTaskCode: "3.1", stage: "RESERVE", totalInvestment: "100.50" });
    await makeProject(server.db, { code: "B3-002", subTaskCode: "3.1", stage: "RESERVE", totalInvestment: "200" });
    await makeProject(server.db, { code: "B3-003", subTaskCode: "3.2", stage: "RESERVE", totalInvestment: "0.25" });
    await makeProject(server.db, { code: "B3-004", subTaskCode: "3.2", stage: "UNDER_CONSTRUCTION", unitCode: "wjj" });
    await makeProject(server.db, { code: "B3-005", subTaskCode: "3.3", stage: "UNDER_CONSTRUCTION", unitCode: "mzj" });
    await makeProject(server.db, { code: "B3-006", subTaskCode: "3.4", stage: "COMPLETED" });
    // Another action's project must not show on this board.
    await makeProject(server.db, { code: "B1-001", subTaskCode: "1.1", stage: "RESERVE" });
  });

  it("has five columns in pipeline order with counts and investment sums", async () => {
    const { data, errors } = await server.gql<Board>(BOARD, { actionCode: 3, first: 10 }, token);
    expect(errors).toBeUndefined();
    expect(data!.board.action.code).toBe(3);
    expect(data!.board.columns.map((c) => c.stage)).toEqual([
      "RESERVE",
      "PREPARATION",
      "STARTED",
      "UNDER_CONSTRUCTION",
      "COMPLETED",
    ]);
    expect(data!.board.columns.map((c) => c.totalCount)).toEqual([3, 0, 0, 2, 1]);
    expect(Number(column(data!, "RESERVE").totalInvestment)).toBeCloseTo(300.75, 2);
    expect(Number(column(data!, "PREPARATION").totalInvestment)).toBe(0);
    expect(column(data!, "RESERVE").projects.edges.map((e) => e.node.code)).toEqual(["B3-001", "B3-002", "B3-003"]);
    expect(column(data!, "UNDER_CONSTRUCTION").projects.edges.every((e) => e.node.stage === "UNDER_CONSTRUCTION")).toBe(true);
  });

  it("gives the same counts and sums whether they come with the cards, without cards to carry them, or alone", async () => {
    const totals = (board: Board) => board.board.columns.map((c) => [c.totalCount, Number(c.totalInvestment).toFixed(2)]);
    const withCards = totals((await server.gql<Board>(BOARD, { actionCode: 3, first: 10 }, token)).data!);
    expect(withCards).toEqual([[3, "300.75"], [0, "0.00"], [0, "0.00"], [2, "2000.00"], [1, "1000.00"]]);
    // Every page past its column's end: no card comes back to carry the sums.
    const pastTheEnd = await server.gql<Board>(BOARD, { actionCode: 3, first: 10, after: Buffer.from("GPC:S:ZZZ").toString("base64") }, token);
    expect(pastTheEnd.errors).toBeUndefined();
    expect(pastTheEnd.data!.board.columns.every((c) => c.projects.edges.length === 0)).toBe(true);
    expect(totals(pastTheEnd.data!)).toEqual(withCards);
    // The counts alone, and the same filtered to nothing and past.
    const alone = await server.gql(`query { board(actionCode: 3) { columns { totalCount totalInvestment } } }`, {}, token);
    expect(alone.data.board.columns.map((c: { totalCount: number; totalInvestment: string }) => [c.totalCount, Number(c.totalInvestment).toFixed(2)])).toEqual(withCards);
    const none = await server.gql<Board>(BOARD, { actionCode: 3, first: 10, filter: { search: "没有这个项目" } }, token);
    expect(totals(none.data!)).toEqual([[0, "0.00"], [0, "0.00"], [0, "0.00"], [0, "0.00"], [0, "0.00"]]);
  });

  it("pages through a column with cursors, without gaps or repeats", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const response: GraphQLResponse<Board> = await server.gql<Board>(BOARD, { actionCode: 3, first: 2, after }, token);
      const reserve = column(response.data!, "RESERVE").projects;
      expect(reserve.totalCount).toBe(3);
      seen.push(...reserve.edges.map((e) => e.node.code));
      if (!reserve.pageInfo.hasNextPage) break;
      after = reserve.pageInfo.endCursor;
    }
    expect(seen).toEqual(["B3-001", "B3-002", "B3-003"]);
  });

  it("pages back through a column from its end, in code order", async () => {
    const BACKWARD = /* GraphQL */ `
      query Back($before: String) {
        board(actionCode: 3) {
          columns { stage projects(last: 2, before: $before) { pageInfo { hasPreviousPage startCursor } edges { node { code } } } }
        }
      }
    `;
    const last = await server.gql(BACKWARD, {}, token);
    const reserve = (data: any) => data.board.columns.find((c: { stage: string }) => c.stage === "RESERVE").projects;
    expect(last.errors).toBeUndefined();
    expect(reserve(last.data).edges.map((e: { node: { code: string } }) => e.node.code)).toEqual(["B3-002", "B3-003"]);
    expect(reserve(last.data).pageInfo.hasPreviousPage).toBe(true);
    const before = await server.gql(BACKWARD, { before: reserve(last.data).pageInfo.startCursor }, token);
    expect(reserve(before.data).edges.map((e: { node: { code: string } }) => e.node.code)).toEqual(["B3-001"]);
  });

  it("gives cards the project's other relations when asked, in as many statements for 1 card as for 3", async () => {
    const WITH_MILESTONES = /* GraphQL */ `
      query Milestones($first: Int) {
        board(actionCode: 3) {
          columns { stage projects(first: $first) { edges { node { code responsibleUnit { code } milestones { name } } } } }
        }
      }
    `;
    const reserveB3 = await server.db.prisma.project.findUniqueOrThrow({ where: { code: "B3-002" } });
    await server.db.prisma.milestone.createMany({
      data: [
        { projectId: reserveB3.id, name: "立项", position: 0, plannedDate: new Date("2025-01-01") },
        { projectId: reserveB3.id, name: "可研", position: 1, plannedDate: new Date("2025-03-01") },
      ],
    });
    const one = await server.gql(WITH_MILESTONES, { first: 1 }, token);
    const all = await server.gql(WITH_MILESTONES, { first: 10 }, token);
    expect(all.errors).toBeUndefined();
    const reserve = all.data.board.columns.find((c: { stage: string }) => c.stage === "RESERVE").projects.edges.map((e: { node: object }) => e.node);
    expect(reserve).toEqual([
      { code: "B3-001", responsibleUnit: { code: "zjj" }, milestones: [] },
      { code: "B3-002", responsibleUnit: { code: "zjj" }, milestones: [{ name: "立项" }, { name: "可研" }] },
      { code: "B3-003", responsibleUnit: { code: "zjj" }, milestones: [] },
    ]);
    expect(all.statements).toBe(one.statements);
  });

  it("filters by sub-task, responsible unit and text, and counts follow the filter", async () => {
    const { data: actions } = await server.gql(`{ actions { code subTasks { id code } } }`, {}, token);
    const subTask32 = actions.actions[2].subTasks.find((s: { code: string }) => s.code === "3.2").id;
    const bySubTask = await server.gql<Board>(BOARD, { actionCode: 3, first: 10, filter: { subTaskId: subTask32 } }, token);
    expect(bySubTask.data!.board.columns.map((c) => c.totalCount)).toEqual([1, 0, 0, 1, 0]);

    const { data: units } = await server.gql(`{ units(kind: BUREAU) { id code } }`, {}, token);
    const wjj = units.units.find((u: { code: string }) => u.code === "wjj").id;
    const byUnit = await server.gql<Board>(BOARD, { actionCode: 3, first: 10, filter: { responsibleUnitId: wjj } }, token);
    expect(byUnit.data!.board.columns.map((c) => c.totalCount)).toEqual([0, 0, 0, 1, 0]);
    expect(column(byUnit.data!, "UNDER_CONSTRUCTION").projects.edges.map((e) => e.node.code)).toEqual(["B3-004"]);

    const byText = await server.gql<Board>(BOARD, { actionCode: 3, first: 10, filter: { search: "b3-00" } }, token);
    expect(byText.data!.board.columns.map((c) => c.totalCount)).toEqual([3, 0, 0, 2, 1]);
    const byName = await server.gql<Board>(BOARD, { actionCode: 3, first: 10, filter: { search: "不存在的项目" } }, token);
    expect(byName.data!.board.columns.map((c) => c.totalCount)).toEqual([0, 0, 0, 0, 0]);
  });

  it("filters by township", async () => {
    await makeProject(server.db, { code: "B4-001", subTaskCode: "4.1", townshipCode: "t-sanhui" });
    await makeProject(server.db, { code: "B4-002", subTaskCode: "4.1", townshipCode: "t-tuxi" });
    const { data: units } = await server.gql(`{ units(kind: TOWNSHIP) { id code } }`, {}, token);
    const sanhui = units.units.find((u: { code: string }) => u.code === "t-sanhui").id;
    const { data } = await server.gql<Board>(BOARD, { actionCode: 4, first: 10, filter: { townshipId: sanhui } }, token);
    expect(column(data!, "RESERVE").projects.edges.map((e) => e.node.code)).toEqual(["B4-001"]);
  });

  it("refuses an unknown action and malformed filters with a clear error", async () => {
    const unknown = await server.gql(BOARD, { actionCode: 9 }, token);
    expect(unknown.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(unknown.errors?.[0]?.message).toContain("1 到 5");
    const badId = await server.gql(BOARD, { actionCode: 3, filter: { subTaskId: "not-an-id" } }, token);
    expect(badId.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const longText = await server.gql(BOARD, { actionCode: 3, filter: { search: "长".repeat(500) } }, token);
    expect(longText.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("counts each card's overdue milestones and open blockers", async () => {
    const project = await makeProject(server.db, { code: "B2-BADGE", subTaskCode: "2.2" });
    await server.db.prisma.milestone.createMany({
      data: [
        { projectId: project.id, name: "过期未完成", position: 0, plannedDate: new Date("2024-01-01") },
        { projectId: project.id, name: "过期已完成", position: 1, plannedDate: new Date("2024-02-01"), actualDate: new Date("2024-02-03") },
        { projectId: project.id, name: "未到期", position: 2, plannedDate: new Date("2099-01-01") },
      ],
    });
    await server.db.prisma.blocker.createMany({
      data: [
        { projectId: project.id, kind: "LAND", description: "未解决", raisedAt: new Date() },
        { projectId: project.id, kind: "FUNDS", description: "已解决", raisedAt: new Date(), resolvedAt: new Date() },
      ],
    });
    const { data } = await server.gql<any>(BOARD, { actionCode: 2, first: 50, filter: { search: "B2-BADGE" } }, token);
    expect(column(data!, "RESERVE").projects.edges[0]!.node).toMatchObject({ code: "B2-BADGE", overdueMilestoneCount: 1, openBlockerCount: 1 });
  });

  it("issues the same number of SQL statements for 6 projects as for 60", async () => {
    const query = BOARD;
    const addProjects = async (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        await makeProject(server.db, {
          code: `B5-${String(i).padStart(3, "0")}`,
          subTaskCode: `5.${(i % 4) + 1}`,
          stage: (["RESERVE", "PREPARATION", "STARTED", "UNDER_CONSTRUCTION", "COMPLETED"] as const)[i % 5],
          townshipCode: i % 2 ? "t-linba" : null,
        });
        await server.db.prisma.blocker.create({ data: { projectId: (await server.db.prisma.project.findUniqueOrThrow({ where: { code: `B5-${String(i).padStart(3, "0")}` } })).id, kind: "OTHER", description: "x", raisedAt: new Date() } });
      }
    };
    await addProjects(0, 6);
    const before = await server.gql<Board>(query, { actionCode: 5, first: 20 }, token);
    await addProjects(6, 60);
    const after = await server.gql<Board>(query, { actionCode: 5, first: 20 }, token);
    expect(before.data!.board.columns.map((c) => c.totalCount)).toEqual([2, 1, 1, 1, 1]);
    expect(after.data!.board.columns.map((c) => c.totalCount)).toEqual([12, 12, 12, 12, 12]);
    expect(before.statements).toBeGreaterThan(0);
    expect(after.statements).toBe(before.statements);
    // The pages of all five columns are read together with their cards (units, badges, funding
    // sources and traffic lights) and the columns' counts and sums: with the session and the board
    // cache's fingerprint, three statements (the actions are reference data, read once).
    expect(after.statements).toBe(3);
  });
});
