// Moving projects: the transition, version, stageEnteredAt and audit event are written together;
// stale versions, forbidden and impossible moves come back as data and change nothing.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { untilSomeoneWaitsForALock } from "./support/database.js";
import { completeGate, makeProject } from "./support/projects.js";
import { startTestServer, type TestServer } from "./support/server.js";

let server: TestServer;
let owner: string;
let team: string;
let auditor: string;

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.signIn("move-owner", "OWNER", "jtj");
  team = await server.signIn("move-team", "TEAM");
  auditor = await server.signIn("move-auditor", "AUDITOR");
});
afterAll(() => server?.close());

const MOVE = /* GraphQL */ `
  mutation Move($input: MoveProjectInput!) {
    moveProject(input: $input) {
      __typename
      ... on Error { message }
      ... on MoveProjectSuccess {
        project { id stage version stageEnteredAt }
        transition { id from to at note actor { username } }
      }
      ... on StaleVersionError { currentVersion currentStage }
      ... on TransitionNotAllowedError { from to }
    }
  }
`;

const HISTORY = /* GraphQL */ `
  query History($id: ID!) {
    node(id: $id) {
      ... on Project {
        stage
        version
        history(first: 50) { totalCount edges { node { from to note actor { username } } } }
      }
    }
  }
`;

async function projectId(code: string): Promise<string> {
  const { data } = await server.gql(`query($s: String) { projects(first: 1, filter: { search: $s }) { edges { node { id code } } } }`, { s: code }, team);
  const node = data.projects.edges[0]?.node;
  expect(node?.code).toBe(code);
  return node.id;
}

