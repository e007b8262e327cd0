// The project forms' checks (client/features/project/validation.ts, fundingRows.ts) against the
// server's: for each value, what 项目入库 or the drawer's 编辑 would send (their own input builders)
// is accepted by createProject / updateProject exactly when the form's check lets it through.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyProjectForm, errorCount, toCreateProjectInput, validateProjectForm, type ProjectFormValues } from "../client/features/intake/projectForm.js";
import { BASIC_FIELDS, checkBasic, projectPatch, type BasicField, type BasicValues } from "../client/features/project/basicForm.js";
import { fundingRow } from "../client/features/project/fundingRows.js";
import { hasErrors } from "../client/features/project/validation.js";
import { makeProject } from "./support/projects.js";
import { startTestServer, type TestServer } from "./support/server.js";

let server: TestServer;
let owner: string;

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.signIn("rules-owner", "OWNER", "jtj");
});
afterAll(() => server?.close());

const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString("base64");

/** How the server answered: the result's type, or the GraphQL error's code (a scalar refused it). */
function outcome(response: { data?: any; errors?: readonly { extensions?: Record<string, unknown> }[] }, field: string): string {
  return response.errors ? String(response.errors[0]?.extensions?.code) : response.data[field].__typename;
}

const many = (text: string, count: number) => text.repeat(count);

// [what is typed, whether both sides take it]
type Case<V> = [Partial<V>, boolean];

const AMOUNTS: [string, boolean][] = [
  ["1200", true],
  ["1,200.50", true],
  [" 35 ", true],
  ["１２００．５", true],
  ["000000001200", true],
  ["123456789012.99", true],
  ["1234567890123", false],
  ["-1", false],
  ["1200.555", false],
  ["1.5e3", false],
  ["abc", false],
];

const DATES: [string, boolean][] = [
  ["1900-01-01", true],
  ["2200-12-31", true],
  ["1899-12-31", false],
  ["2201-01-01", false],
];

describe("项目入库's checks and createProject", () => {
  const CREATE = `mutation($input: CreateProjectInput!) { createProject(input: $input) { __typename } }`;

  it("refuse and accept the same values", async () => {
    const [subTask, jtj] = await Promise.all([
      server.db.prisma.subTask.findUniqueOrThrow({ where: { code: "2.1" } }),
      server.db.prisma.unit.findUniqueOrThrow({ where: { code: "jtj" } }),
    ]);
    const valid: ProjectFormValues = {
      ...emptyProjectForm(gid("Unit", jtj.id)),
      subTaskId: gid("SubTask", subTask.id),
      name: "规则对照项目",
      totalInvestment: "10",
    };
    const cases: Case<ProjectFormValues>[] = [
      ...AMOUNTS.map(([totalInvestment, ok]): Case<ProjectFormValues> => [{ totalInvestment }, ok]),
      [{ totalInvestment: "0" }, false],
      [{ totalInvestment: "0.00" }, false],
      [{ name: many("名", 200) }, true],
      [{ name: many("名", 201) }, false],
      [{ description: many("述", 2000) }, true],
      [{ description: many("述", 2001) }, false],
      [{ targetQuantity: "0", targetUnit: "个" }, true],
      [{ targetQuantity: "1.005", targetUnit: "个" }, false],
      [{ targetQuantity: "1000", targetUnit: many("个", 20) }, true],
      [{ targetQuantity: "1000", targetUnit: many("个", 21) }, false],
      ...DATES.map(([plannedStart, ok]): Case<ProjectFormValues> => [{ plannedStart }, ok]),
      [{ plannedStart: "2026-05-01", plannedCompletion: "2026-01-01" }, false],
      [{ fundingSources: [fundingRow("FISCAL", "0"), fundingRow("BOND", "１００")] }, true],
      [{ fundingSources: [fundingRow("FISCAL", "300.125")] }, false],
      [{ fundingSources: [fundingRow("FISCAL", "-5")] }, false],
      [{ fundingSources: [fundingRow("FISCAL", "1"), fundingRow("FISCAL", "2")] }, false],
    ];
    const verdicts = [];
    for (const [typed, ok] of cases) {
      const values = { ...valid, ...typed };
      const answer = outcome(await server.gql(CREATE, { input: toCreateProjectInput(values) }, owner), "createProject");
      verdicts.push({ typed, expected: ok, client: errorCount(validateProjectForm(values)) === 0, server: answer });
    }
    expect(verdicts.filter((v) => v.client !== v.expected || (v.server === "CreateProjectSuccess") !== v.expected)).toEqual([]);
    // What the server refused, it refused as bad input, never as a failure.
    expect(new Set(verdicts.filter((v) => !v.expected).map((v) => v.server))).toEqual(new Set(["ValidationError", "BAD_USER_INPUT"]));
  });
});

describe("the drawer's 编辑 checks and updateProject", () => {
  const UPDATE = `mutation($input: UpdateProjectInput!) { updateProject(input: $input) { __typename } }`;

  it("refuse and accept the same values", async () => {
    const project = await makeProject(server.db, { code: "RULES-01", unitCode: "jtj", stage: "RESERVE" });
    const empty = Object.fromEntries(BASIC_FIELDS.map((field) => [field, ""])) as Record<BasicField, string>;
    const valid: BasicValues = { ...empty, name: "规则对照项目", totalInvestment: "10", fundingSources: [] };
    const cases: Case<BasicValues>[] = [
      ...AMOUNTS.map(([totalInvestment, ok]): Case<BasicValues> => [{ totalInvestment }, ok]),
      // An edit may set 总投资 to 0 (service.ts), a new project may not (intake.ts).
      [{ totalInvestment: "0" }, true],
      // The same limits as for a new project (project/limits.ts).
      [{ name: many("名", 200) }, true],
      [{ name: many("名", 201) }, false],
      [{ description: many("述", 2000) }, true],
      [{ description: many("述", 2001) }, false],
      [{ targetUnit: many("个", 20) }, true],
      [{ targetUnit: many("个", 21) }, false],
      [{ acceptanceRef: many("号", 200) }, true],
      [{ acceptanceRef: many("号", 201) }, false],
      [{ targetQuantity: "1.005" }, false],
      ...DATES.map(([plannedStart, ok]): Case<BasicValues> => [{ plannedStart }, ok]),
      [{ plannedStart: "2026-05-01", plannedCompletion: "2026-01-01" }, false],
      [{ fundingSources: [fundingRow("FISCAL", "0"), fundingRow("BOND", "１００")] }, true],
      [{ fundingSources: [fundingRow("FISCAL", "300.125")] }, false],
      [{ fundingSources: [fundingRow("FISCAL", "-5")] }, false],
    ];
    const verdicts = [];
    for (const [typed, ok] of cases) {
      const values = { ...valid, ...typed };
      const { version } = await server.db.prisma.project.findUniqueOrThrow({ where: { id: project.id } });
      const patch = projectPatch(values, Object.keys(typed) as BasicField[]);
      const input = { projectId: gid("Project", project.id), expectedVersion: version, ...patch };
      const answer = outcome(await server.gql(UPDATE, { input }, owner), "updateProject");
      verdicts.push({ typed, expected: ok, client: !hasErrors(checkBasic(values, "2100-01-01")), server: answer });
    }
    expect(verdicts.filter((v) => v.client !== v.expected || (v.server === "UpdateProjectSuccess") !== v.expected)).toEqual([]);
    expect(new Set(verdicts.filter((v) => !v.expected).map((v) => v.server))).toEqual(new Set(["ValidationError", "BAD_USER_INPUT"]));
  });
});
