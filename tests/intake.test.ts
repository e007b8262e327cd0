// 入库: a new project from the form, and the office's 项目清单 from XLSX, checked row by row before
// anything is written, and written all or none.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./support/server.js";

let server: TestServer;
let owner: string;
let team: string;

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.signIn("intake-owner", "OWNER", "jtj");
  team = await server.signIn("intake-team", "TEAM");
});
afterAll(() => server?.close());

const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString("base64");
const CREATE = `mutation($input: CreateProjectInput!) { createProject(input: $input) { __typename ... on Error { message } ... on ValidationError { field }
  ... on CreateProjectSuccess { project { id code stage version responsibleUnit { code } ownerUnit { code } fundingSources { kind amount } history(first: 5) { edges { node { from to kind } } } } } } }`;

async function refs() {
  const [subTask, jtj, zjj, sanhui] = await Promise.all([
    server.db.prisma.subTask.findUniqueOrThrow({ where: { code: "2.1" } }),
    server.db.prisma.unit.findUniqueOrThrow({ where: { code: "jtj" } }),
    server.db.prisma.unit.findUniqueOrThrow({ where: { code: "zjj" } }),
    server.db.prisma.unit.findUniqueOrThrow({ where: { code: "t-sanhui" } }),
  ]);
  return { subTask: gid("SubTask", subTask.id), jtj: gid("Unit", jtj.id), zjj: gid("Unit", zjj.id), sanhui: gid("Unit", sanhui.id) };
}

describe("createProject", () => {
  it("registers a project in 储备 with the next code, an intake transition and an audit event", async () => {
    const r = await refs();
    const { data } = await server.gql(
      CREATE,
      { input: { name: "新建停车场", subTaskId: r.subTask, responsibleUnitId: r.jtj, townshipId: r.sanhui, totalInvestment: "1200.50", fundingSources: [{ kind: "FISCAL", amount: "1200.50" }] } },
      owner,
    );
    const project = data.createProject.project;
    expect(project).toMatchObject({ code: "QX-2.1-01", stage: "RESERVE", version: 1, responsibleUnit: { code: "jtj" }, ownerUnit: { code: "jtj" } });
    expect(project.fundingSources).toEqual([{ kind: "FISCAL", amount: "1200.5" }]);
    expect(project.history.edges.map((e: any) => e.node)).toEqual([{ from: null, to: "RESERVE", kind: "INTAKE" }]);
    const second = await server.gql(CREATE, { input: { name: "第二个项目", subTaskId: r.subTask, responsibleUnitId: r.jtj, totalInvestment: "10" } }, owner);
    expect(second.data.createProject.project.code).toBe("QX-2.1-02");
    const events = await server.db.prisma.auditEvent.findMany({ where: { action: "project.create" } });
    expect(events).toHaveLength(2);
  });

  it("refuses another unit's project to an owner, and bad input with the field named", async () => {
    const r = await refs();
    const other = await server.gql(CREATE, { input: { name: "越权项目", subTaskId: r.subTask, responsibleUnitId: r.zjj, totalInvestment: "10" } }, owner);
    expect(other.data.createProject.__typename).toBe("ForbiddenError");
    const byTeam = await server.gql(CREATE, { input: { name: "专班登记", subTaskId: r.subTask, responsibleUnitId: r.zjj, totalInvestment: "10" } }, team);
    expect(byTeam.data.createProject.__typename).toBe("CreateProjectSuccess");
    for (const [input, field] of [
      [{ name: "  ", totalInvestment: "10" }, "name"],
      [{ name: "零投资", totalInvestment: "0" }, "totalInvestment"],
      [{ name: "日期颠倒", totalInvestment: "5", plannedStart: "2026-05-01", plannedCompletion: "2026-01-01" }, "plannedCompletion"],
      [{ name: "重复编号", totalInvestment: "5", code: "QX-2.1-01" }, "code"],
      [{ name: "负数量", totalInvestment: "5", targetQuantity: "-3", targetUnit: "个" }, "targetQuantity"],
      [{ name: "三位小数", totalInvestment: "5", targetQuantity: "1.125", targetUnit: "公里" }, "targetQuantity"],
      [{ name: "有数量无单位", totalInvestment: "5", targetQuantity: "1000" }, "targetUnit"],
      [{ name: "有单位无数量", totalInvestment: "5", targetUnit: "个" }, "targetQuantity"],
      [{ name: "简介过长", totalInvestment: "5", description: "长".repeat(2001) }, "description"],
    ] as const) {
      const { data } = await server.gql(CREATE, { input: { subTaskId: r.subTask, responsibleUnitId: r.jtj, ...input } }, owner);
      expect(data.createProject, JSON.stringify(input)).toMatchObject({ __typename: "ValidationError", field });
    }
  });
});