describe("moveProject", () => {
  it("moves a project, bumps its version, records the transition and an audit event", async () => {
    await makeProject(server.db, { code: "M-001", unitCode: "jtj", stage: "RESERVE", gateReady: true });
    const id = await projectId("M-001");
    const before = Date.now();
    const { data, errors } = await server.gql(MOVE, { input: { projectId: id, to: "PREPARATION", expectedVersion: 1, note: "前期工作完成" } }, owner);
    expect(errors).toBeUndefined();
    const result = data.moveProject;
    expect(result.__typename).toBe("MoveProjectSuccess");
    expect(result.project).toMatchObject({ id, stage: "PREPARATION", version: 2 });
    expect(new Date(result.project.stageEnteredAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(result.transition).toMatchObject({ from: "RESERVE", to: "PREPARATION", note: "前期工作完成", actor: { username: "move-owner" } });

    const history = await server.gql(HISTORY, { id }, owner);
    expect(history.data.node.history.totalCount).toBe(2);
    expect(history.data.node.history.edges.map((e: any) => [e.node.from, e.node.to])).toEqual([
      [null, "RESERVE"],
      ["RESERVE", "PREPARATION"],
    ]);

    const audit = await server.gql(`{ auditEvents(first: 100) { edges { node { action entity after actor { username } } } } auditChain { valid length } }`, {}, auditor);
    const moves = audit.data.auditEvents.edges.filter((e: any) => e.node.action === "project.move");
    expect(moves).toHaveLength(1);
    expect(JSON.parse(moves[0].node.after)).toMatchObject({ stage: "PREPARATION", version: 2 });
    expect(moves[0].node.actor.username).toBe("move-owner");
    expect(audit.data.auditChain.valid).toBe(true);
  });

  it("returns StaleVersionError with the current version and changes nothing", async () => {
    const m2 = await makeProject(server.db, { code: "M-002", unitCode: "jtj", stage: "PREPARATION", gateReady: true });
    const id = await projectId("M-002");
    const first = await server.gql(MOVE, { input: { projectId: id, to: "STARTED", expectedVersion: 2 } }, owner);
    expect(first.data.moveProject.__typename).toBe("MoveProjectSuccess");
    await completeGate(server.db, m2.id);
    const stale = await server.gql(MOVE, { input: { projectId: id, to: "UNDER_CONSTRUCTION", expectedVersion: 2 } }, owner);
    expect(stale.data.moveProject).toMatchObject({ __typename: "StaleVersionError", currentVersion: 3, currentStage: "STARTED" });
    expect(stale.data.moveProject.message).toContain("版本冲突");
    const history = await server.gql(HISTORY, { id }, owner);
    expect(history.data.node).toMatchObject({ stage: "STARTED", version: 3 });
    expect(history.data.node.history.totalCount).toBe(3);
  });

  it("of 20 concurrent moves from the same version exactly one succeeds", async () => {
    await makeProject(server.db, { code: "M-003", unitCode: "jtj", stage: "PREPARATION", gateReady: true });
    const id = await projectId("M-003");
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        server.gql(MOVE, { input: { projectId: id, to: i % 2 ? "STARTED" : "RESERVE", expectedVersion: 2, note: `并发 ${i}` } }, team),
      ),
    );
    const kinds = results.map((r) => r.data?.moveProject?.__typename);
    expect(kinds.filter((k) => k === "MoveProjectSuccess")).toHaveLength(1);
    expect(kinds.filter((k) => k === "StaleVersionError")).toHaveLength(19);
    for (const r of results.filter((r) => r.data.moveProject.__typename === "StaleVersionError")) {
      expect(r.data.moveProject.currentVersion).toBe(3);
    }
    const history = await server.gql(HISTORY, { id }, team);
    expect(history.data.node.version).toBe(3);
    expect(history.data.node.history.totalCount).toBe(3);
    const chain = await server.gql(`{ auditChain { valid } }`, {}, auditor);
    expect(chain.data.auditChain.valid).toBe(true);
  });

  it("of 40 concurrent moves on 10 projects, each project's first lands and the audit chain stays whole", async () => {
    // Moves append their audit event under the chain's lock in their last statement before COMMIT
    // (audit_append_event): concurrent moves must still chain one after another, with no gap.
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      await makeProject(server.db, { code: `M-C${i}`, unitCode: "jtj", stage: "PREPARATION", gateReady: true });
      ids.push(await projectId(`M-C${i}`));
    }
    const before = await server.db.prisma.auditEvent.count();
    const results = await Promise.all(
      ids.flatMap((id) =>
        Array.from({ length: 4 }, (_, k) =>
          server.gql(
            MOVE,
            { input: { projectId: id, to: k % 2 ? "STARTED" : "RESERVE", expectedVersion: 2, ...(k % 2 ? {} : { note: "并发退回" }) } },
            team,
          ),
        ),
      ),
    );
    const kinds = results.map((r) => r.data?.moveProject?.__typename);
    expect(kinds.filter((k) => k === "MoveProjectSuccess")).toHaveLength(10);
    expect(kinds.filter((k) => k === "StaleVersionError")).toHaveLength(30);
    for (const id of ids) {
      const history = await server.gql(HISTORY, { id }, team);
      expect(history.data.node.version).toBe(3);
      expect(history.data.node.history.totalCount).toBe(3);
    }
    const events = await server.db.prisma.auditEvent.findMany({ where: { seq: { gt: before } }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 10 }, (_, i) => before + 1 + i));
    expect(events.every((e) => e.action === "project.move")).toBe(true);
    const chain = await server.gql(`{ auditChain { valid length } }`, {}, auditor);
    expect(chain.data.auditChain).toEqual({ valid: true, length: before + 10 });
  });

  it("refuses a move to the stage the project is already in", async () => {
    await makeProject(server.db, { code: "M-004", unitCode: "jtj", stage: "STARTED" });
    const id = await projectId("M-004");
    const { data } = await server.gql(MOVE, { input: { projectId: id, to: "STARTED", expectedVersion: 3 } }, owner);
    expect(data.moveProject).toMatchObject({ __typename: "TransitionNotAllowedError", from: "STARTED", to: "STARTED" });
  });

  it("forbids an owner to move another unit's project, as data", async () => {
    await makeProject(server.db, { code: "M-005", unitCode: "zjj", stage: "RESERVE" });
    const id = await projectId("M-005");
    const { data } = await server.gql(MOVE, { input: { projectId: id, to: "PREPARATION", expectedVersion: 1 } }, owner);
    expect(data.moveProject.__typename).toBe("ForbiddenError");
    const history = await server.gql(HISTORY, { id }, owner);
    expect(history.data.node).toMatchObject({ stage: "RESERVE", version: 1 });
  });

  it("answers an unknown project with NotFoundError and a malformed id with BAD_USER_INPUT", async () => {
    const missing = Buffer.from("Project:999999").toString("base64");
    const notFound = await server.gql(MOVE, { input: { projectId: missing, to: "STARTED", expectedVersion: 1 } }, team);
    expect(notFound.data.moveProject.__typename).toBe("NotFoundError");
    const wrongType = Buffer.from("Unit:1").toString("base64");
    const bad = await server.gql(MOVE, { input: { projectId: wrongType, to: "STARTED", expectedVersion: 1 } }, team);
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const garbage = await server.gql(MOVE, { input: { projectId: "%%%", to: "STARTED", expectedVersion: 1 } }, team);
    expect(garbage.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const badStage = await server.gql(MOVE, { input: { projectId: missing, to: "DONE", expectedVersion: 1 } }, team);
    expect(badStage.status).toBe(400);
    expect(badStage.errors?.[0]?.message).toContain("DONE");
  });

  it("needs a signed-in user", async () => {
    await makeProject(server.db, { code: "M-006", unitCode: "jtj" });
    const id = await projectId("M-006");
    const { errors, data } = await server.gql(MOVE, { input: { projectId: id, to: "PREPARATION", expectedVersion: 1 } });
    expect(errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(data?.moveProject ?? null).toBeNull();
  });
});

