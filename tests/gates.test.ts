// Stage rules (谋储争推): every forward gate refuses with its missing items listed and passes once
// they are supplied; moves back need a reason; only the office corrects records across stages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeProject } from "./support/projects.js";
import { startTestServer, type TestServer } from "./support/server.js";

let server: TestServer;
let owner: string;
let office: string;

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.signIn("gate-owner", "OWNER", "jtj");
  office = await server.signIn("gate-office", "OFFICE", "czhb");
});
afterAll(() => server?.close());

const PROJECT = /* GraphQL */ `
  query($id: ID!) {
    node(id: $id) {
      ... on Project { stage version gate { label done check reference requirement { id key } } }
    }
  }
`;

const MOVE = /* GraphQL */ `
  mutation($input: MoveProjectInput!) {
    moveProject(input: $input) {
      __typename
      ... on Error { message }
      ... on GateNotMetError { missing }
      ... on MoveProjectSuccess { project { stage version } transition { kind note } }
    }
  }
`;

async function idOf(code: string): Promise<string> {
  const { data } = await server.gql(`query($s: String) { projects(first: 1, filter: { search: $s }) { edges { node { id } } } }`, { s: code }, owner);
  return data.projects.edges[0].node.id;
}

async function state(id: string) {
  return (await server.gql(PROJECT, { id }, owner)).data.node as {
    stage: string;
    version: number;
    gate: { label: string; done: boolean; requirement: { id: string; key: string } }[];
  };
}

async function move(id: string, to: string, extra: Record<string, unknown> = {}, token = owner) {
  const { version } = await state(id);
  return (await server.gql(MOVE, { input: { projectId: id, to, expectedVersion: version, ...extra } }, token)).data.moveProject;
}

async function tick(id: string, key: string) {
  const item = (await state(id)).gate.find((g) => g.requirement.key === key)!;
  const { data } = await server.gql(
    `mutation($input: SetGateItemInput!) { setGateItem(input: $input) { __typename ... on SetGateItemSuccess { project { version } } } }`,
    { input: { projectId: id, requirementId: item.requirement.id, done: true, reference: `渠文〔2025〕${key}号` } },
    owner,
  );
  expect(data.setGateItem.__typename).toBe("SetGateItemSuccess");
}

async function update(id: string, fields: Record<string, unknown>) {
  const { version } = await state(id);
  const { data } = await server.gql(
    `mutation($input: UpdateProjectInput!) { updateProject(input: $input) { __typename ... on Error { message } } }`,
    { input: { projectId: id, expectedVersion: version, ...fields } },
    owner,
  );
  expect(data.updateProject.__typename).toBe("UpdateProjectSuccess");
}

describe("forward gates", () => {
  it("walks a project from 储备 to 竣工, each gate refusing until its items are supplied", async () => {
    await makeProject(server.db, { code: "G-001", unitCode: "jtj", stage: "RESERVE", totalInvestment: "5000" });
    const id = await idOf("G-001");

    // 储备 → 准备: proposal, funding source named.
    let result = await move(id, "PREPARATION");
    expect(result.__typename).toBe("GateNotMetError");
    expect(result.missing).toEqual(["项目建议书或可行性研究报告", "已明确资金来源"]);
    expect((await state(id)).stage).toBe("RESERVE");
    await tick(id, "proposal");
    expect((await move(id, "PREPARATION")).missing).toEqual(["已明确资金来源"]);
    await update(id, { fundingSources: [{ kind: "BOND", amount: "3000" }, { kind: "FISCAL", amount: "2000" }] });
    expect(await move(id, "PREPARATION")).toMatchObject({ __typename: "MoveProjectSuccess", transition: { kind: "FORWARD" } });

    // 准备 → 开工: land, planning and construction permits, funds in place.
    result = await move(id, "STARTED");
    expect(result.missing).toEqual(["用地手续（用地预审、划拨或出让）", "建设工程规划许可证", "建筑工程施工许可证", "建设资金已到位"]);
    for (const key of ["land", "planning_permit", "construction_permit"]) await tick(id, key);
    expect((await move(id, "STARTED")).missing).toEqual(["建设资金已到位"]);
    await tick(id, "funds_in_place");
    expect((await move(id, "STARTED")).__typename).toBe("MoveProjectSuccess");

    // 开工 → 在建: a first progress report.
    expect((await move(id, "UNDER_CONSTRUCTION")).missing).toEqual(["已报送首次月度进度"]);
    const report = await server.gql(
      `mutation($input: SubmitProgressReportInput!) { submitProgressReport(input: $input) { __typename ... on SubmitProgressReportSuccess { project { completedInvestment } } } }`,
      { input: { projectId: id, month: "2025-03", investmentThisMonth: "120.50", narrative: "完成场地平整" } },
      owner,
    );
    expect(report.data.submitProgressReport.project.completedInvestment).toBe("120.5");
    expect((await move(id, "UNDER_CONSTRUCTION")).__typename).toBe("MoveProjectSuccess");

    // 在建 → 竣工: acceptance date and document reference.
    expect((await move(id, "COMPLETED")).missing).toEqual(["竣工验收日期及验收文件文号"]);
    await update(id, { acceptanceDate: "2025-10-20" });
    expect((await move(id, "COMPLETED")).__typename).toBe("GateNotMetError");
    await update(id, { acceptanceRef: "渠住建验〔2025〕18号" });
    expect((await move(id, "COMPLETED")).__typename).toBe("MoveProjectSuccess");
    expect((await state(id)).gate).toEqual([]);
  });

  it("refuses to skip a stage, even with the gate met", async () => {
    await makeProject(server.db, { code: "G-002", unitCode: "jtj", stage: "RESERVE", gateReady: true });
    const id = await idOf("G-002");
    const result = await move(id, "STARTED", { note: "跳过" });
    expect(result.__typename).toBe("TransitionNotAllowedError");
    expect(result.message).toContain("逐级推进");
  });

  it("lets the office adjust a gate, and the next move asks for the new item", async () => {
    await makeProject(server.db, { code: "G-003", unitCode: "jtj", stage: "RESERVE", gateReady: true });
    const id = await idOf("G-003");
    const { data } = await server.gql(
      `mutation($input: SaveGateRequirementInput!) { saveGateRequirement(input: $input) { __typename ... on SaveGateRequirementSuccess { requirement { id key label } } } }`,
      { input: { fromStage: "RESERVE", key: "site_survey", label: "选址意见书", check: "MANUAL", position: 9, active: true } },
      office,
    );
    expect(data.saveGateRequirement.requirement.label).toBe("选址意见书");
    expect((await move(id, "PREPARATION")).missing).toEqual(["选址意见书"]);

    const denied = await server.gql(
      `mutation($input: SaveGateRequirementInput!) { saveGateRequirement(input: $input) { __typename } }`,
      { input: { fromStage: "RESERVE", key: "other", label: "其他", check: "MANUAL", position: 10, active: true } },
      owner,
    );
    expect(denied.data.saveGateRequirement.__typename).toBe("ForbiddenError");

    // Switched off again, it no longer holds projects up.
    await server.gql(
      `mutation($input: SaveGateRequirementInput!) { saveGateRequirement(input: $input) { __typename } }`,
      { input: { id: data.saveGateRequirement.requirement.id, fromStage: "RESERVE", key: "site_survey", label: "选址意见书", check: "MANUAL", position: 9, active: false } },
      office,
    );
    expect((await move(id, "PREPARATION")).__typename).toBe("MoveProjectSuccess");
  });
});