async function sheet(rows: (string | number | Date | null)[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet("项目清单");
  ws.addRow(["项目编号", "项目名称", "子任务", "责任单位", "业主单位", "所在乡镇", "总投资（万元）", "计划开工", "计划竣工", "项目简介"]);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64");
}

const IMPORT = `mutation($input: ImportProjectsInput!) { importProjects(input: $input) { __typename ... on Error { message } ... on ValidationError { field }
  ... on ImportProjectsSuccess { outcome { written created rows { row code name problems { field message } project { code } } } } } }`;

describe("importProjects", () => {
  const good: (string | number | Date | null)[][] = [
    ["IMP-001", "导入道路一", "2.1", "县交通局", "渠县交通运输局", "三汇镇", 5000, new Date(Date.UTC(2026, 2, 1)), "2027-12-31", "示例"],
    ["IMP-002", "导入道路二", "完善城市交通路网", "jtj", null, null, "1,200.5", null, null, null],
  ];

  it("shows every row's problems before writing, and writes nothing while one row is wrong", async () => {
    const bad = [...good, ["IMP-003", "", "9.9", "不存在的局", null, null, "abc", "2026-13-01", null, null], ["IMP-001", "编号重复", "2.1", "jtj", null, null, 1, null, null, null]];
    const { data } = await server.gql(IMPORT, { input: { fileBase64: await sheet(bad), dryRun: false } }, team);
    const outcome = data.importProjects.outcome;
    expect(outcome).toMatchObject({ written: false, created: 0 });
    const byRow = Object.fromEntries(outcome.rows.map((r: any) => [r.row, r.problems.map((p: any) => p.field)]));
    expect(byRow[2]).toEqual([]);
    expect(byRow[3]).toEqual([]);
    expect(byRow[4]).toEqual(expect.arrayContaining(["name", "subTask", "responsibleUnit", "plannedStart", "totalInvestment"]));
    expect(byRow[5]).toEqual(["code"]);
    // Every row is named as written, even one that could not be read.
    expect(outcome.rows.map((r: any) => [r.row, r.code, r.name, r.project])).toEqual([
      [2, "IMP-001", "导入道路一", null],
      [3, "IMP-002", "导入道路二", null],
      [4, "IMP-003", null, null],
      [5, "IMP-001", "编号重复", null],
    ]);
    expect(await server.db.prisma.project.count({ where: { code: { startsWith: "IMP-" } } })).toBe(0);
  });

  it("checks without writing on a dry run, then writes all rows", async () => {
    const dry = await server.gql(IMPORT, { input: { fileBase64: await sheet(good), dryRun: true } }, team);
    expect(dry.data.importProjects.outcome).toMatchObject({ written: false, created: 0 });
    expect(dry.data.importProjects.outcome.rows.every((r: any) => r.problems.length === 0)).toBe(true);
    expect(await server.db.prisma.project.count({ where: { code: { startsWith: "IMP-" } } })).toBe(0);

    const real = await server.gql(IMPORT, { input: { fileBase64: await sheet(good), dryRun: false } }, team);
    expect(real.data.importProjects.outcome).toMatchObject({ written: true, created: 2 });
    expect(real.data.importProjects.outcome.rows.map((r: any) => r.project.code)).toEqual(["IMP-001", "IMP-002"]);
    const imported = await server.db.prisma.project.findMany({ where: { code: { startsWith: "IMP-" } }, orderBy: { code: "asc" }, include: { township: true } });
    expect(imported.map((p) => [p.code, p.stage, p.totalInvestment.toString(), p.township?.code ?? null])).toEqual([
      ["IMP-001", "RESERVE", "5000", "t-sanhui"],
      ["IMP-002", "RESERVE", "1200.5", null],
    ]);
    expect(imported[0]!.plannedStart?.toISOString().slice(0, 10)).toBe("2026-03-01");
  });

  it("refuses a file that is not a spreadsheet, clearly", async () => {
    const { data } = await server.gql(IMPORT, { input: { fileBase64: Buffer.from("not a spreadsheet").toString("base64"), dryRun: true } }, team);
    expect(data.importProjects).toMatchObject({ __typename: "ValidationError", field: "fileBase64" });
    expect(data.importProjects.message).toContain(".xlsx");
  });
});
