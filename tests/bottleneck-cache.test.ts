// The bottleneck review keeps its history figures (funnel, cumulative flow, cycle times) between
// requests (server/modules/bottleneck/history-cache.ts). After every write that changes them (a move,
// a new project, archiving) the next report must be the fresh one, and an instant with another history
// must never get another instant's figures. "Fresh" is the same figures read straight from the
// database by the service functions, for the instant the report answered for.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STAGES } from "../server/modules/common/stage.js";
import { cumulativeFlow, cycleTimes, investmentProgress, overdueMilestones, stageFunnel, type InvestmentRow } from "../server/modules/bottleneck/service.js";
import { scripted } from "./support/history.js";
import { makeProject } from "./support/projects.js";
import { startTestServer, type TestServer } from "./support/server.js";

let server: TestServer;
let team: string;
let office: string;

beforeAll(async () => {
  server = await startTestServer();
  team = await server.signIn("bc-team", "TEAM");
  office = await server.signIn("bc-office", "OFFICE", "czhb");
});
afterAll(() => server?.close());

const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString("base64");

const REPORT = /* GraphQL */ `
  query($asOf: DateTime!, $actionCode: Int) {
    bottlenecks(asOf: $asOf, actionCode: $actionCode) {
      asOf
      funnel { stage reached conversion }
      cumulativeFlow(months: 12) { month at counts { stage count } }
      cycleTimes { stage stays medianDays p85Days }
      overdueCount
      overdue(first: 1000) { name daysOverdue }
      investment { year elapsedShare total { planned completed } byUnit { planned completed } byAction { planned completed } }
    }
  }
`;

/** The report as served, the same figures read afresh for its instant, and its SQL statements. */
async function report(asOf: string, actionCode: number) {
  const result = await server.gql(REPORT, { asOf, actionCode }, team);
  expect(result.errors).toBeUndefined();
  const { asOf: answeredAt, ...figures } = result.data.bottlenecks;
  const action = await server.db.prisma.action.findUniqueOrThrow({ where: { code: actionCode } });
  const scope = { asOf: new Date(answeredAt), actionId: action.id };
  const fresh = {
    funnel: await stageFunnel(server.db.sql, scope),
    cumulativeFlow: (await cumulativeFlow(server.db.sql, scope, 12)).map((p) => ({
      month: p.month,
      at: p.at.toISOString(),
      counts: STAGES.map((stage) => ({ stage, count: p.counts.get(stage) ?? 0 })),
    })),
    cycleTimes: await cycleTimes(server.db.sql, scope),
    overdueCount: (await overdueMilestones(server.db.sql, scope, 1000)).total,
    overdue: (await overdueMilestones(server.db.sql, scope, 1000)).rows.map((m) => ({ name: m.name, daysOverdue: m.daysOverdue })),
    investment: await investmentProgress(server.db.sql, scope).then((i) => {
      const line = (row: InvestmentRow) => ({ planned: row.planned.toString(), completed: row.completed.toString() });
      return { year: i.year, elapsedShare: i.elapsedShare, total: line(i.total), byUnit: i.byUnit.map(line), byAction: i.byAction.map(line) };
    }),
  };
  return { figures, fresh, statements: result.statements as number };
}

const reached = (figures: any, stage: string): number => figures.funnel.find((f: any) => f.stage === stage).reached;

async function move(projectId: number, to: string, note?: string) {
  const project = await server.db.prisma.project.findUniqueOrThrow({ where: { id: projectId } });
  const { data, errors } = await server.gql(
    `mutation($input: MoveProjectInput!) { moveProject(input: $input) { __typename ... on Error { message } } }`,
    { input: { projectId: gid("Project", projectId), to, expectedVersion: project.version, note } },
    team,
  );
  expect(errors).toBeUndefined();
  expect(data.moveProject.__typename).toBe("MoveProjectSuccess");
}

async function gql(query: string, input: Record<string, unknown>) {
  const { data, errors } = await server.gql(query, { input }, team);
  expect(errors).toBeUndefined();
  expect(Object.values(data as object)[0].__typename).toMatch(/Success$/);
}

