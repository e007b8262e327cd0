// The role matrix, cell by cell, through the API: a denied mutation returns ForbiddenError as data,
// a denied query an error with extensions.code FORBIDDEN.
import type { Role } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeProject } from "./support/projects.js";
import { PASSWORD, startTestServer, type TestServer } from "./support/server.js";

let server: TestServer;
const tokens = new Map<string, string>();

// OWNER appears twice: acting on its own unit's project, and on another unit's.
type Actor = "ADMIN" | "LEADER" | "OFFICE" | "TEAM" | "OWNER" | "OWNER_OTHER" | "AUDITOR";
const ACTORS: Actor[] = ["ADMIN", "LEADER", "OFFICE", "TEAM", "OWNER", "OWNER_OTHER", "AUDITOR"];

beforeAll(async () => {
  server = await startTestServer();
  for (const actor of ACTORS) {
    if (actor === "OWNER_OTHER") continue;
    const role = actor as Role;
    tokens.set(actor, await server.signIn(`perm-${role.toLowerCase()}`, role, role === "OWNER" ? "jtj" : undefined));
  }
  tokens.set("OWNER_OTHER", tokens.get("OWNER")!);
});
afterAll(() => server?.close());

const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString("base64");
let serial = 0;

/** A fresh project for one cell: owned by 交通运输局 (the owner's unit), or by 住建局 for OWNER_OTHER. */
async function fixture(actor: Actor) {
  serial += 1;
  const project = await makeProject(server.db, {
    code: `PM-${serial}`,
    unitCode: actor === "OWNER_OTHER" ? "zjj" : "jtj",
    stage: "RESERVE",
    gateReady: true,
    totalInvestment: "1000",
  });
  await server.db.prisma.project.update({ where: { id: project.id }, data: { plannedCompletion: new Date("2027-12-31") } });
  const milestone = await server.db.prisma.milestone.create({
    data: { projectId: project.id, name: "前期工作完成", stage: "RESERVE", position: 0, plannedDate: new Date("2026-01-01") },
  });
  const blocker = await server.db.prisma.blocker.create({
    data: { projectId: project.id, kind: "LAND", description: "用地未批", raisedAt: new Date() },
  });
  const requirement = await server.db.prisma.gateRequirement.findFirstOrThrow({ where: { fromStage: "RESERVE", check: "MANUAL" } });
  const { version, responsibleUnitId, subTaskId } = await server.db.prisma.project.findUniqueOrThrow({ where: { id: project.id } });
  return { id: gid("Project", project.id), version, unit: gid("Unit", responsibleUnitId), subTask: gid("SubTask", subTaskId), milestone: gid("Milestone", milestone.id), blocker: gid("Blocker", blocker.id), requirement: gid("GateRequirement", requirement.id) };
}

type Fixture = Awaited<ReturnType<typeof fixture>>;

interface Operation {
  name: string;
  allowed: Actor[];
  run(token: string, f: Fixture): Promise<{ data?: any; errors?: any[] }>;
}

const EDITORS: Actor[] = ["ADMIN", "OFFICE", "TEAM", "OWNER"];
const AUDIT_READERS: Actor[] = ["ADMIN", "OFFICE", "LEADER", "AUDITOR"];
const ALL: Actor[] = ACTORS;

const mutation = (field: string, input: string, vars: (f: Fixture) => object) => (token: string, f: Fixture) =>
  server.gql(`mutation($input: ${input}!) { ${field}(input: $input) { __typename ... on Error { message } } }`, { input: vars(f) }, token);

