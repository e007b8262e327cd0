// The board in real Chromium: an owner drags a card across a gate and sees what is missing, completes
// the gate in the project drawer and moves it, the move persists (with its history entry in the
// drawer) and shows in a second browser at once; an auditor sees no draggable cards.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeProject } from "../support/projects.js";
import { dragCard, hasChromium, launchBrowser, signInPage } from "../support/browser.js";
import { PASSWORD, startTestServer, type TestServer } from "../support/server.js";

describe.skipIf(!hasChromium)("board in Chromium", () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    await server.signIn("e2e-owner", "OWNER", "jtj");
    await server.signIn("e2e-auditor", "AUDITOR");
    await makeProject(server.db, { code: "E2E-01", name: "端到端测试道路", subTaskCode: "2.1", unitCode: "jtj", stage: "RESERVE" });
    await makeProject(server.db, { code: "E2E-02", name: "他人单位项目", subTaskCode: "2.1", unitCode: "zjj", stage: "RESERVE" });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const card = (page: import("playwright-core").Page, code: string) => page.locator(`[data-testid="project-card"][data-code="${code}"]`);

  it("an owner drags a card across a gate, sees the missing items, completes the gate in the drawer, and the move persists and shows live elsewhere", async () => {
    const owner = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const watcher = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await owner.newPage();
    const other = await watcher.newPage();
    await signInPage(page, server.url, "e2e-owner", PASSWORD, "/?action=2");
    await signInPage(other, server.url, "e2e-auditor", PASSWORD, "/?action=2");
    await expect.poll(() => card(page, "E2E-01").getAttribute("data-stage")).toBe("RESERVE");

    // Across the gate without its checklist: refused, the missing items listed, the card back in place.
    await dragCard(page, "E2E-01", "PREPARATION");
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("项目建议书或可行性研究报告");
    expect(await alert.locator("li").allTextContents()).toEqual(["项目建议书或可行性研究报告", "已明确资金来源"]);
    await expect.poll(() => card(page, "E2E-01").getAttribute("data-stage")).toBe("RESERVE");

    // The owner completes the gate in the project drawer: ticks the proposal with its document number
    // and names a funding source in 编辑; then the move goes through, and the other browser sees it
    // without reloading.
    const project = await server.db.prisma.project.findUniqueOrThrow({ where: { code: "E2E-01" } });
    await alert.getByRole("button", { name: "关闭" }).click();
    await card(page, "E2E-01").getByRole("button", { name: "详情" }).click();
    const drawer = page.getByRole("dialog", { name: "项目详情" });
    await drawer.getByLabel("项目建议书或可行性研究报告 文号").fill("渠发改审批〔2024〕12号");
    await drawer.getByRole("checkbox", { name: "项目建议书或可行性研究报告" }).check();
    await expect.poll(async () => {
      const item = await server.db.prisma.projectGateItem.findFirst({ where: { projectId: project.id } });
      return item && [item.done, item.reference];
    }).toEqual([true, "渠发改审批〔2024〕12号"]);
    await drawer.getByRole("button", { name: "编辑" }).click();
    const form = drawer.getByRole("form", { name: "编辑基本信息" });
    await form.getByRole("button", { name: "添加资金来源" }).click();
    await form.getByLabel("第 1 项资金类型").selectOption({ label: "财政资金" });
    await form.getByLabel("第 1 项金额（万元）").fill("1000");
    await form.getByRole("button", { name: "保存" }).click();
    await form.waitFor({ state: "detached" });
    const gate = drawer.getByRole("region", { name: "阶段条件" });
    await expect.poll(() => gate.getByText("系统自动判断（已填写资金来源）：已满足").count()).toBe(1);
    await drawer.getByRole("button", { name: "关闭" }).click();
    await expect.poll(() => page.getByRole("dialog", { name: "项目详情" }).count()).toBe(0);

    await dragCard(page, "E2E-01", "PREPARATION");
    await expect.poll(() => card(page, "E2E-01").getAttribute("data-stage"), { timeout: 5000 }).toBe("PREPARATION");
    await expect.poll(() => card(other, "E2E-01").getAttribute("data-stage"), { timeout: 5000 }).toBe("PREPARATION");

    // It persisted, with a history entry: in the database, and in the drawer after a reload.
    await page.reload();
    await expect.poll(() => card(page, "E2E-01").getAttribute("data-stage")).toBe("PREPARATION");
    const history = await server.db.prisma.stageTransition.findMany({ where: { projectId: project.id }, include: { actor: true }, orderBy: { id: "asc" } });
    expect(history.map((t) => [t.fromStage, t.toStage, t.actor?.username ?? null])).toEqual([
      [null, "RESERVE", null],
      ["RESERVE", "PREPARATION", "e2e-owner"],
    ]);
    await card(page, "E2E-01").getByRole("button", { name: "详情" }).click();
    const entries = page.getByRole("dialog", { name: "项目详情" }).getByRole("region", { name: "历史" }).getByRole("listitem");
    await expect.poll(() => entries.count()).toBe(2);
    expect(await entries.nth(0).textContent()).toContain("入库 · 储备");
    expect(await entries.nth(1).textContent()).toMatch(/^\d{4}-\d{2}-\d{2} · 储备 → 准备 · e2e-owner$/);
    await owner.close();
    await watcher.close();
  });

  it("lets an owner drag only its own unit's cards, and an auditor none", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await signInPage(page, server.url, "e2e-owner", PASSWORD, "/?action=2");
    expect(await card(page, "E2E-01").getAttribute("aria-roledescription")).toBe("可拖动的项目卡片");
    expect(await card(page, "E2E-02").getAttribute("aria-roledescription")).toBeNull();
    await context.close();

    const auditorContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const auditorPage = await auditorContext.newPage();
    await signInPage(auditorPage, server.url, "e2e-auditor", PASSWORD, "/?action=2");
    expect(await auditorPage.locator('[data-testid="project-card"]').count()).toBeGreaterThanOrEqual(2);
    expect(await auditorPage.locator('[aria-roledescription="可拖动的项目卡片"]').count()).toBe(0);
    await auditorContext.close();
  });

  it("shows the board as it stood on a past date, read-only, and keeps the date on reload", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await signInPage(page, server.url, "e2e-owner", PASSWORD, "/?action=2&at=2024-06-30");
    await page.getByText("正在查看 2024年6月30日 的看板（只读）").waitFor();
    // E2E-01 entered 储备 on 2024-01-01 and was moved to 准备 only today.
    const reserve = page.locator('[data-testid="board-column"][data-stage="RESERVE"]');
    await reserve.locator('[data-testid="project-card"][data-code="E2E-01"]').waitFor();
    expect(await page.locator('[aria-roledescription="可拖动的项目卡片"]').count()).toBe(0);
    await page.reload();
    await page.getByText("正在查看 2024年6月30日 的看板（只读）").waitFor();
    await page.locator(".as-of-banner").getByRole("button", { name: "回到今天" }).click();
    const today = page.locator('[data-testid="board-column"][data-stage="PREPARATION"]');
    await today.locator('[data-testid="project-card"][data-code="E2E-01"]').waitFor();
    expect(await page.locator('[aria-roledescription="可拖动的项目卡片"]').count()).toBeGreaterThan(0);
    await context.close();
  });

  it("ticks a gate item in the project drawer, and it is kept after a reload", async () => {
    await makeProject(server.db, { code: "E2E-03", name: "抽屉测试项目", subTaskCode: "2.1", unitCode: "jtj", stage: "RESERVE" });
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await signInPage(page, server.url, "e2e-owner", PASSWORD, "/?action=2");
    await card(page, "E2E-03").getByRole("button", { name: "详情" }).click();
    const drawer = page.getByRole("dialog", { name: "项目详情" });
    await drawer.waitFor();
    const item = drawer.getByRole("checkbox", { name: "项目建议书或可行性研究报告" });
    expect(await item.isChecked()).toBe(false);
    await item.check();
    await expect.poll(async () => {
      const row = await server.db.prisma.projectGateItem.findFirst({ where: { project: { code: "E2E-03" } } });
      return row?.done ?? false;
    }).toBe(true);
    await page.reload();
    await page.getByRole("dialog", { name: "项目详情" }).getByRole("checkbox", { name: "项目建议书或可行性研究报告" }).waitFor();
    expect(await page.getByRole("dialog", { name: "项目详情" }).getByRole("checkbox", { name: "项目建议书或可行性研究报告" }).isChecked()).toBe(true);
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByRole("dialog", { name: "项目详情" }).count()).toBe(0);
    await context.close();
  });
});