describe("the bottleneck review's kept figures", () => {
  it("are read once and then kept while nothing changes", async () => {
    await makeProject(server.db, { actionCode: 3, stage: "STARTED" });
    await makeProject(server.db, { actionCode: 3, stage: "PREPARATION" });
    const first = await report(new Date().toISOString(), 3);
    const again = await report(new Date().toISOString(), 3);
    expect(first.figures).toEqual(first.fresh);
    expect(again.figures).toEqual(again.fresh);
    expect(again.statements).toBeLessThan(first.statements);
  });

  it("are fresh after a move, forward or backward", async () => {
    const project = await makeProject(server.db, { actionCode: 3, stage: "RESERVE", gateReady: true });
    const before = await report(new Date().toISOString(), 3);
    await report(new Date().toISOString(), 3); // kept
    await move(project.id, "PREPARATION");
    const moved = await report(new Date().toISOString(), 3);
    expect(moved.figures).toEqual(moved.fresh);
    expect(reached(moved.figures, "PREPARATION")).toBe(reached(before.figures, "PREPARATION") + 1);
    await move(project.id, "RESERVE", "材料不全，退回储备");
    const back = await report(new Date().toISOString(), 3);
    expect(back.figures).toEqual(back.fresh);
    // The stay in 准备 ended: one more stay counted there.
    const stays = (r: any) => r.figures.cycleTimes.find((c: any) => c.stage === "PREPARATION").stays;
    expect(stays(back)).toBe(stays(moved) + 1);
  });

  it("are fresh after a project is registered", async () => {
    const before = await report(new Date().toISOString(), 3);
    const action = await server.db.prisma.action.findUniqueOrThrow({ where: { code: 3 }, include: { subTasks: true } });
    const unit = await server.db.prisma.unit.findUniqueOrThrow({ where: { code: "zjj" } });
    const { data, errors } = await server.gql(
      `mutation($input: CreateProjectInput!) { createProject(input: $input) { __typename ... on Error { message } } }`,
      {
        input: {
          name: "缓存测试新项目",
          subTaskId: gid("SubTask", action.subTasks[0]!.id),
          responsibleUnitId: gid("Unit", unit.id),
          totalInvestment: "100",
        },
      },
      office,
    );
    expect(errors).toBeUndefined();
    expect(data.createProject.__typename).toBe("CreateProjectSuccess");
    const after = await report(new Date().toISOString(), 3);
    expect(after.figures).toEqual(after.fresh);
    expect(reached(after.figures, "RESERVE")).toBe(reached(before.figures, "RESERVE") + 1);
  });

  it("are fresh after a project is archived", async () => {
    const project = await makeProject(server.db, { actionCode: 3, stage: "UNDER_CONSTRUCTION" });
    const before = await report(new Date().toISOString(), 3);
    const { data, errors } = await server.gql(
      `mutation($input: SetProjectArchivedInput!) { setProjectArchived(input: $input) { __typename ... on Error { message } } }`,
      { input: { projectId: gid("Project", project.id), expectedVersion: project.version, archived: true, reason: "重复录入" } },
      office,
    );
    expect(errors).toBeUndefined();
    expect(data.setProjectArchived.__typename).not.toMatch(/Error$/);
    const after = await report(new Date().toISOString(), 3);
    expect(after.figures).toEqual(after.fresh);
    expect(reached(after.figures, "UNDER_CONSTRUCTION")).toBe(reached(before.figures, "UNDER_CONSTRUCTION") - 1);
  });

  it("are never another instant's when a transition lies between the two", async () => {
    await scripted(server.db, {
      code: "BC-T",
      action: 4,
      steps: [
        ["RESERVE", "2025-03-01T00:00:00Z"],
        ["PREPARATION", "2025-05-01T00:00:00Z"],
      ],
    });
    const april = await report("2025-04-01T00:00:00.000Z", 4);
    const laterInApril = await report("2025-04-20T00:00:00.000Z", 4);
    const june = await report("2025-06-01T00:00:00.000Z", 4);
    for (const r of [april, laterInApril, june]) expect(r.figures).toEqual(r.fresh);
    // No event between 1 and 20 April: the second read was served from the cache.
    expect(laterInApril.statements).toBeLessThan(april.statements);
    expect(reached(april.figures, "PREPARATION")).toBe(0);
    expect(reached(june.figures, "PREPARATION")).toBe(1);
  });

  it("are fresh after a monthly report and a completed milestone", async () => {
    await scripted(server.db, { code: "BC-R", action: 3, steps: [["RESERVE", "2025-01-01T00:00:00Z"]], milestones: [{ planned: "2025-02-01" }] });
    const project = await server.db.prisma.project.findUniqueOrThrow({ where: { code: "BC-R" }, include: { milestones: true } });
    const before = await report(new Date().toISOString(), 3);
    await report(new Date().toISOString(), 3); // kept
    const thisMonth = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    await gql(`mutation($input: SubmitProgressReportInput!) { submitProgressReport(input: $input) { __typename } }`, {
      projectId: gid("Project", project.id),
      month: thisMonth,
      investmentThisMonth: "25",
      narrative: "按计划推进",
    });
    const reported = await report(new Date().toISOString(), 3);
    expect(reported.figures).toEqual(reported.fresh);
    expect(Number(reported.figures.investment.total.completed)).toBe(Number(before.figures.investment.total.completed) + 25);
    await gql(`mutation($input: CompleteMilestoneInput!) { completeMilestone(input: $input) { __typename } }`, {
      milestoneId: gid("Milestone", project.milestones[0]!.id),
      actualDate: "2025-03-01",
    });
    const completed = await report(new Date().toISOString(), 3);
    expect(completed.figures).toEqual(completed.fresh);
    expect(completed.figures.overdueCount).toBe(before.figures.overdueCount - 1);
  });

  it("never give a report reported after the instant asked for", async () => {
    await scripted(server.db, {
      code: "BC-S",
      action: 5,
      steps: [["RESERVE", "2025-01-01T00:00:00Z"]],
      plan2025: "100",
      reports: [
        { month: "2025-02", amount: "10", reported: "2025-03-05T00:00:00Z" },
        { month: "2025-03", amount: "20", reported: "2025-04-10T00:00:00Z" },
      ],
    });
    const early = await report("2025-04-05T00:00:00.000Z", 5);
    const late = await report("2025-04-20T00:00:00.000Z", 5);
    for (const r of [early, late]) expect(r.figures).toEqual(r.fresh);
    expect(Number(late.figures.investment.total.completed)).toBe(Number(early.figures.investment.total.completed) + 20);
  });
});
