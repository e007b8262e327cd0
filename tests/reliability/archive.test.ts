// Nothing is ever hard-deleted through the API: there is no mutation that deletes, and an archived
// project leaves the boards but keeps every record it had (history, milestones, blockers, reports,
// gate items, audit trail), which auditors still read; it takes no changes until restored.
import { getIntrospectionQuery } from "graphql";
import { afterAll, beforeAll, expect, it } from "vitest";
import { recordFigures } from "../support/figures.js";
import { makeProject } from "../support/projects.js";
import { startTestServer, type TestServer } from "../support/server.js";

let server: TestServer;
let office: string;
let operations = 0;
const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString("base64");

beforeAll(async () => {
  server = await startTestServer();
  office = await server.signIn("archive-office", "OFFICE", "czhb");
});
afterAll(async () => {
  recordFigures("archive", { operations });
  await server?.close();
});

async function gql(query: string, variables: Record<string, unknown> = {}, token = office) {
  operations += 1;
  return server.gql(query, variables, token);
}

const SET = `mutation($input: SetProjectArchivedInput!) { setProjectArchived(input: $input) { __typename ... on Error { message } ... on SetProjectArchivedSuccess { project { version archivedAt } } } }`;

it("has no mutation that deletes or removes anything", async () => {
  const { data } = await gql(getIntrospectionQuery());
  const mutation = data.__schema.types.find((t: any) => t.name === "Mutation");
  const names: string[] = mutation.fields.map((f: any) => f.name);
  expect(names.length).toBeGreaterThan(10);
  expect(names.filter((n) => /delete|remove|destroy|purge|drop|erase|clear/i.test(n))).toEqual([]);
});

it("archives a project off the boards, keeps its record, and restores it", async () => {
  const project = await makeProject(server.db, { code: "ARC-1", subTaskCode: "3.1" });
  const id = gid("Project", project.id);
  const count = async () => (await gql(`{ board(actionCode: 3) { columns { totalCount } } projects(filter: { search: "ARC-1" }) { totalCount } }`)).data;

  const before = await count();
  expect(before.projects.totalCount).toBe(1);
  const noReason = await gql(SET, { input: { projectId: id, expectedVersion: 1, archived: true, reason: "" } });
  expect(noReason.data.setProjectArchived.__typename).toBe("ValidationError");
  const archived = await gql(SET, { input: { projectId: id, expectedVersion: 1, archived: true, reason: "重复入库" } });
  expect(archived.data.setProjectArchived.project.version).toBe(2);
  expect(archived.data.setProjectArchived.project.archivedAt).not.toBeNull();

  const after = await count();
  expect(after.projects.totalCount).toBe(0);
  expect(after.board.columns[0].totalCount).toBe(before.board.columns[0].totalCount - 1);
  // Its record stays: the row, its history and the audit trail.
  expect(await server.db.prisma.project.count({ where: { code: "ARC-1" } })).toBe(1);
  expect(await server.db.prisma.stageTransition.count({ where: { projectId: project.id } })).toBe(1);
  expect(await server.db.prisma.auditEvent.count({ where: { projectId: project.id, action: "project.archive" } })).toBe(1);

  const owner = await server.signIn("archive-owner", "OWNER", "zjj");
  const denied = await gql(SET, { input: { projectId: id, expectedVersion: 2, archived: false, reason: "恢复" } }, owner);
  expect(denied.data.setProjectArchived.__typename).toBe("ForbiddenError");
  const restored = await gql(SET, { input: { projectId: id, expectedVersion: 2, archived: false, reason: "误归档" } });
  expect(restored.data.setProjectArchived.project.archivedAt).toBeNull();
  expect((await count()).projects.totalCount).toBe(1);
});

/** Everything recorded about a project, counted in the database. */
async function recordsOf(projectId: number) {
  const where = { projectId };
  const [transitions, auditEvents, blockers, progressReports, milestones, gateItems, fundingSources] = await Promise.all([
    server.db.prisma.stageTransition.count({ where }),
    server.db.prisma.auditEvent.count({ where }),
    server.db.prisma.blocker.count({ where }),
    server.db.prisma.progressReport.count({ where }),
    server.db.prisma.milestone.count({ where }),
    server.db.prisma.projectGateItem.count({ where }),
    server.db.prisma.projectFunding.count({ where }),
  ]);
  return { transitions, auditEvents, blockers, progressReports, milestones, gateItems, fundingSources };
}

