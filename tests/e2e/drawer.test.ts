// The project drawer's forms in real Chromium: an owner reports monthly progress (refused in Chinese
// when invalid, kept when the network fails), raises and resolves a blocker (the card's badge
// follows), edits the funding sources, plans and completes milestones, and meets a version conflict
// without losing what they typed; an auditor reads the drawer, as a full-screen sheet on a phone,
// with no edit controls.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchBrowser, signInPage } from "../support/browser.js";
import { makeProject } from "../support/projects.js";
import { PASSWORD, startTestServer, type TestServer } from "../support/server.js";

/** The month a report is for by default: the current one in China. */
function currentMonthInChina(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date()).slice(0, 7);
}

describe.skipIf(!hasChromium)("project drawer in Chromium", () => {
  let server: TestServer;
  let browser: Browser;
  let teamToken: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    await server.signIn("drw-owner", "OWNER", "jtj");
    await server.signIn("drw-auditor", "AUDITOR");
    teamToken = await server.signIn("drw-team", "TEAM");
  });
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openDrawer(username: string, code: string, viewport = { width: 1366, height: 768 }) {
    const context = await browser.newContext({ viewport });
    contexts.push(context);
    const page = await context.newPage();
    await signInPage(page, server.url, username, PASSWORD, "/?action=2");
    await card(page, code).getByRole("button", { name: "详情" }).click();
    const drawer = page.getByRole("dialog", { name: "项目详情" });
    await drawer.getByRole("region", { name: "历史" }).waitFor();
    return { page, drawer };
  }

  const card = (page: Page, code: string) => page.locator(`[data-testid="project-card"][data-code="${code}"]`);

  it("an owner submits a monthly progress report: refused in Chinese when invalid, kept when the network fails, then saved and listed", async () => {
    const project = await makeProject(server.db, { code: "DRW-01", name: "进度填报测试", unitCode: "jtj", stage: "STARTED", totalInvestment: "1000" });
    const { page, drawer } = await openDrawer("drw-owner", "DRW-01");
    const section = drawer.getByRole("region", { name: "月度进度" });
    await section.getByRole("button", { name: "填报进度" }).click();
    const form = section.getByRole("form", { name: "填报月度进度" });
    expect(await form.getByLabel("月份").inputValue()).toBe(currentMonthInChina());

    // Invalid: nothing is sent, each field says what is wrong.
    await form.getByLabel("本月完成投资（万元）").fill("12.345");
    await form.getByRole("button", { name: "报送" }).click();
    await form.getByText("本月完成投资最多保留两位小数").waitFor();
    await form.getByText("请填写形象进度").waitFor();
    await form.getByLabel("本月完成投资（万元）").fill("2000");
    await form.getByLabel("形象进度").fill("路基施工完成 60%");
    await form.getByRole("button", { name: "报送" }).click();
    await form.getByText("累计完成投资不能超过项目总投资（本月最多还可填报 1,000 万元）").waitFor();
    expect(await server.db.prisma.progressReport.count({ where: { projectId: project.id } })).toBe(0);

    // The network fails: the form says so and keeps every value.
    await form.getByLabel("本月完成投资（万元）").fill("120.5");
    await form.getByLabel("存在问题").fill("雨季影响土方施工");
    await page.route("**/graphql", (route) => route.abort());
    await form.getByRole("button", { name: "报送" }).click();
    await expect.poll(() => form.getByRole("alert").textContent()).toBe("报送失败：无法连接服务器，请检查网络后重试。");
    await page.unroute("**/graphql");
    expect(await form.getByLabel("本月完成投资（万元）").inputValue()).toBe("120.5");
    expect(await form.getByLabel("形象进度").inputValue()).toBe("路基施工完成 60%");
    expect(await form.getByLabel("存在问题").inputValue()).toBe("雨季影响土方施工");
    expect(await server.db.prisma.progressReport.count({ where: { projectId: project.id } })).toBe(0);

    // Valid: saved, and listed in the drawer.
    await form.getByRole("button", { name: "报送" }).click();
    await form.waitFor({ state: "detached" });
    const reports = await server.db.prisma.progressReport.findMany({ where: { projectId: project.id } });
    expect(reports.map((r) => [r.month, r.investmentThisMonth.toString(), r.narrative, r.problems])).toEqual([
      [currentMonthInChina(), "120.5", "路基施工完成 60%", "雨季影响土方施工"],
    ]);
    const listed = section.getByRole("list", { name: "已报送的月度进度" }).getByRole("listitem");
    expect(await listed.count()).toBe(1);
    expect(await listed.first().textContent()).toContain("本月完成投资 120.5 万元");
    expect(await listed.first().textContent()).toContain("路基施工完成 60%");
    expect(await section.textContent()).toContain("累计完成投资 120.5 万元");
  });

  it("an owner raises a blocker, sees the card's badge, and resolves it", async () => {
    const project = await makeProject(server.db, { code: "DRW-02", name: "堵点测试", unitCode: "jtj", stage: "PREPARATION" });
    const { page, drawer } = await openDrawer("drw-owner", "DRW-02");
    const section = drawer.getByRole("region", { name: "堵点" });
    expect(await card(page, "DRW-02").locator(".card-badge--blocker").count()).toBe(0);

    await section.getByRole("button", { name: "提出堵点" }).click();
    const raise = section.getByRole("form", { name: "提出堵点" });
    await raise.getByRole("button", { name: "提交" }).click();
    await raise.getByText("请选择堵点类型").waitFor();
    await raise.getByText("请填写问题描述").waitFor();
    expect(await server.db.prisma.blocker.count({ where: { projectId: project.id } })).toBe(0);
    await raise.getByLabel("堵点类型").selectOption({ label: "用地" });
    await raise.getByLabel("问题描述").fill("红线内 3 户未完成征收");
    // Submitted twice at once (a double click, Enter pressed twice): saved once.
    await raise.evaluate((form: HTMLFormElement) => {
      form.requestSubmit();
      form.requestSubmit();
    });
    await raise.waitFor({ state: "detached" });
    await expect.poll(() => card(page, "DRW-02").locator(".card-badge--blocker").textContent()).toBe("堵点 1");
    const raised = await server.db.prisma.blocker.findMany({ where: { projectId: project.id } });
    expect(raised.map((b) => [b.kind, b.description, b.resolvedAt])).toEqual([["LAND", "红线内 3 户未完成征收", null]]);

    await section.getByRole("button", { name: "标记解决" }).click();
    const resolve = section.getByRole("form", { name: "标记解决" });
    await resolve.getByRole("button", { name: "确认解决" }).click();
    await resolve.getByText("请填写解决情况").waitFor();
    await resolve.getByLabel("解决情况").fill("县自然资源局已完成征收");
    await resolve.getByRole("button", { name: "确认解决" }).click();
    await resolve.waitFor({ state: "detached" });
    await expect.poll(() => card(page, "DRW-02").locator(".card-badge--blocker").count()).toBe(0);
    expect(await section.getByRole("listitem").first().textContent()).toContain("解决：县自然资源局已完成征收");
    const resolved = await server.db.prisma.blocker.findFirstOrThrow({ where: { projectId: project.id } });
    expect(resolved.resolution).toBe("县自然资源局已完成征收");
    expect(resolved.resolvedAt).not.toBeNull();
  });

  it("an owner edits the funding sources: adds two, is refused a bad amount, removes one", async () => {
    const project = await makeProject(server.db, { code: "DRW-03", name: "资金来源测试", unitCode: "jtj", stage: "RESERVE" });
    const { page, drawer } = await openDrawer("drw-owner", "DRW-03");
    const section = drawer.getByRole("region", { name: "基本信息" });
    const funding = () => server.db.prisma.projectFunding.findMany({ where: { projectId: project.id, removedAt: null }, orderBy: { kind: "asc" } });

    await section.getByRole("button", { name: "编辑" }).click();
    const form = section.getByRole("form", { name: "编辑基本信息" });
    await form.getByRole("button", { name: "添加资金来源" }).click();
    await form.getByRole("button", { name: "添加资金来源" }).click();
    await form.getByLabel("第 1 项资金类型").selectOption({ label: "债券" });
    await form.getByLabel("第 1 项金额（万元）").fill("300.125");
    await form.getByLabel("第 2 项资金类型").selectOption({ label: "财政资金" });
    await form.getByLabel("第 2 项金额（万元）").fill("700");
    await form.getByRole("button", { name: "保存" }).click();
    await form.getByText("金额最多保留两位小数").waitFor();
    expect(await funding()).toEqual([]);

    await form.getByLabel("第 1 项金额（万元）").fill("300");
    await form.getByRole("button", { name: "保存" }).click();
    await form.waitFor({ state: "detached" });
    expect((await funding()).map((f) => [f.kind, f.amount.toString()])).toEqual([
      ["BOND", "300"],
      ["FISCAL", "700"],
    ]);
    expect(await section.textContent()).toContain("债券 300 万元；财政资金 700 万元");
    await expect.poll(() => card(page, "DRW-03").getByRole("list", { name: "资金来源" }).getByRole("listitem").allTextContents()).toEqual([
      "债券",
      "财政资金",
    ]);

    await section.getByRole("button", { name: "编辑" }).click();
    await form.getByRole("button", { name: "删除第 1 项资金来源" }).click();
    await form.getByRole("button", { name: "保存" }).click();
    await form.waitFor({ state: "detached" });
    expect((await funding()).map((f) => [f.kind, f.amount.toString()])).toEqual([["FISCAL", "700"]]);
    await expect.poll(() => card(page, "DRW-03").getByRole("list", { name: "资金来源" }).getByRole("listitem").allTextContents()).toEqual([
      "财政资金",
    ]);
  });

  it("a version conflict says 版本冲突, keeps the typed input, and loads the current version with it", async () => {
    const project = await makeProject(server.db, { code: "DRW-04", name: "版本冲突测试", unitCode: "jtj", stage: "RESERVE" });
    const { drawer } = await openDrawer("drw-owner", "DRW-04");
    const section = drawer.getByRole("region", { name: "基本信息" });
    await section.getByRole("button", { name: "编辑" }).click();
    const form = section.getByRole("form", { name: "编辑基本信息" });
    await form.getByLabel("项目名称").fill("版本冲突测试（业主改名）");
    await form.getByLabel("总投资（万元）").fill("1500");

    // Meanwhile the special team changes the name and the description.
    const found = await server.gql(`{ projects(filter: { search: "DRW-04" }) { edges { node { id version } } } }`, {}, teamToken);
    const { id, version } = found.data.projects.edges[0].node;
    const changed = await server.gql(
      `mutation($input: UpdateProjectInput!) { updateProject(input: $input) { __typename } }`,
      { input: { projectId: id, expectedVersion: version, name: "版本冲突测试（专班改名）", description: "专班补充的简介" } },
      teamToken,
    );
    expect(changed.data.updateProject.__typename).toBe("UpdateProjectSuccess");

    await form.getByRole("button", { name: "保存" }).click();
    const alert = form.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("版本冲突");
    expect(await form.getByLabel("项目名称").inputValue()).toBe("版本冲突测试（业主改名）");
    expect(await form.getByLabel("总投资（万元）").inputValue()).toBe("1500");
    const untouched = await server.db.prisma.project.findUniqueOrThrow({ where: { id: project.id } });
    expect([untouched.name, untouched.totalInvestment.toString()]).toEqual(["版本冲突测试（专班改名）", "1000"]);

    // The current version comes in under the typed values; the field both changed says what the other did.
    await alert.getByRole("button", { name: "载入最新版本" }).click();
    await expect.poll(() => form.getByRole("status").textContent()).toMatch(/^已载入最新版本（第 \d+ 版）。你的修改已保留；标出的各项他人也改过/);
    expect(await form.getByLabel("项目名称").inputValue()).toBe("版本冲突测试（业主改名）");
    expect(await form.getByLabel("总投资（万元）").inputValue()).toBe("1500");
    expect(await form.getByLabel("项目简介").inputValue()).toBe("专班补充的简介");
    await form.getByText("他人已改为：版本冲突测试（专班改名）").waitFor();

    await form.getByRole("button", { name: "保存" }).click();
    await form.waitFor({ state: "detached" });
    const saved = await server.db.prisma.project.findUniqueOrThrow({ where: { id: project.id } });
    expect([saved.name, saved.description, saved.totalInvestment.toString()]).toEqual(["版本冲突测试（业主改名）", "专班补充的简介", "1500"]);
  });

  it("an owner plans the milestones back from the completion date and completes one; the card's overdue badge follows", async () => {
    const project = await makeProject(server.db, { code: "DRW-06", name: "倒排工期测试", unitCode: "jtj", stage: "RESERVE" });
    // Completion in a month: the three milestones before 竣工验收 fall more than a year back, overdue.
    const completion = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await server.db.prisma.project.update({ where: { id: project.id }, data: { plannedCompletion: new Date(`${completion}T00:00:00Z`) } });
    const { page, drawer } = await openDrawer("drw-owner", "DRW-06");
    const section = drawer.getByRole("region", { name: "节点（倒排工期）" });
    expect(await section.getByRole("listitem").count()).toBe(0);

    await section.getByRole("button", { name: "生成节点" }).click();
    await expect.poll(() => section.getByRole("listitem").count()).toBe(4);
    expect(await section.getByRole("listitem").last().textContent()).toContain(`竣工验收计划 ${completion}`);
    await expect.poll(() => card(page, "DRW-06").locator(".card-badge--overdue").textContent()).toBe("逾期 3");

    const first = section.getByRole("listitem").first();
    await first.getByRole("button", { name: /^完成/ }).click();
    const form = first.getByRole("form", { name: /^完成节点/ });
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
    expect(await form.getByLabel("实际完成日期").inputValue()).toBe(today);
    await form.getByRole("button", { name: "确认完成" }).click();
    await form.waitFor({ state: "detached" });
    expect(await first.textContent()).toContain(`实际完成 ${today}`);
    await expect.poll(() => card(page, "DRW-06").locator(".card-badge--overdue").textContent()).toBe("逾期 2");
    const done = await server.db.prisma.milestone.findMany({ where: { projectId: project.id, actualDate: { not: null } } });
    expect(done.map((m) => [m.stage, m.actualDate?.toISOString().slice(0, 10)])).toEqual([["RESERVE", today]]);
  });

  it("an auditor reads the drawer, a full-screen sheet on a phone, with no edit controls", async () => {
    const project = await makeProject(server.db, { code: "DRW-05", name: "只读测试", unitCode: "jtj", stage: "RESERVE" });
    await server.db.prisma.blocker.create({ data: { projectId: project.id, kind: "FUNDS", description: "资金未到位", raisedAt: new Date() } });
    await server.db.prisma.milestone.create({ data: { projectId: project.id, name: "前期工作完成", position: 0, stage: "RESERVE", plannedDate: new Date("2030-01-31") } });
    const { drawer } = await openDrawer("drw-auditor", "DRW-05", { width: 390, height: 844 });
    await drawer.getByText("当前账号只能查看此项目。").waitFor();
    expect(await drawer.getByRole("region", { name: "堵点" }).textContent()).toContain("资金未到位");
    expect(await drawer.getByRole("region", { name: "节点（倒排工期）" }).textContent()).toContain("前期工作完成");
    expect(await drawer.getByRole("region", { name: "阶段条件" }).textContent()).toContain("项目建议书或可行性研究报告");
    expect(await drawer.getByRole("button").allTextContents()).toEqual(["关闭"]);
    for (const role of ["textbox", "checkbox", "combobox", "form"] as const) {
      expect(await drawer.getByRole(role).count()).toBe(0);
    }
    expect(await drawer.boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 844 });
    // Nothing in the sheet is wider than the phone.
    expect(await drawer.locator(".drawer__body").evaluate((body) => body.scrollWidth <= body.clientWidth)).toBe(true);
  });
});
