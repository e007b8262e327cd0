// GET /import/project-template.xlsx: the 项目清单 template for the import, for those who may register
// projects; and the import's file size limit as the web client states it.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_IMPORT_FILE_BYTES, MAX_IMPORT_ROWS as CLIENT_MAX_ROWS } from "../client/features/intake/importLimits.js";
import { MAX_IMPORT_ROWS } from "../server/modules/project/xlsx.js";
import { startTestServer, type TestServer } from "./support/server.js";

let server: TestServer;
let owner: string;
let auditor: string;

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.signIn("template-owner", "OWNER", "jtj");
  auditor = await server.signIn("template-auditor", "AUDITOR");
});
afterAll(() => server?.close());

const TEMPLATE = "/import/project-template.xlsx";
const HEADERS = ["项目编号", "项目名称", "子任务", "责任单位", "业主单位", "所在乡镇", "总投资（万元）", "计划开工", "计划竣工", "项目简介"];

function download(token?: string): Promise<Response> {
  return fetch(`${server.url}${TEMPLATE}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

const IMPORT = `mutation($input: ImportProjectsInput!) { importProjects(input: $input) { __typename ... on Error { message } ... on ValidationError { field }
  ... on ImportProjectsSuccess { outcome { written created rows { row code name problems { field message } } } } } }`;

describe("the 项目清单 template", () => {
  it("is an .xlsx named 项目清单模板 whose first sheet has the import's header row and one example row", async () => {
    const response = await download(owner);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename*=UTF-8''${encodeURIComponent("项目清单模板.xlsx")}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(sheet.actualRowCount).toBe(2);
    expect(String(sheet.getRow(2).getCell(2).value)).toContain("示例");
    // The notes sheet lists the sub-tasks and units by the names the import accepts.
    const notes = workbook.getWorksheet("填写说明")!;
    const texts = notes.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map(String) : []));
    expect(texts).toEqual(expect.arrayContaining(["2.1", "完善城市交通路网", "县交通局", "渠县交通运输局", "三汇镇"]));
  });

  it("imports as it is: its example row passes the import's checks", async () => {
    const file = Buffer.from(await (await download(owner)).arrayBuffer()).toString("base64");
    const { data } = await server.gql(IMPORT, { input: { fileBase64: file, dryRun: true } }, await server.signIn("template-team", "TEAM"));
    expect(data.importProjects.outcome.rows).toEqual([
      { row: 2, code: null, name: "示例：雨污分流管网改造工程（导入前请删除本行）", problems: [] },
    ]);
  });

  it("is refused without a session and to roles that cannot register projects", async () => {
    const anonymous = await download();
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: "请先登录" });
    const refused = await download(auditor);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: "当前角色无权登记项目" });
  });
});

describe("the import's limits as the web client states them", () => {
  it("states the server's row limit", () => {
    expect(CLIENT_MAX_ROWS).toBe(MAX_IMPORT_ROWS);
  });

  it("lets a file of the size the web client allows reach the import, and refuses a larger body before reading it", async () => {
    const largest = Buffer.alloc(MAX_IMPORT_FILE_BYTES, 7).toString("base64");
    const reached = await server.gql(IMPORT, { input: { fileBase64: largest, dryRun: true } }, owner);
    expect(reached.status).toBe(200);
    expect(reached.data.importProjects).toMatchObject({ __typename: "ValidationError", field: "fileBase64" });

    const tooLarge = Buffer.alloc(MAX_IMPORT_FILE_BYTES * 2, 7).toString("base64");
    const refused = await server.gql(IMPORT, { input: { fileBase64: tooLarge, dryRun: true } }, owner);
    expect(refused.status).toBe(413);
  });
});