it("keeps every record of an archived project readable, and refuses changes to it", async () => {
  const project = await makeProject(server.db, { code: "ARC-2", unitCode: "jtj" });
  const id = gid("Project", project.id);
  const change = async (field: string, input: string, variables: Record<string, unknown>) =>
    (await gql(`mutation($input: ${input}!) { ${field}(input: $input) { __typename ... on Error { message } } }`, { input: variables })).data[field]
      .__typename as string;

  // A record of every kind, made through the API.
  const requirement = await server.db.prisma.gateRequirement.findFirstOrThrow({ where: { fromStage: "RESERVE", check: "MANUAL", active: true } });
  const made = [
    await change("updateProject", "UpdateProjectInput", {
      projectId: id,
      expectedVersion: 1,
      plannedStart: "2025-01-01",
      plannedCompletion: "2027-06-30",
      fundingSources: [{ kind: "BOND", amount: "500" }],
    }),
    await change("setGateItem", "SetGateItemInput", { projectId: id, requirementId: gid("GateRequirement", requirement.id), done: true, reference: "渠发改〔2025〕9号" }),
    await change("generateMilestones", "GenerateMilestonesInput", { projectId: id }),
    await change("submitProgressReport", "SubmitProgressReportInput", { projectId: id, month: "2025-02", investmentThisMonth: "20", narrative: "前期" }),
    await change("raiseBlocker", "RaiseBlockerInput", { projectId: id, kind: "LAND", description: "用地指标" }),
  ];
  const blocker = await server.db.prisma.blocker.findFirstOrThrow({ where: { projectId: project.id } });
  const milestone = await server.db.prisma.milestone.findFirstOrThrow({ where: { projectId: project.id } });
  made.push(
    await change("resolveBlocker", "ResolveBlockerInput", { blockerId: gid("Blocker", blocker.id), resolution: "已调剂" }),
    await change("completeMilestone", "CompleteMilestoneInput", { milestoneId: gid("Milestone", milestone.id), actualDate: "2025-02-01" }),
    await change("moveProject", "MoveProjectInput", { projectId: id, to: "PREPARATION", expectedVersion: 8, note: "前期完成" }),
  );
  expect(made).toEqual([
    "UpdateProjectSuccess",
    "SetGateItemSuccess",
    "GenerateMilestonesSuccess",
    "SubmitProgressReportSuccess",
    "RaiseBlockerSuccess",
    "ResolveBlockerSuccess",
    "CompleteMilestoneSuccess",
    "MoveProjectSuccess",
  ]);
  const records = await recordsOf(project.id);
  expect(Object.entries(records).filter(([, n]) => n === 0)).toEqual([]);

  expect((await gql(SET, { input: { projectId: id, expectedVersion: 9, archived: true, reason: "项目取消" } })).data.setProjectArchived.__typename).toBe(
    "SetProjectArchivedSuccess",
  );
  expect(await recordsOf(project.id)).toEqual({ ...records, auditEvents: records.auditEvents + 1 });

  // Auditors still read all of it.
  const auditor = await server.signIn("archive-auditor", "AUDITOR");
  const read = await gql(
    `query($id: ID!) { node(id: $id) { ... on Project { archivedAt history(first: 50) { totalCount } milestones { id } blockers { resolvedAt } progressReports { month } timeline(first: 50) { totalCount } } } }`,
    { id },
    auditor,
  );
  expect(read.errors).toBeUndefined();
  expect(read.data.node).toMatchObject({
    history: { totalCount: records.transitions },
    timeline: { totalCount: records.auditEvents + 1 },
    progressReports: [{ month: "2025-02" }],
  });
  expect(read.data.node.archivedAt).not.toBeNull();

  // Changes to it are refused as not found, and change nothing.
  const refused = [
    await change("updateProject", "UpdateProjectInput", { projectId: id, expectedVersion: 10, description: "归档后修改" }),
    await change("raiseBlocker", "RaiseBlockerInput", { projectId: id, kind: "FUNDS", description: "归档后" }),
    await change("moveProject", "MoveProjectInput", { projectId: id, to: "STARTED", expectedVersion: 10 }),
  ];
  expect(refused).toEqual(["NotFoundError", "NotFoundError", "NotFoundError"]);
  expect(await recordsOf(project.id)).toEqual({ ...records, auditEvents: records.auditEvents + 1 });
});

it("keeps a funding source taken off a project, marked removed, and the database refuses to delete project records", async () => {
  const project = await makeProject(server.db, { code: "AR-FUND", subTaskCode: "2.2", unitCode: "jtj" });
  const id = gid("Project", project.id);
  const update = async (expectedVersion: number, fundingSources: { kind: string; amount: string }[]) =>
    (await gql(`mutation($input: UpdateProjectInput!) { updateProject(input: $input) { __typename ... on UpdateProjectSuccess { project { fundingSources { kind amount } } } } }`, {
      input: { projectId: id, expectedVersion, fundingSources },
    })).data.updateProject;
  await update(1, [{ kind: "BOND", amount: "500" }, { kind: "FISCAL", amount: "300" }]);
  const taken = await update(2, [{ kind: "FISCAL", amount: "350" }]);
  expect(taken.project.fundingSources).toEqual([{ kind: "FISCAL", amount: "350" }]);
  const rows = await server.db.prisma.projectFunding.findMany({ where: { projectId: project.id }, orderBy: { kind: "asc" } });
  expect(rows.map((r) => [r.kind, r.amount.toString(), r.removedAt !== null])).toEqual([
    ["BOND", "500", true],
    ["FISCAL", "350", false],
  ]);
  // Put back, the same row is active again.
  const back = await update(3, [{ kind: "BOND", amount: "450" }, { kind: "FISCAL", amount: "350" }]);
  expect(back.project.fundingSources).toEqual([{ kind: "BOND", amount: "450" }, { kind: "FISCAL", amount: "350" }]);
  expect(await server.db.prisma.projectFunding.count({ where: { projectId: project.id } })).toBe(2);

  for (const table of ["project_funding", "project", "milestone", "blocker", "progress_report"]) {
    await expect(server.db.sql.exec(`DELETE FROM ${table}`), table).rejects.toThrow(/keeps its records/);
  }
  expect(await server.db.prisma.project.count({ where: { id: project.id } })).toBe(1);
});
