// Queries run by code compiled for their document (server/compiled-execution.ts) must answer what
// graphql-js answers: the same data, the same errors with the same codes, the same HTTP status, in no
// more statements. Each document is sent twice over HTTP: as it is, compiled, and with a skipped
// inline fragment that selects a relation Pothos loads ahead, which sends it to graphql-js instead.
import { readFileSync } from "node:fs";
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compiledQuery } from "../server/compiled-execution.js";
import { startOfTodayUtc } from "../server/modules/pipeline/milestones.js";
import { schema } from "../server/schema.js";
import { makeProject } from "./support/projects.js";
import { startTestServer, type GraphQLResponse, type TestServer } from "./support/server.js";

const documents = Object.values(JSON.parse(readFileSync(new URL("../dist/persisted-operations.json", import.meta.url), "utf8")) as Record<string, string>);
const clientDocument = (operation: string) => documents.find((text) => new RegExp(`^query ${operation}\\b`).test(text))!;

const DAY = 86_400_000;
let server: TestServer;
let token: string;

/** The same document, interpreted by graphql-js: a root fragment, never executed, with a planned relation. */
function interpreted(document: string): string {
  const open = document.indexOf("{");
  return `${document.slice(0, open + 1)} ... @skip(if: true) { actions { subTasks { id } } } ${document.slice(open + 1)}`;
}

/** `as`: the bearer token, null for a stranger. */
async function bothWays(document: string, variables: Record<string, unknown>, as: string | null = token) {
  expect(compiledQuery(schema, parse(document), undefined)).not.toBeNull();
  expect(compiledQuery(schema, parse(interpreted(document)), undefined)).toBeNull();
  // Read once first: what the server keeps for later requests (the actions) is read by the first.
  await server.gql(document, variables, as ?? undefined);
  const compiled = await server.gql(document, variables, as ?? undefined);
  const reference = await server.gql(interpreted(document), variables, as ?? undefined);
  const answer = (response: GraphQLResponse) => ({ status: response.status, data: response.data, errors: response.errors });
  expect(answer(compiled)).toEqual(answer(reference));
  expect(compiled.statements).toBeLessThanOrEqual(reference.statements);
  return compiled;
}

beforeAll(async () => {
  // The test server's board cache would answer the second read of a board from memory.
  server = await startTestServer({ boardCache: false });
  token = await server.signIn("compiled-team", "TEAM");
  const { prisma } = server.db;
  await makeProject(server.db, { code: "CE-001", subTaskCode: "4.1" });
  const full = await makeProject(server.db, { code: "CE-002", subTaskCode: "4.2", townshipCode: "t-linba", stage: "STARTED", totalInvestment: "12345.67" });
  const third = await makeProject(server.db, { code: "CE-003", subTaskCode: "4.1", stage: "STARTED", since: new Date("2023-01-01T00:00:00Z") });
  await makeProject(server.db, { code: "CE-004", subTaskCode: "4.1", stage: "COMPLETED" });
  await prisma.project.update({ where: { id: full.id }, data: { targetQuantity: "1000.5", targetUnit: "个", plannedStart: new Date("2025-03-01T00:00:00Z") } });
  await prisma.projectFunding.createMany({
    data: [
      { projectId: full.id, kind: "BOND", amount: "5000.25" },
      { projectId: full.id, kind: "FISCAL", amount: "7345.42" },
      { projectId: third.id, kind: "BANK_LOAN", amount: "999.99" },
    ],
  });
  const today = startOfTodayUtc().getTime();
  await prisma.milestone.create({ data: { projectId: third.id, name: "逾期未完成", position: 1, plannedDate: new Date(today - 40 * DAY) } });
  await prisma.blocker.create({ data: { projectId: full.id, kind: "LAND", description: "用地未落实", raisedAt: new Date() } });
});
afterAll(() => server?.close());

describe("compiled queries", () => {
  it("answer the web client's board, column pages and pickers as graphql-js does", async () => {
    const board = await bothWays(clientDocument("Board"), { actionCode: 4, filter: {} });
    const cards = board.data.board.columns.flatMap((column: { projects: { edges: { node: object }[] } }) => column.projects.edges.map((edge) => edge.node));
    expect(cards.map((card: { code: string }) => card.code).sort()).toEqual(["CE-001", "CE-002", "CE-003", "CE-004"]);
    // Every part of a card is there to compare: units, a township, funding, badges, lights.
    const full = cards.find((card: { code: string }) => card.code === "CE-002");
    expect(full).toMatchObject({ township: { shortName: expect.any(String) }, openBlockerCount: 1, targetQuantity: "1000.5", fundingSources: [{ kind: "BOND" }, { kind: "FISCAL" }] });
    const late = cards.find((card: { code: string }) => card.code === "CE-003");
    expect(late.overdueMilestoneCount).toBe(1);
    expect(late.light.color).not.toBe("GREEN");

    const first = await server.gql(`{ projects(filter: { actionCode: 4 }, first: 1) { edges { cursor } } }`, {}, token);
    const page = await bothWays(clientDocument("ColumnPage"), { filter: { actionCode: 4 }, after: first.data.projects.edges[0].cursor });
    expect(page.data.projects.edges).toHaveLength(3);
    await bothWays(clientDocument("IndicatorLinkCandidates"), { filter: { actionCode: 4, search: "CE" } });
    await bothWays(clientDocument("NoticeProjectSearch"), { search: "CE-00" });
    await bothWays(clientDocument("FilterUnits"), {});
    await bothWays(clientDocument("ViewerRole"), {});
    await bothWays(clientDocument("BottleneckThresholds"), {});
  });

  it("give the errors graphql-js gives: codes, messages, paths and status", async () => {
    const board = clientDocument("Board");
    const missing = await bothWays(board, {});
    expect(missing.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const mistyped = await bothWays(board, { actionCode: "二" });
    expect(mistyped.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const noSuchAction = await bothWays(board, { actionCode: 9 });
    expect(noSuchAction.errors).toEqual([expect.objectContaining({ message: "没有编号为 9 的行动（应为 1 到 5）", path: ["board"], extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }) })]);
    const future = await bothWays(board, { actionCode: 4, at: new Date(Date.now() + 7 * DAY).toISOString() });
    expect(future.errors?.[0]?.message).toBe("不能查看未来的看板");
    const stranger = await bothWays(board, { actionCode: 4 }, null);
    expect(stranger.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("are kept for the last hundred documents executed, not for every document ever sent", () => {
    const first = parse(`{ viewer { id } }`);
    const kept = compiledQuery(schema, first, undefined);
    expect(compiledQuery(schema, first, undefined)).toBe(kept);
    for (let i = 0; i < 99; i++) compiledQuery(schema, parse(`{ n${i}: viewer { id } }`), undefined);
    expect(compiledQuery(schema, first, undefined)).toBe(kept);
    for (let i = 0; i < 100; i++) compiledQuery(schema, parse(`{ m${i}: viewer { id } }`), undefined);
    const again = compiledQuery(schema, first, undefined);
    expect(again).not.toBeNull();
    expect(again).not.toBe(kept);
  });

  it("leave mutations and subscriptions to graphql-js", () => {
    for (const text of documents.filter((document) => /^(mutation|subscription) /.test(document))) {
      expect(compiledQuery(schema, parse(text), undefined)).toBeNull();
    }
  });
});