describe("moves back and corrections", () => {
  it("refuses a move back without a reason and records one with it", async () => {
    await makeProject(server.db, { code: "G-010", unitCode: "jtj", stage: "STARTED" });
    const id = await idOf("G-010");
    const refused = await move(id, "PREPARATION");
    expect(refused.__typename).toBe("TransitionNotAllowedError");
    expect(refused.message).toContain("须说明原因");
    const blank = await move(id, "PREPARATION", { note: "   " });
    expect(blank.__typename).toBe("TransitionNotAllowedError");
    const back = await move(id, "RESERVE", { note: "施工许可被撤回，重新办理前期手续" });
    expect(back).toMatchObject({ __typename: "MoveProjectSuccess", transition: { kind: "BACKWARD", note: "施工许可被撤回，重新办理前期手续" } });
  });

  it("lets the office correct the record across stages, with a note, as a correction", async () => {
    await makeProject(server.db, { code: "G-020", unitCode: "jtj", stage: "RESERVE" });
    const id = await idOf("G-020");
    expect((await move(id, "UNDER_CONSTRUCTION", { correction: true, note: "补录" })).__typename).toBe("TransitionNotAllowedError");
    expect((await move(id, "UNDER_CONSTRUCTION", { correction: true }, office)).__typename).toBe("TransitionNotAllowedError");
    const corrected = await move(id, "UNDER_CONSTRUCTION", { correction: true, note: "2024 年已开工，补录" }, office);
    expect(corrected).toMatchObject({ __typename: "MoveProjectSuccess", project: { stage: "UNDER_CONSTRUCTION" }, transition: { kind: "CORRECTION" } });
  });
});

describe("edits", () => {
  it("refuses invalid edits with a clear error and changes nothing", async () => {
    await makeProject(server.db, { code: "G-030", unitCode: "jtj", totalInvestment: "800" });
    const id = await idOf("G-030");
    const before = await state(id);
    const cases: [Record<string, unknown>, string][] = [
      [{ totalInvestment: "-5" }, "totalInvestment"],
      [{ name: "" }, "name"],
      [{ plannedStart: "2025-06-01", plannedCompletion: "2025-01-01" }, "plannedCompletion"],
      [{ fundingSources: [{ kind: "BOND", amount: "1" }, { kind: "BOND", amount: "2" }] }, "fundingSources"],
    ];
    for (const [fields, field] of cases) {
      const { data } = await server.gql(
        `mutation($input: UpdateProjectInput!) { updateProject(input: $input) { __typename ... on ValidationError { field message } } }`,
        { input: { projectId: id, expectedVersion: before.version, ...fields } },
        owner,
      );
      expect(data.updateProject, JSON.stringify(fields)).toMatchObject({ __typename: "ValidationError", field });
    }
    const future = await server.gql(
      `mutation($input: SubmitProgressReportInput!) { submitProgressReport(input: $input) { __typename ... on ValidationError { field } } }`,
      { input: { projectId: id, month: "2099-01", investmentThisMonth: "1", narrative: "x" } },
      owner,
    );
    expect(future.data.submitProgressReport).toEqual({ __typename: "ValidationError", field: "month" });
    expect((await state(id)).version).toBe(before.version);
  });
});
