// The project filter renders twice (server/modules/project/filter.ts): as a Prisma where for the
// project list and as SQL for the board. Through GraphQL, both must pick the same projects, and a
// % or _ typed into the search box is a literal character, not a wildcard.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeProject } from "./support/projects.js";
import { startTestServer, type TestServer } from "./support/server.js";

let server: TestServer;
let token: string;

const LIST = /* GraphQL */ `
  query List($filter: ProjectFilter) {
    projects(filter: $filter, first: 100) { totalCount edges { node { code } } }
  }
`;

const BOARD = /* GraphQL */ `
  query Board($filter: ProjectFilter) {
    board(actionCode: 3, filter: $filter) { columns { totalCount projects(first: 100) { edges { node { code } } } } }
  }
`;

interface List {
  projects: { totalCount: number; edges: { node: { code: string } }[] };
}
interface Board {
  board: { columns: { totalCount: number; projects: { edges: { node: { code: string } }[] } }[] };
}

beforeAll(async () => {
  server = await startTestServer();
  token = await server.signIn("filter-team", "TEAM");
  const specs = [
    { code: "F3-001", name: "渠江路改造（50%财政）", townshipCode: "t-linba", stage: "RESERVE" as const },
    { code: "F3-002", name: "渠江_雨污分流", townshipCode: null, stage: "STARTED" as const, unitCode: "jtj" },
    { code: "F3-003", name: "城南充电站", townshipCode: "t-linba", stage: "STARTED" as const },
    { code: "F3-004", name: "城北公园", townshipCode: null, stage: "COMPLETED" as const, unitCode: "jtj" },
    { code: "F3-005", name: "渠江大桥", townshipCode: "t-linba", stage: "UNDER_CONSTRUCTION" as const },
  ];
  for (const spec of specs) await makeProject(server.db, { ...spec, subTaskCode: "3.1" });
});
afterAll(() => server?.close());

async function unitId(code: string): Promise<string> {
  const unit = await server.db.prisma.unit.findUniqueOrThrow({ where: { code } });
  return Buffer.from(`Unit:${unit.id}`).toString("base64");
}

async function bothWays(filter: Record<string, unknown>): Promise<{ list: string[]; board: string[] }> {
  const list = await server.gql<List>(LIST, { filter: { ...filter, actionCode: 3 } }, token);
  const board = await server.gql<Board>(BOARD, { filter }, token);
  expect(list.errors).toBeUndefined();
  expect(board.errors).toBeUndefined();
  const boardCodes = board.data!.board.columns.flatMap((c) => c.projects.edges.map((e) => e.node.code));
  expect(board.data!.board.columns.reduce((sum, c) => sum + c.totalCount, 0)).toBe(list.data!.projects.totalCount);
  return { list: list.data!.projects.edges.map((e) => e.node.code).sort(), board: boardCodes.sort() };
}

describe("the project filter, on the list and on the board", () => {
  it("picks the same projects both ways, whatever the filter", async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{}, ["F3-001", "F3-002", "F3-003", "F3-004", "F3-005"]],
      [{ search: "渠江" }, ["F3-001", "F3-002", "F3-005"]],
      [{ search: "f3-00" }, ["F3-001", "F3-002", "F3-003", "F3-004", "F3-005"]],
      [{ stage: "STARTED" }, ["F3-002", "F3-003"]],
      [{ townshipId: await unitId("t-linba") }, ["F3-001", "F3-003", "F3-005"]],
      [{ responsibleUnitId: await unitId("jtj") }, ["F3-002", "F3-004"]],
      [{ townshipId: await unitId("t-linba"), search: "渠江" }, ["F3-001", "F3-005"]],
    ];
    for (const [filter, expected] of cases) {
      const { list, board } = await bothWays(filter);
      expect(list, JSON.stringify(filter)).toEqual(expected);
      expect(board, JSON.stringify(filter)).toEqual(expected);
    }
  });

  it("takes % and _ in a search literally", async () => {
    expect(await bothWays({ search: "%" })).toEqual({ list: ["F3-001"], board: ["F3-001"] });
    expect(await bothWays({ search: "_" })).toEqual({ list: ["F3-002"], board: ["F3-002"] });
    expect(await bothWays({ search: "江_雨" })).toEqual({ list: ["F3-002"], board: ["F3-002"] });
    expect(await bothWays({ search: "江%雨" })).toEqual({ list: [], board: [] });
  });
});
