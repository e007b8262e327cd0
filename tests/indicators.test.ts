// Indicators over GraphQL: the office enters and revises yearly actuals (audited, the chain verifies),
// bad values are refused in Chinese, only the office and the administrator write, progress follows
// the measure's direction, and projects are linked to the indicators they move.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeProject } from "./support/projects.js";
import { startTestServer, type TestServer } from "./support/server.js";

let server: TestServer;
type Who = "office" | "admin" | "team" | "leader" | "auditor" | "owner" | "otherOwner";
const tokens = {} as Record<Who, string>;

beforeAll(async () => {
  server = await startTestServer();
  tokens.office = await server.signIn("ind-office", "OFFICE");
  tokens.admin = await server.signIn("ind-admin", "ADMIN");
  tokens.team = await server.signIn("ind-team", "TEAM");
  tokens.leader = await server.signIn("ind-leader", "LEADER");
  tokens.auditor = await server.signIn("ind-auditor", "AUDITOR");
  tokens.owner = await server.signIn("ind-owner", "OWNER", "jkj");
  tokens.otherOwner = await server.signIn("ind-owner-jtj", "OWNER", "jtj");
});
afterAll(() => server?.close());

const INDICATORS = /* GraphQL */ `
  query {
    indicators {
      id code name
      measures { id key label baselineText targetText values { year value note } latest { year value } progress { ratio expected achieved status latestYear } }
      links { linkedAt project { id code name stage totalInvestment } }
    }
  }
`;

interface Measure {
  id: string;
  key: string;
  values: { year: number; value: string; note: string | null }[];
  latest: { year: number; value: string } | null;
  progress: { ratio: number | null; expected: number | null; achieved: boolean | null; status: string; latestYear: number | null };
}
interface IndicatorData {
  id: string;
  code: number;
  name: string;
  measures: (Measure & { baselineText: string; targetText: string })[];
  links: { project: { id: string; code: string; name: string; stage: string; totalInvestment: string } }[];
}

async function indicators(token = tokens.office): Promise<IndicatorData[]> {
  const { data, errors } = await server.gql(INDICATORS, {}, token);
  expect(errors).toBeUndefined();
  return data.indicators;
}

async function measure(code: number, key = "value"): Promise<Measure> {
  return (await indicators()).find((i) => i.code === code)!.measures.find((m) => m.key === key)!;
}

const SET = /* GraphQL */ `
  mutation($input: SetIndicatorValueInput!) {
    setIndicatorValue(input: $input) {
      __typename
      ... on Error { message }
      ... on ValidationError { field }
      ... on SetIndicatorValueSuccess { indicator { code measures { id values { year value note } progress { ratio status } } } }
    }
  }
`;

async function setValue(code: number, year: number, value: string, token = tokens.office, key = "value", note?: string) {
  const { id } = await measure(code, key);
  const { data, errors } = await server.gql(SET, { input: { measureId: id, year, value, note } }, token);
  expect(errors).toBeUndefined();
  return data.setIndicatorValue;
}

/** Progress by hand: (latest − baseline) / (target − baseline), to 4 decimals. */
const byHand = (latest: number, baseline: number, target: number) => Math.round(((latest - baseline) / (target - baseline)) * 10_000) / 10_000;

