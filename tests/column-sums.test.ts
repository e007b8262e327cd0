// The board's column totals of every project now come from the changes a trigger keeps on project
// (board_column_delta) rather than from scanning an action's projects: they must be the projects' own
// after every kind of write, concurrent ones included, and the kept changes must stay few.
import { Prisma } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeProject } from "./support/projects.js";
import { startTestServer, type TestServer } from "./support/server.js";

let server: TestServer;
let office: string;

beforeAll(async () => {
  server = await startTestServer();
  office = await server.signIn("sums-office", "OFFICE");
});
afterAll(() => server?.close());

const ACTION = 4;
const STAGES = ["RESERVE", "PREPARATION", "STARTED", "UNDER_CONSTRUCTION", "COMPLETED"] as const;
const gid = (id: number) => Buffer.from(`Project:${id}`).toString("base64");

type Totals = Record<string, { count: number; investment: string }>;

/** The board's totals as the web client reads them: unfiltered, now (the kept changes). */
async function boardTotals(filter: object | null = null): Promise<Totals> {
  const { data, errors } = await server.gql(
    `query($actionCode: Int!, $filter: ProjectFilter) { board(actionCode: $actionCode, filter: $filter) { columns { stage totalCount totalInvestment } } }`,
    { actionCode: ACTION, filter },
    office,
  );
  expect(errors).toBeUndefined();
  return Object.fromEntries(
    (data.board.columns as { stage: string; totalCount: number; totalInvestment: string }[]).map((c) => [
      c.stage,
      { count: c.totalCount, investment: Number(c.totalInvestment).toFixed(2) },
    ]),
  );
}

/** The same totals counted from the projects themselves. */
async function projectTotals(): Promise<Totals> {
  const rows = await server.db.sql.rows<{ stage: string; count: number; investment: string }>(Prisma.sql`
    SELECT p.stage::text AS stage, count(*)::int AS count, sum(p.total_investment)::text AS investment
      FROM project p JOIN action a ON a.id = p.action_id
     WHERE a.code = ${ACTION} AND p.archived_at IS NULL GROUP BY p.stage`);
  const totals: Totals = Object.fromEntries(STAGES.map((stage) => [stage, { count: 0, investment: "0.00" }]));
  for (const row of rows) totals[row.stage] = { count: row.count, investment: Number(row.investment).toFixed(2) };
  return totals;
}

async function stateOf(id: number): Promise<{ version: number; stage: string }> {
  const [row] = await server.db.sql.rows<{ version: number; stage: string }>(Prisma.sql`SELECT version, stage::text AS stage FROM project WHERE id = ${id}`);
  return row!;
}

const versionOf = async (id: number) => (await stateOf(id)).version;

/** 补录 to any stage (no gates), as the office does. */
async function correct(id: number, to: string): Promise<void> {
  const { data, errors } = await server.gql(
    `mutation($input: MoveProjectInput!) { moveProject(input: $input) { __typename ... on Error { message } } }`,
    { input: { projectId: gid(id), to, expectedVersion: await versionOf(id), note: "补录更正", correction: true } },
    office,
  );
  expect(errors).toBeUndefined();
  expect(data.moveProject.__typename).toBe("MoveProjectSuccess");
}

async function mutate(name: string, inputType: string, input: Record<string, unknown>): Promise<void> {
  const { data, errors } = await server.gql(
    `mutation($input: ${inputType}!) { ${name}(input: $input) { __typename ... on Error { message } } }`,
    { input },
    office,
  );
  expect(errors).toBeUndefined();
  expect(data[name].__typename).toMatch(/Success$/);
}

async function deltaRows(): Promise<number> {
  const [row] = await server.db.sql.rows<{ n: number }>(Prisma.sql`
    SELECT count(*)::int AS n FROM board_column_delta d JOIN action a ON a.id = d.action_id WHERE a.code = ${ACTION}`);
  return row!.n;
}

describe("the board's column totals", () => {
  const ids: number[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 10; i++) {
      const project = await makeProject(server.db, {
        actionCode: ACTION,
        stage: STAGES[i % 4]!,
        totalInvestment: `${100 + i * 37}.${String(i * 7).padStart(2, "0")}`,
      });
      ids.push(project.id);
    }
  });

  it("are the projects' own after registering, moving, editing, archiving and restoring", async () => {
    const expectSame = async () => {
      const totals = await projectTotals();
      expect(await boardTotals()).toEqual(totals);
      // A filter that keeps every project reads the projects themselves: the same figures.
      expect(await boardTotals({ search: "T-" })).toEqual(totals);
    };
    await expectSame();
    expect((await projectTotals()).RESERVE!.count).toBe(3);

    await correct(ids[0]!, "COMPLETED");
    await correct(ids[1]!, "RESERVE");
    await expectSame();

    await mutate("updateProject", "UpdateProjectInput", { projectId: gid(ids[2]!), expectedVersion: await versionOf(ids[2]!), totalInvestment: "12345.67" });
    // An edit that leaves the column and the investment alone changes no total.
    await mutate("updateProject", "UpdateProjectInput", { projectId: gid(ids[3]!), expectedVersion: await versionOf(ids[3]!), name: "改名" });
    await expectSame();

    const archive = (id: number, archived: boolean) =>
      versionOf(id).then((expectedVersion) =>
        mutate("setProjectArchived", "SetProjectArchivedInput", { projectId: gid(id), expectedVersion, archived, reason: "重复录入" }),
      );
    await archive(ids[4]!, true);
    await archive(ids[5]!, true);
    await expectSame();
    await archive(ids[5]!, false);
    await expectSame();
    expect((await projectTotals()).UNDER_CONSTRUCTION!.count).toBe(2);
  });

  it("stay right under concurrent moves, and the kept changes are folded into a few rows", async () => {
    const moving = ids.filter((_id, i) => i !== 4); // ids[4] was archived above
    const steps = 18;
    let made = 0;
    // Nine projects moved at once, each through the stages, with board reads among the moves.
    await Promise.all(
      moving.map(async (id, i) => {
        for (let step = 0; step < steps; step++) {
          const { stage } = await stateOf(id);
          await correct(id, STAGES[(STAGES.indexOf(stage as (typeof STAGES)[number]) + 1 + (i % 3)) % STAGES.length]!);
          made += 1;
          if (step % 4 === 0) await boardTotals();
        }
      }),
    );
    expect(made).toBe(moving.length * steps);
    expect(await boardTotals()).toEqual(await projectTotals());
    // Each move wrote two changes (out of a column, into another); folding keeps a few dozen rows.
    expect(await deltaRows()).toBeLessThan(100);
  });
});
