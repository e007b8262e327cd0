// Nothing is ever hard-deleted through the API: there is no mutation that deletes, and an archived
// project leaves the boards but keeps its history and audit trail, and can be restored.
import { getIntrospectionQuery } from "graphql";
import { afterAll, beforeAll, expect, it } from "vitest";
import { makeProject } from "./support/projects.js";
import { startTestServer, type TestServer } from "./support/server.js";

let server: TestServer;
let office: string;

beforeAll(async () => {
  server = await startTestServer();
  office = await server.signIn("archive-office", "OFFICE", "czhb");
});
afterAll(() => server?.close());

it("has no mutation that deletes or removes anything", async () => {
  const { data } = await server.gql(getIntrospectionQuery(), {}, office);
  const mutation = data.__schema.types.find((t: any) => t.name === "Mutation");
  const names: string[] = mutation.fields.map((f: any) => f.name);
  expect(names.length).toBeGreaterThan(10);
  expect(names.filter((n) => /delete|remove|destroy|purge|drop/i.test(n))).toEqual([]);
});

it("archives a project off the boards, keeps its record, and restores it", async () => {
  const project = await makeProject(server.db, { code: "ARC-1", subTaskCode: "3.1" });
  const id = Buffer.from(`Project:${project.id}`).toString("base64");
  const SET = `mutation($input: SetProjectArchivedInput!) { setProjectArchived(input: $input) { __typename ... on Error { message } ... on SetProjectArchivedSuccess { project { version archivedAt } } } }`;
  const count = async () =>
    (await server.gql(`{ board(actionCode: 3) { columns { totalCount } } projects(filter: { search: "ARC-1" }) { totalCount } }`, {}, office)).data;

  const before = await count();
  expect(before.projects.totalCount).toBe(1);
  const noReason = await server.gql(SET, { input: { projectId: id, expectedVersion: 1, archived: true, reason: "" } }, office);
  expect(noReason.data.setProjectArchived.__typename).toBe("ValidationError");
  const archived = await server.gql(SET, { input: { projectId: id, expectedVersion: 1, archived: true, reason: "重复入库" } }, office);
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
  const denied = await server.gql(SET, { input: { projectId: id, expectedVersion: 2, archived: false, reason: "恢复" } }, owner);
  expect(denied.data.setProjectArchived.__typename).toBe("ForbiddenError");
  const restored = await server.gql(SET, { input: { projectId: id, expectedVersion: 2, archived: false, reason: "误归档" } }, office);
  expect(restored.data.setProjectArchived.project.archivedAt).toBeNull();
  expect((await count()).projects.totalCount).toBe(1);
});
