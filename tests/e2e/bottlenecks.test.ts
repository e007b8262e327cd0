// 瓶颈分析 and 调度会议 in real Chromium: a stuck project listed with its light, opened in the drawer;
// the office creates a meeting whose agenda lists it under its unit, records a decision and closes it;
// an owner is offered neither page.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchBrowser, signInPage } from "../support/browser.js";
import { scripted } from "../support/history.js";
import { PASSWORD, startTestServer, type TestServer } from "../support/server.js";

describe.skipIf(!hasChromium)("瓶颈分析 and 调度会议 in Chromium", () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    await server.signIn("e2e-bn-team", "TEAM");
    await server.signIn("e2e-bn-office", "OFFICE", "czhb");
    await server.signIn("e2e-bn-owner", "OWNER", "jtj");
    const year = new Date().getUTCFullYear();
    // In 储备 for two years, nothing of this year's plan done and a milestone long overdue: a red light.
    await scripted(server.db, {
      code: "E2E-BN-01",
      unit: "jtj",
      steps: [["RESERVE", new Date(Date.now() - 730 * 86_400_000).toISOString()]],
      milestones: [{ planned: new Date(Date.now() - 200 * 86_400_000).toISOString().slice(0, 10) }],
    });
    await server.db.prisma.projectAnnualPlan.create({
      data: { project: { connect: { code: "E2E-BN-01" } }, year, plannedInvestment: "500" },
    });
    // Healthy: entered 储备 a week ago.
    await scripted(server.db, { code: "E2E-BN-02", steps: [["RESERVE", new Date(Date.now() - 7 * 86_400_000).toISOString()]] });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("lists a stuck project with its light and opens it in the drawer", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await signInPage(page, server.url, "e2e-bn-team", PASSWORD, "/?action=2");
    await page.getByRole("link", { name: "瓶颈分析" }).click();
    const stuck = page.getByTestId("bn-stuck");
    const row = stuck.locator('tr[data-code="E2E-BN-01"]');
    await row.waitFor();
    await expect(row.locator("[data-light]").getAttribute("data-light")).resolves.toBe("RED");
    await expect(row.locator("[data-light]").getAttribute("title")).resolves.toContain("节点逾期");
    await expect(stuck.locator('tr[data-code="E2E-BN-02"]').count()).resolves.toBe(0);
    // Four charts drawn by ECharts.
    await expect(page.locator(".bn-chart canvas").count()).resolves.toBe(4);

    await row.getByRole("button", { name: "瓶颈测试 E2E-BN-01" }).click();
    const drawer = page.getByRole("dialog", { name: "项目详情" });
    await drawer.getByText("瓶颈测试 E2E-BN-01").first().waitFor();
    expect(new URL(page.url()).searchParams.get("view")).toBe("bottlenecks");

    // Each table exports to XLSX with the session cookie.
    const href = await stuck.locator("xpath=ancestor::section[1]").getByRole("link", { name: "导出 Excel" }).getAttribute("href");
    const cookies = await context.cookies();
    const response = await fetch(`${server.url}${href}`, { headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; ") } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("spreadsheetml");
    await context.close();
  });

  it("the office holds a meeting: the agenda lists the stuck project under its unit; a decision is recorded and closed", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await signInPage(page, server.url, "e2e-bn-office", PASSWORD, "/?action=2");
    await page.getByRole("link", { name: "调度会议" }).click();
    await page.getByText("还没有调度会议。").waitFor();
    await page.getByRole("button", { name: "新建会议并生成议题" }).click();

    const unit = page.getByTestId("agenda-unit").filter({ hasText: "渠县交通运输局" });
    await unit.waitFor();
    await expect(unit.getByText("瓶颈测试 E2E-BN-01").count()).resolves.toBeGreaterThan(0);
    await expect(page.getByTestId("agenda-unit").count()).resolves.toBe(1);

    const form = page.getByRole("form", { name: "记录议定事项" });
    await form.getByRole("button", { name: "添加" }).click();
    await form.getByRole("alert").getByText("请选择责任单位").waitFor();
    await form.getByLabel("责任单位").selectOption({ index: 1 });
    await form.getByLabel("议定事项").fill("一周内完成前期工作");
    await form.getByLabel("完成时限").fill("2099-12-31");
    await form.getByRole("button", { name: "添加" }).click();
    const task = page.getByTestId("meeting-task").filter({ hasText: "一周内完成前期工作" });
    await task.getByText("办理中").waitFor();

    await task.getByLabel("办结情况").fill("前期工作已完成");
    await task.getByRole("button", { name: "办结" }).click();
    await task.getByText("已办结").waitFor();
    await expect(task.getByText("前期工作已完成").count()).resolves.toBe(1);
    const stored = await server.db.prisma.meetingTask.findFirstOrThrow({ where: { decision: "一周内完成前期工作" } });
    expect(stored.status).toBe("DONE");

    const docx = await page.getByRole("link", { name: "下载 Word" }).getAttribute("href");
    expect(docx).toMatch(/^\/export\/meeting\.docx\?id=/);
    await context.close();
  });

  it("offers an owner neither page", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await signInPage(page, server.url, "e2e-bn-owner", PASSWORD, "/?action=2");
    await expect(page.getByRole("link", { name: "瓶颈分析" }).count()).resolves.toBe(0);
    await expect(page.getByRole("link", { name: "调度会议" }).count()).resolves.toBe(0);
    await context.close();
  });
});