const MUTATIONS: Operation[] = [
  { name: "moveProject", allowed: EDITORS, run: mutation("moveProject", "MoveProjectInput", (f) => ({ projectId: f.id, to: "PREPARATION", expectedVersion: f.version })) },
  { name: "updateProject", allowed: EDITORS, run: mutation("updateProject", "UpdateProjectInput", (f) => ({ projectId: f.id, expectedVersion: f.version, name: "改名后的项目" })) },
  { name: "setGateItem", allowed: EDITORS, run: mutation("setGateItem", "SetGateItemInput", (f) => ({ projectId: f.id, requirementId: f.requirement, done: true, reference: "渠文〔2025〕1号" })) },
  { name: "submitProgressReport", allowed: EDITORS, run: mutation("submitProgressReport", "SubmitProgressReportInput", (f) => ({ projectId: f.id, month: "2025-01", investmentThisMonth: "5", narrative: "推进中" })) },
  { name: "raiseBlocker", allowed: EDITORS, run: mutation("raiseBlocker", "RaiseBlockerInput", (f) => ({ projectId: f.id, kind: "FUNDS", description: "资金未到位" })) },
  { name: "resolveBlocker", allowed: EDITORS, run: mutation("resolveBlocker", "ResolveBlockerInput", (f) => ({ blockerId: f.blocker, resolution: "已协调解决" })) },
  { name: "generateMilestones", allowed: EDITORS, run: mutation("generateMilestones", "GenerateMilestonesInput", (f) => ({ projectId: f.id })) },
  { name: "completeMilestone", allowed: EDITORS, run: mutation("completeMilestone", "CompleteMilestoneInput", (f) => ({ milestoneId: f.milestone, actualDate: "2025-02-01" })) },
  {
    name: "createProject",
    allowed: EDITORS,
    // For the project's unit: the owner's own, or (OWNER_OTHER) another unit.
    run: mutation("createProject", "CreateProjectInput", (f) => ({ name: "新项目", subTaskId: f.subTask, responsibleUnitId: f.unit, totalInvestment: "100" })),
  },
  { name: "setProjectArchived", allowed: ["ADMIN", "OFFICE"], run: mutation("setProjectArchived", "SetProjectArchivedInput", (f) => ({ projectId: f.id, expectedVersion: f.version, archived: true, reason: "重复入库" })) },
  {
    name: "saveGateRequirement",
    allowed: ["ADMIN", "OFFICE"],
    run: mutation("saveGateRequirement", "SaveGateRequirementInput", () => ({ fromStage: "STARTED", key: `k${++serial}`, label: "安全生产许可", check: "MANUAL", position: 5, active: true })),
  },
  {
    name: "createUser",
    allowed: ["ADMIN"],
    run: mutation("createUser", "CreateUserInput", () => ({ username: `new-user-${++serial}`, displayName: "新用户", role: "TEAM", password: "a-long-password-1" })),
  },
  {
    name: "updateUser",
    allowed: ["ADMIN"],
    run: async (token) => {
      const user = await server.db.prisma.user.create({ data: { username: `victim-${++serial}`, displayName: "v", role: "TEAM", passwordHash: "x" } });
      return mutation("updateUser", "UpdateUserInput", () => ({ userId: gid("User", user.id), role: "LEADER" }))(token, {} as Fixture);
    },
  },
  {
    name: "resetUserPassword",
    allowed: ["ADMIN"],
    run: async (token) => {
      const user = await server.db.prisma.user.create({ data: { username: `reset-${++serial}`, displayName: "r", role: "TEAM", passwordHash: "x" } });
      return mutation("resetUserPassword", "ResetUserPasswordInput", () => ({ userId: gid("User", user.id), password: "another-long-pass-2" }))(token, {} as Fixture);
    },
  },
];

const query = (text: string) => (token: string, f: Fixture) => server.gql(text, { id: f.id }, token);

const QUERIES: Operation[] = [
  { name: "board", allowed: ALL, run: query(`query { board(actionCode: 2) { columns { totalCount } } }`) },
  { name: "projects and a project's history", allowed: ALL, run: query(`query($id: ID!) { node(id: $id) { ... on Project { history(first: 5) { totalCount } timeline(first: 5) { totalCount } } } projects(first: 1) { totalCount } }`) },
  { name: "indicators and gates", allowed: ALL, run: query(`query { indicators { code } gateRequirements { key } }`) },
  { name: "auditEvents", allowed: AUDIT_READERS, run: query(`query { auditEvents(first: 1) { totalCount } }`) },
  { name: "auditChain", allowed: AUDIT_READERS, run: query(`query { auditChain { valid } }`) },
  { name: "users", allowed: ["ADMIN"], run: query(`query { users(first: 1) { totalCount } }`) },
];