describe("yearly actuals", () => {
  it("lists the 22 indicators in order, with no actuals yet", async () => {
    const list = await indicators();
    expect(list.map((i) => i.code)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    expect(list[14]!.measures[0]).toMatchObject({ baselineText: "1:13", targetText: "1:12.5", latest: null, progress: { status: "NO_DATA", ratio: null } });
    expect(list[21]!.measures[0]).toMatchObject({ baselineText: "1.94:1", targetText: "1.88:1" });
  });

  it("the office enters an actual; progress is computed from the baseline and target", async () => {
    const result = await setValue(1, 2023, "440", tokens.office, "value", "统计公报");
    expect(result.__typename).toBe("SetIndicatorValueSuccess");
    expect(result.indicator.measures[0].values).toEqual([{ year: 2023, value: "440", note: "统计公报" }]);
    expect(result.indicator.measures[0].progress.ratio).toBe(byHand(440, 401.23, 530));
    const gdp = await measure(1);
    expect(gdp.latest).toEqual({ year: 2023, value: "440" });
    expect(gdp.progress).toEqual({ ratio: byHand(440, 401.23, 530), expected: 0.3333, achieved: false, status: "BEHIND", latestYear: 2023 });
  });

  it("computes progress for better-lower measures: 师生比, 收入比 and the first industry's share", async () => {
    expect((await setValue(15, 2024, "1:12.8")).__typename).toBe("SetIndicatorValueSuccess");
    expect((await measure(15)).progress).toMatchObject({ ratio: byHand(12.8, 13, 12.5), status: "BEHIND" }); // 0.4 of the way, 0.6667 expected
    expect((await setValue(22, 2024, "1.9")).__typename).toBe("SetIndicatorValueSuccess");
    expect((await measure(22)).progress).toMatchObject({ ratio: byHand(1.9, 1.94, 1.88), status: "ON_TRACK" });
    expect((await setValue(5, 2024, "21", tokens.office, "share")).__typename).toBe("SetIndicatorValueSuccess");
    expect((await measure(5, "share")).progress.ratio).toBe(byHand(21, 22.5, 19));
    // A rise of a better-lower share is the wrong way.
    expect((await setValue(5, 2025, "23", tokens.admin, "share")).__typename).toBe("SetIndicatorValueSuccess");
    expect((await measure(5, "share")).progress).toMatchObject({ ratio: byHand(23, 22.5, 19), status: "WRONG_WAY", latestYear: 2025 });
    // 供水普及率 100 → 100: held.
    expect((await setValue(10, 2024, "100")).__typename).toBe("SetIndicatorValueSuccess");
    expect((await measure(10)).progress).toMatchObject({ ratio: 1, achieved: true, status: "ACHIEVED" });
  });

  it("a revision replaces the year's value; the audit trail keeps the old one and the chain verifies", async () => {
    await setValue(2, 2024, "45", tokens.office, "value", "初步统计");
    const revised = await setValue(2, 2024, "45.6", tokens.office, "value", "年报修订");
    expect(revised.indicator.measures[0].values).toEqual([{ year: 2024, value: "45.6", note: "年报修订" }]);
    expect((await measure(2)).progress.ratio).toBe(byHand(45.6, 43.6, 48));

    const { data } = await server.gql(
      `query($f: AuditEventFilter) { auditEvents(first: 10, filter: $f) { edges { node { action before after actor { username } } } } auditChain { valid length } }`,
      { f: { entity: "IndicatorValue" } },
      tokens.auditor,
    );
    const revision = data.auditEvents.edges.map((e: any) => e.node).find((e: any) => e.action === "indicator-value.revise");
    expect(JSON.parse(revision.before)).toEqual({ indicator: 2, measure: "value", year: 2024, value: "45", note: "初步统计" });
    expect(JSON.parse(revision.after)).toEqual({ indicator: 2, measure: "value", year: 2024, value: "45.6", note: "年报修订" });
    expect(revision.actor.username).toBe("ind-office");
    expect(data.auditChain.valid).toBe(true);
  });

  it("refuses bad values in Chinese, at their field, and writes nothing", async () => {
    const cases: [number, number, string, string, string][] = [
      [2, 2022, "45", "year", "年份应为 2023 至 2025 年"],
      [2, 2026, "45", "year", "年份应为 2023 至 2025 年"],
      [2, 2023, "四十五", "value", "请输入数字"],
      [2, 2023, "120", "value", "百分比应在 0 至 100 之间"],
      [15, 2023, "0.08", "value", "师生比按“1:x”填写 x"],
      [22, 2023, "12", "value", "收入比按“x:1”填写 x"],
      [1, 2023, "-5", "value", "数值不能为负数"],
    ];
    for (const [code, year, value, field, message] of cases) {
      const result = await setValue(code, year, value);
      expect(result).toMatchObject({ __typename: "ValidationError", field, message: expect.stringContaining(message) });
    }
    expect((await measure(2)).values.map((v) => v.year)).toEqual([2024]);
  });

  it("only the office and the administrator enter actuals; everyone signed in reads them", async () => {
    for (const role of ["owner", "auditor", "team", "leader"] as const) {
      const result = await setValue(3, 2023, "25", tokens[role]);
      expect(result).toMatchObject({ __typename: "ForbiddenError", message: "指标数据由领导小组办公室填报" });
      expect((await indicators(tokens[role])).length).toBe(22);
    }
    expect((await measure(3)).values).toEqual([]);
    const stranger = await server.gql(INDICATORS, {});
    expect(stranger.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("projects linked to indicators", () => {
  const LINK = /* GraphQL */ `
    mutation($input: ProjectIndicatorInput!) {
      linkProjectIndicator(input: $input) {
        __typename
        ... on Error { message }
        ... on LinkProjectIndicatorSuccess { indicator { code links { project { code } } } }
      }
    }
  `;
  const UNLINK = LINK.replace("linkProjectIndicator", "unlinkProjectIndicator").replace("LinkProjectIndicatorSuccess", "UnlinkProjectIndicatorSuccess");
  const PROJECT = `query($id: ID!) { node(id: $id) { ... on Project { version indicatorLinks { indicator { code name } } } } }`;

  async function projectId(code: string): Promise<string> {
    const { data } = await server.gql(`query($s: String) { projects(first: 1, filter: { search: $s }) { edges { node { id } } } }`, { s: code }, tokens.office);
    return data.projects.edges[0].node.id;
  }
  const indicatorId = async (code: number) => (await indicators()).find((i) => i.code === code)!.id;
  const link = async (mutation: string, project: string, indicator: string, token: string) =>
    Object.values((await server.gql(mutation, { input: { projectId: project, indicatorId: indicator } }, token)).data)[0] as any;

  it("the office links a school to 师生比: the indicator lists it with its stage and investment, the project lists the indicator", async () => {
    await makeProject(server.db, { code: "IND-3.1-01", name: "渠江一小北校区", subTaskCode: "3.1", unitCode: "jkj", stage: "UNDER_CONSTRUCTION", totalInvestment: "12000" });
    const school = await projectId("IND-3.1-01");
    const ratio = await indicatorId(15);
    const before = (await server.gql(PROJECT, { id: school }, tokens.office)).data.node.version;

    const linked = await link(LINK, school, ratio, tokens.office);
    expect(linked).toMatchObject({ __typename: "LinkProjectIndicatorSuccess", indicator: { code: 15, links: [{ project: { code: "IND-3.1-01" } }] } });
    const teachers = (await indicators(tokens.leader)).find((i) => i.code === 15)!;
    expect(teachers.links.map((l) => l.project)).toEqual([
      { id: school, code: "IND-3.1-01", name: "渠江一小北校区", stage: "UNDER_CONSTRUCTION", totalInvestment: "12000" },
    ]);
    const project = (await server.gql(PROJECT, { id: school }, tokens.auditor)).data.node;
    expect(project.indicatorLinks).toEqual([{ indicator: { code: 15, name: "普通中小学师生比" } }]);
    expect(project.version).toBe(before + 1);

    expect(await link(LINK, school, ratio, tokens.office)).toMatchObject({ __typename: "ValidationError", message: "项目已关联指标“普通中小学师生比”" });
  });

  it("the project's own owner may link it; another unit's owner and the auditor may not", async () => {
    await makeProject(server.db, { code: "IND-3.2-01", name: "渠县人民医院康复医学中心", subTaskCode: "3.2", unitCode: "jkj" });
    const hospital = await projectId("IND-3.2-01");
    const beds = await indicatorId(16);
    expect(await link(LINK, hospital, beds, tokens.otherOwner)).toMatchObject({ __typename: "ForbiddenError", message: "只能修改本单位负责的项目" });
    expect(await link(LINK, hospital, beds, tokens.auditor)).toMatchObject({ __typename: "ForbiddenError" });
    expect(await link(LINK, hospital, beds, tokens.owner)).toMatchObject({ __typename: "LinkProjectIndicatorSuccess" });
  });

  it("unlinking keeps history (audited); linking again brings the project back", async () => {
    await makeProject(server.db, { code: "IND-4.2-01", name: "口袋公园", subTaskCode: "4.2", unitCode: "jkj" });
    const park = await projectId("IND-4.2-01");
    const parks = await indicatorId(13);
    await link(LINK, park, parks, tokens.team);
    expect(await link(UNLINK, park, parks, tokens.office)).toMatchObject({ __typename: "UnlinkProjectIndicatorSuccess", indicator: { code: 13, links: [] } });
    expect(await link(UNLINK, park, parks, tokens.office)).toMatchObject({ __typename: "ValidationError", message: "项目未关联指标“人均公园绿地面积”" });
    expect((await server.gql(PROJECT, { id: park }, tokens.office)).data.node.indicatorLinks).toEqual([]);
    expect(await link(LINK, park, parks, tokens.office)).toMatchObject({ indicator: { links: [{ project: { code: "IND-4.2-01" } }] } });

    const { data } = await server.gql(
      `query($f: AuditEventFilter) { auditEvents(first: 10, filter: $f) { edges { node { action entity actor { username } } } } auditChain { valid } }`,
      { f: { projectId: park, entity: "ProjectIndicator" } },
      tokens.auditor,
    );
    expect(data.auditEvents.edges.map((e: any) => [e.node.action, e.node.actor.username])).toEqual([
      ["project.indicator-link", "ind-team"],
      ["project.indicator-unlink", "ind-office"],
      ["project.indicator-link", "ind-office"],
    ]);
    expect(data.auditChain.valid).toBe(true);
  });

  it("reads the dashboard without a query per indicator", async () => {
    const { statements } = await server.gql(INDICATORS, {}, tokens.office);
    expect(statements).toBeLessThanOrEqual(6);
  });
});

describe("the XLSX export", () => {
  it("serves the table to anyone signed in, one row per measure", async () => {
    const response = await fetch(`${server.url}/export/indicators.xlsx`, { headers: { authorization: `Bearer ${tokens.auditor}` } });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    const rows = workbook.getWorksheet("指标监测")!.getSheetValues().filter(Boolean) as unknown as unknown[][];
    expect(rows.length).toBe(1 + 22 + 3); // header, 22 indicators, a second measure for 5–7
    const teachers = rows.find((r) => r[1] === "15")!;
    expect(teachers.slice(1, 14)).toEqual(["15", "普通中小学师生比", "普通中小学师生比", "", "1:13", "", "1:12.8", "", "1:12.5", "越低越好", "40.0%", "滞后", "渠江一小北校区"]);
    expect((await fetch(`${server.url}/export/indicators.xlsx`)).status).toBe(401);
  });
});
