// 项目入库 in real Chromium: an owner registers a project through the form (refused in Chinese first,
// nothing written; then saved once, and on its action's board in 储备); the office imports an XLSX
// 项目清单 whose bad row blocks the write, one refused at the write, then a corrected one; an auditor
// is offered no 项目入库.
import { gzipSync } from "node:zlib";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchBrowser, signInPage } from "../support/browser.js";
import { makeProject } from "../support/projects.js";
import { PASSWORD, startTestServer, type TestServer } from "../support/server.js";

const HEADERS = ["项目编号", "项目名称", "子任务", "责任单位", "业主单位", "所在乡镇", "总投资（万元）", "计划开工", "计划竣工", "项目简介"];

async function workbook(rows: (string | number | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("项目清单");
  sheet.addRow(HEADERS);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const searchParam = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

describe.skipIf(!hasChromium)("项目入库 in Chromium", () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    await server.signIn("e2e-intake-owner", "OWNER", "jtj");
    await server.signIn("e2e-intake-office", "OFFICE");
    await server.signIn("e2e-intake-auditor", "AUDITOR");
    await makeProject(server.db, { code: "E2E-IN-01", name: "已有项目", subTaskCode: "2.1", unitCode: "jtj", stage: "RESERVE" });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Signs in on a board and follows the header's 项目入库 link. */
  async function openIntake(username: string, viewport: { width: number; height: number }) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await signInPage(page, server.url, username, PASSWORD, "/?action=2");
    await page.getByRole("link", { name: "项目入库" }).click();
    return { context, page };
  }

  it("an owner registers a project: refused in Chinese and nothing written, then saved once and shown in 储备 on its board", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on("response", (response) => {
      if (response.url().endsWith(".js")) scripts.push(response.url());
    });
    await signInPage(page, server.url, "e2e-intake-owner", PASSWORD, "/?action=2");

    // The view is loaded on demand: the board's page did not fetch it, and fits the budget.
    const initial = [...scripts];
    expect(initial.some((url) => url.includes("IntakePage"))).toBe(false);
    let gzipped = 0;
    for (const url of initial) gzipped += gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer())).length;
    expect(gzipped).toBeLessThan(300 * 1024);

    await page.getByRole("link", { name: "项目入库" }).click();
    const name = page.getByLabel("项目名称");
    await name.waitFor();
    expect(searchParam(page, "view")).toBe("intake");
    expect(scripts.some((url) => url.includes("IntakePage"))).toBe(true);
    // An owner registers for its own unit only.
    expect(await page.getByLabel("责任单位").isDisabled()).toBe(true);

    // Checked before sending: marked at each field, in Chinese; nothing written, nothing lost.
    await name.fill("端到端入库道路");
    await page.getByLabel("所属子任务").selectOption({ label: "2.1 完善城市交通路网" });
    await page.getByLabel("总投资（万元）").fill("-3");
    await page.getByLabel("计划开工").fill("2026-05-01");
    await page.getByLabel("计划竣工").fill("2026-01-01");
    await page.getByRole("button", { name: "登记入库" }).click();
    await page.getByText("总投资应大于 0").waitFor();
    await page.getByText("计划竣工日期不能早于计划开工日期").waitFor();
    expect(await page.getByLabel("总投资（万元）").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByRole("alert").textContent()).toContain("有 2 处需要修改");
    expect(await server.db.prisma.project.count({ where: { name: "端到端入库道路" } })).toBe(0);
    expect(await name.inputValue()).toBe("端到端入库道路");

    // The server's refusal shows at its field too (a code already taken), the values kept.
    await page.getByLabel("总投资（万元）").fill("1200.5");
    await page.getByLabel("计划竣工").fill("2027-06-30");
    await page.getByLabel("项目编号").fill("E2E-IN-01");
    await page.getByRole("button", { name: "登记入库" }).click();
    await page.locator("#intake-code-error").getByText("项目编号 E2E-IN-01 已存在").waitFor();
    expect(await server.db.prisma.project.count({ where: { name: "端到端入库道路" } })).toBe(0);
    expect(await page.getByLabel("总投资（万元）").inputValue()).toBe("1200.5");

    // 资金来源 (the drawer's field too): a new row takes the focus, its amount is checked at the row.
    await page.getByLabel("项目编号").fill("");
    await page.getByRole("button", { name: "＋ 添加资金来源" }).click();
    const kind = page.getByLabel("第 1 项资金类型");
    await expect.poll(() => kind.evaluate((element) => element === document.activeElement)).toBe(true);
    await kind.selectOption({ label: "财政资金" });
    await page.getByLabel("第 1 项金额（万元）").fill("1200.555");
    await page.getByRole("button", { name: "登记入库" }).click();
    await page.getByText("金额最多保留两位小数").waitFor();
    expect(await page.getByLabel("第 1 项金额（万元）").getAttribute("aria-invalid")).toBe("true");
    expect(await server.db.prisma.project.count({ where: { name: "端到端入库道路" } })).toBe(0);

    // Valid: a double click saves once.
    await page.getByLabel("第 1 项金额（万元）").fill("1200.5");
    await page.getByRole("button", { name: "登记入库" }).dblclick();
    await page.getByRole("heading", { name: "登记成功" }).waitFor();
    const saved = await server.db.prisma.project.findMany({
      where: { name: "端到端入库道路" },
      include: { responsibleUnit: true, fundingSources: true, action: true },
    });
    expect(saved).toHaveLength(1);
    const project = saved[0]!;
    expect([project.stage, project.responsibleUnit.code, project.action.code, project.totalInvestment.toString()]).toEqual(["RESERVE", "jtj", 2, "1200.5"]);
    expect(project.fundingSources.map((f) => [f.kind, f.amount.toString()])).toEqual([["FISCAL", "1200.5"]]);
    expect(await page.getByRole("status").textContent()).toContain(project.code);

    // On its action's board, in 储备, its drawer open.
    await page.getByRole("link", { name: "在看板中查看" }).click();
    await page.getByRole("dialog", { name: "项目详情" }).waitFor();
    expect(searchParam(page, "action")).toBe("2");
    expect(searchParam(page, "view")).toBeNull();
    await page.keyboard.press("Escape");
    const card = page.locator(`[data-testid="board-column"][data-stage="RESERVE"] [data-testid="project-card"][data-code="${project.code}"]`);
    await card.waitFor();
    await context.close();
  });

  it("keeps what was typed when the save fails because the session ended, and saves it after signing in again", async () => {
    const { context, page } = await openIntake("e2e-intake-owner", { width: 390, height: 844 });
    await page.getByLabel("项目名称").fill("会话过期后保存的项目");
    await page.getByLabel("所属子任务").selectOption({ label: "2.3 加快城市有机更新" });
    await page.getByLabel("总投资（万元）").fill("88");
    await server.db.prisma.session.updateMany({ where: { user: { username: "e2e-intake-owner" } }, data: { revokedAt: new Date() } });
    await page.getByRole("button", { name: "登记入库" }).click();

    await page.getByLabel("用户名").fill("e2e-intake-owner");
    await page.getByLabel("密码").fill(PASSWORD);
    await page.getByRole("button", { name: /登\s*录/ }).click();
    await page.getByText("已恢复本窗口中上次未提交的内容").waitFor();
    expect(await page.getByLabel("项目名称").inputValue()).toBe("会话过期后保存的项目");
    expect(await page.getByLabel("总投资（万元）").inputValue()).toBe("88");
    expect(await server.db.prisma.project.count({ where: { name: "会话过期后保存的项目" } })).toBe(0);
    await page.getByRole("button", { name: "登记入库" }).click();
    await page.getByRole("heading", { name: "登记成功" }).waitFor();
    expect(await server.db.prisma.project.count({ where: { name: "会话过期后保存的项目" } })).toBe(1);
    await context.close();
  });

  it("the office imports an XLSX: a bad row blocks the write and nothing is written; the corrected file writes every row", async () => {
    const { context, page } = await openIntake("e2e-intake-office", { width: 1366, height: 768 });
    await page.getByRole("link", { name: "Excel 批量导入" }).click();
    expect(searchParam(page, "tab")).toBe("import");

    // The template downloads with the session cookie.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "项目清单模板.xlsx" }).click()]);
    expect(download.suggestedFilename()).toBe("项目清单模板.xlsx");

    const rows = (subTask: string) => [
      ["E2E-IMP-01", "导入测试道路", "2.1", "县交通局", null, "三汇镇", 5000, "2026-03-01", "2027-12-31", null],
      [null, "导入测试学校", "3.1", "县教科局", null, null, 3200, null, null, null],
      ["E2E-IMP-03", "导入测试管网", subTask, "县住建局", null, null, 800, null, null, null],
    ];
    const imported = () => server.db.prisma.project.count({ where: { name: { startsWith: "导入测试" } } });
    const choose = async (name: string, rows: (string | number | null)[][]) =>
      page.locator('input[type="file"]').setInputFiles({ name, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: await workbook(rows) });
    const table = page.getByTestId("import-rows");
    const confirm = page.getByRole("button", { name: /确认导入/ });

    await choose("项目清单.xlsx", rows("9.9"));
    await table.locator('tr[data-row="4"]').getByText("找不到子任务「9.9」").waitFor();
    expect(await table.locator('tr[data-row="2"]').textContent()).toContain("可导入");
    expect(await table.locator('tr[data-row="3"]').textContent()).toContain("可导入");
    expect(await table.locator('tr[data-row="4"]').textContent()).toContain("E2E-IMP-03");
    expect(await confirm.isDisabled()).toBe(true);
    expect(await imported()).toBe(0);

    // A file that checked clean but is refused at the write (its code was taken meanwhile): nothing is written.
    await choose("项目清单-抢号.xlsx", [
      ["E2E-RACE-01", "抢号测试一", "2.1", "县交通局", null, null, 100, null, null, null],
      ["E2E-RACE-02", "抢号测试二", "2.1", "县交通局", null, null, 100, null, null, null],
    ]);
    await page.getByRole("heading", { name: /检查结果\s*项目清单-抢号\.xlsx/ }).waitFor();
    await makeProject(server.db, { code: "E2E-RACE-02", name: "抢先登记", subTaskCode: "2.1", unitCode: "jtj" });
    await confirm.click();
    await page.getByRole("alert").getByText("未写入任何项目").waitFor();
    await table.locator('tr[data-row="3"]').getByText("项目编号 E2E-RACE-02 已存在").waitFor();
    expect(await server.db.prisma.project.count({ where: { code: "E2E-RACE-01" } })).toBe(0);

    await choose("项目清单-修改.xlsx", rows("2.2"));
    await page.getByRole("heading", { name: /检查结果\s*项目清单-修改\.xlsx/ }).waitFor();
    expect(await table.locator("tr.import-table__item--bad").count()).toBe(0);
    expect(await table.getByText("可导入").count()).toBe(3);
    expect(await confirm.isEnabled()).toBe(true);
    expect(await imported()).toBe(0);
    // A double click writes once (the row without a code would otherwise be numbered twice).
    await confirm.dblclick();
    await page.getByText("已导入 3 个项目").waitFor();
    const written = await server.db.prisma.project.findMany({ where: { name: { startsWith: "导入测试" } }, orderBy: { name: "asc" } });
    expect(written.map((p) => [p.name, p.stage])).toEqual([
      ["导入测试学校", "RESERVE"],
      ["导入测试管网", "RESERVE"],
      ["导入测试道路", "RESERVE"],
    ]);
    expect(written.map((p) => p.code)).toEqual(expect.arrayContaining(["E2E-IMP-01", "E2E-IMP-03"]));
    // Each row shows the code it got.
    expect(await table.locator('tr[data-row="3"]').textContent()).toContain(written.find((p) => p.name === "导入测试学校")!.code);
    await context.close();
  });

  it("offers an auditor no 项目入库, not even by its address", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await signInPage(page, server.url, "e2e-intake-auditor", PASSWORD, "/?action=2&view=intake");
    expect(await page.getByRole("link", { name: "项目入库" }).count()).toBe(0);
    await expect.poll(() => searchParam(page, "view")).toBeNull();
    expect(await page.getByLabel("项目名称").count()).toBe(0);
    await context.close();
  });
});
