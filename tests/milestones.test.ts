// 倒排工期: milestones planned backwards from the completion date with the default durations,
// completed, flagged overdue, and audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeProject } from "./support/projects.js";
import { startTestServer, type TestServer } from "./support/server.js";

let server: TestServer;
let owner: string;

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.signIn("ms-owner", "OWNER", "jtj");
});
afterAll(() => server?.close());

const MILESTONES = /* GraphQL */ `
  query($id: ID!) {
    node(id: $id) {
      ... on Project {
        version
        milestones { id name stage plannedDate actualDate overdue }
        timeline(first: 50) { edges { node { action after actor { username } } } }
      }
    }
  }
`;

function daysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

describe("milestones", () => {
  it("plans them backwards from the completion date with the default durations", async () => {
    const project = await makeProject(server.db, { code: "MS-001", unitCode: "jtj" });
    const id = Buffer.from(`Project:${project.id}`).toString("base64");
    const version = (await server.gql(MILESTONES, { id }, owner)).data.node.version;
    const set = await server.gql(
      `mutation($input: UpdateProjectInput!) { updateProject(input: $input) { __typename } }`,
      { input: { projectId: id, expectedVersion: version, plannedCompletion: "2027-06-30" } },
      owner,
    );
    expect(set.data.updateProject.__typename).toBe("UpdateProjectSuccess");
    const generated = await server.gql(
      `mutation($input: GenerateMilestonesInput!) { generateMilestones(input: $input) { __typename } }`,
      { input: { projectId: id } },
      owner,
    );
    expect(generated.data.generateMilestones.__typename).toBe("GenerateMilestonesSuccess");

    const { data } = await server.gql(MILESTONES, { id }, owner);
    // Defaults (prisma/migrations/*_default_gates): 在建 365 days, 开工 30, 准备 150.
    const completion = "2027-06-30";
    const firstReport = daysBefore(completion, 365);
    const ready = daysBefore(firstReport, 30);
    const preliminaries = daysBefore(ready, 150);
    const today = new Date().toISOString().slice(0, 10);
    expect(data.node.milestones.map((m: any) => [m.stage, m.plannedDate, m.actualDate, m.overdue])).toEqual([
      ["RESERVE", preliminaries, null, preliminaries < today],
      ["PREPARATION", ready, null, ready < today],
      ["STARTED", firstReport, null, firstReport < today],
      ["UNDER_CONSTRUCTION", completion, null, completion < today],
    ]);
    expect(data.node.milestones[3].name).toBe("竣工验收");
  });

  it("marks a milestone overdue once its date has passed undone, and not once it is done", async () => {
    const project = await makeProject(server.db, { code: "MS-002", unitCode: "jtj" });
    await server.db.prisma.project.update({ where: { id: project.id }, data: { plannedCompletion: new Date("2025-03-01") } });
    const id = Buffer.from(`Project:${project.id}`).toString("base64");
    await server.gql(`mutation($input: GenerateMilestonesInput!) { generateMilestones(input: $input) { __typename } }`, { input: { projectId: id } }, owner);
    let { data } = await server.gql(MILESTONES, { id }, owner);
    expect(data.node.milestones.every((m: any) => m.overdue)).toBe(true);

    const first = data.node.milestones[0];
    const done = await server.gql(
      `mutation($input: CompleteMilestoneInput!) { completeMilestone(input: $input) { __typename ... on ValidationError { field } } }`,
      { input: { milestoneId: first.id, actualDate: "2024-05-06" } },
      owner,
    );
    expect(done.data.completeMilestone.__typename).toBe("CompleteMilestoneSuccess");
    const future = await server.gql(
      `mutation($input: CompleteMilestoneInput!) { completeMilestone(input: $input) { __typename ... on ValidationError { field } } }`,
      { input: { milestoneId: first.id, actualDate: "2099-01-01" } },
      owner,
    );
    expect(future.errors).toBeUndefined();
    expect(future.data.completeMilestone).toEqual({ __typename: "ValidationError", field: "actualDate" });

    ({ data } = await server.gql(MILESTONES, { id }, owner));
    expect(data.node.milestones[0]).toMatchObject({ actualDate: "2024-05-06", overdue: false });
    expect(data.node.milestones.slice(1).every((m: any) => m.overdue)).toBe(true);

    // Regenerating keeps the done milestone as it is.
    await server.gql(`mutation($input: GenerateMilestonesInput!) { generateMilestones(input: $input) { __typename } }`, { input: { projectId: id } }, owner);
    ({ data } = await server.gql(MILESTONES, { id }, owner));
    expect(data.node.milestones[0].actualDate).toBe("2024-05-06");

    // After the fixture's registration (tests/support/projects.ts), the owner's three changes.
    const changes = data.node.timeline.edges.filter((e: any) => e.node.action !== "project.seed");
    expect(changes.map((e: any) => e.node.action)).toEqual(["milestone.generate", "milestone.complete", "milestone.generate"]);
    expect(changes.every((e: any) => e.node.actor.username === "ms-owner")).toBe(true);
  });

  it("asks for a completion date before planning", async () => {
    const project = await makeProject(server.db, { code: "MS-003", unitCode: "jtj" });
    const id = Buffer.from(`Project:${project.id}`).toString("base64");
    const { data } = await server.gql(
      `mutation($input: GenerateMilestonesInput!) { generateMilestones(input: $input) { __typename ... on ValidationError { field message } } }`,
      { input: { projectId: id } },
      owner,
    );
    expect(data.generateMilestones).toMatchObject({ __typename: "ValidationError", field: "plannedCompletion" });
  });
});