describe.each(ACTORS)("%s", (actor) => {
  it.each(MUTATIONS.map((op) => [op.name, op] as const))(`mutation %s`, async (_name, op) => {
    const f = await fixture(actor);
    const { data, errors } = await op.run(tokens.get(actor)!, f);
    expect(errors).toBeUndefined();
    const result = Object.values(data)[0] as { __typename: string; message?: string };
    if (op.allowed.includes(actor)) expect(result.__typename, result.message).toMatch(/Success$/);
    else expect(result.__typename).toBe("ForbiddenError");
  });

  it.each(QUERIES.map((op) => [op.name, op] as const))(`query %s`, async (_name, op) => {
    const f = await fixture(actor);
    const { data, errors } = await op.run(tokens.get(actor)!, f);
    if (op.allowed.includes(actor)) {
      expect(errors).toBeUndefined();
      expect(data).toBeTruthy();
    } else {
      expect(errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
  });
});

const ROLES: Role[] = ["ADMIN", "LEADER", "OFFICE", "TEAM", "OWNER", "AUDITOR"];

describe.each(ROLES)("%s", (actor) => {
  it("may change its own password", async () => {
    const username = `perm-${actor.toLowerCase()}`;
    const login = await server.gql(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { ... on LoginSuccess { token } } }`, { u: username, p: PASSWORD });
    const token = login.data.login.token as string;
    const { data } = await server.gql(
      `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { __typename } }`,
      { input: { currentPassword: PASSWORD, newPassword: "a-new-password-9" } },
      token,
    );
    expect(data.changePassword.__typename).toBe("ChangePasswordSuccess");
    // Put it back for the other cells. The change ended this user's other sessions, so the cells
    // that follow use the session that made it.
    await server.gql(
      `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { __typename } }`,
      { input: { currentPassword: "a-new-password-9", newPassword: PASSWORD } },
      token,
    );
    expect((await server.gql(`{ actions { code } }`, {}, tokens.get(actor)!)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    tokens.set(actor, token);
    if (actor === "OWNER") tokens.set("OWNER_OTHER", token);
  });
});

describe("sessions end when they must", () => {
  it("ends a user's sessions when ADMIN disables them or changes their role", async () => {
    const admin = tokens.get("ADMIN")!;
    const token = await server.signIn("perm-changing", "TEAM");
    const user = await server.db.prisma.user.findUniqueOrThrow({ where: { username: "perm-changing" } });
    const { data } = await server.gql(
      `mutation($input: UpdateUserInput!) { updateUser(input: $input) { __typename ... on UpdateUserSuccess { user { role } } } }`,
      { input: { userId: gid("User", user.id), role: "LEADER" } },
      admin,
    );
    expect(data.updateUser.user.role).toBe("LEADER");
    expect((await server.gql(`{ actions { code } }`, {}, token)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("refuses a weak password and a duplicate username with a clear error", async () => {
    const admin = tokens.get("ADMIN")!;
    const weak = await server.gql(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { __typename ... on ValidationError { field message } } }`,
      { input: { username: "weakling", displayName: "弱", role: "TEAM", password: "1234567890" } },
      admin,
    );
    expect(weak.data.createUser).toMatchObject({ __typename: "ValidationError", field: "password" });
    const owner = await server.gql(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { __typename ... on ValidationError { field } } }`,
      { input: { username: "unitless", displayName: "无单位", role: "OWNER", password: "a-long-password-1" } },
      admin,
    );
    expect(owner.data.createUser).toMatchObject({ __typename: "ValidationError", field: "unitId" });
    const dup = await server.gql(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { __typename ... on ValidationError { field } } }`,
      { input: { username: "perm-team", displayName: "重复", role: "TEAM", password: "a-long-password-1" } },
      admin,
    );
    expect(dup.data.createUser).toMatchObject({ __typename: "ValidationError", field: "username" });
  });

  it("records user changes in the audit trail, without password hashes", async () => {
    const { data } = await server.gql(
      `{ auditEvents(first: 200, filter: { entity: "User" }) { edges { node { action after } } } }`,
      {},
      tokens.get("AUDITOR")!,
    );
    const actions = new Set(data.auditEvents.edges.map((e: any) => e.node.action));
    for (const action of ["user.create", "user.role", "user.reset-password", "user.change-password"]) expect(actions).toContain(action);
    expect(JSON.stringify(data)).not.toContain("scrypt$");
  });
});