describe.skipIf(!inject("postgres"))("[needs a PostgreSQL server] a project that changes while a move of it is written", () => {
  it("is not moved: the move gets StaleVersionError and writes nothing, neither transition nor audit event", async () => {
    const project = await makeProject(server.db, { code: "M-010", unitCode: "jtj", stage: "PREPARATION", gateReady: true });
    const id = await projectId("M-010");
    const { version } = (await server.gql(HISTORY, { id }, owner)).data.node;
    const events = async () => (await server.db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE project_id = $1`, [project.id]))[0]!.n;
    const eventsBefore = await events();
    // Another change holds the project's row: the move reads the project and its gate, then its
    // write waits for the row; the other change bumps the version and commits.
    const other = new pg.Client({ connectionString: server.databaseUrl });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query("SELECT 1 FROM project WHERE id = $1 FOR UPDATE", [project.id]);
      const move = server.gql(MOVE, { input: { projectId: id, to: "STARTED", expectedVersion: version } }, owner);
      await untilSomeoneWaitsForALock(other);
      await other.query("UPDATE project SET version = version + 1, description = '同时修改' WHERE id = $1", [project.id]);
      await other.query("COMMIT");
      expect((await move).data.moveProject).toMatchObject({ __typename: "StaleVersionError", currentVersion: version + 1, currentStage: "PREPARATION" });
    } finally {
      await other.end();
    }
    const after = (await server.gql(HISTORY, { id }, owner)).data.node;
    expect(after).toMatchObject({ stage: "PREPARATION", version: version + 1 });
    expect(after.history.totalCount).toBe(2);
    expect(await events()).toBe(eventsBefore);
  });
});

describe("a project's history", () => {
  it("is read in two statements, the session and one read, for 1 transition as for 30, each with its actor", async () => {
    await makeProject(server.db, { code: "M-101", unitCode: "jtj", stage: "RESERVE", gateReady: true });
    await makeProject(server.db, { code: "M-102", unitCode: "jtj", stage: "RESERVE", gateReady: true });
    const few = await projectId("M-101");
    const many = await projectId("M-102");
    for (let version = 1; version <= 30; version++) {
      const forward = version % 2 === 1;
      const input = { projectId: many, to: forward ? "PREPARATION" : "RESERVE", expectedVersion: version, ...(forward ? {} : { note: "退回补充材料" }) };
      const { data } = await server.gql(MOVE, { input }, owner);
      expect(data.moveProject.__typename).toBe("MoveProjectSuccess");
    }
    const small = await server.gql(HISTORY, { id: few }, team);
    const large = await server.gql(HISTORY, { id: many }, team);
    expect(large.errors).toBeUndefined();
    expect(large.data.node.history.totalCount).toBe(small.data.node.history.totalCount + 30);
    const moves = large.data.node.history.edges.filter((edge: { node: { actor: { username: string } | null } }) => edge.node.actor?.username === "move-owner");
    expect(moves).toHaveLength(30);
    expect(small.statements).toBe(2);
    expect(large.statements).toBe(2);
  });
});
