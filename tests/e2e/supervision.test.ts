// 督办 and 红黑榜 in real Chromium: an owner replies to its unit's notice; the office publishes a
// period's list (with confirmation) and finds it in the history of published lists.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchBrowser, signInPage } from "../support/browser.js";
import { makeProject } from "../support/projects.js";
import { PASSWORD, startTestServer, type TestServer } from "../support/server.js";

describe.skipIf(!hasChromium)("督办 and 红黑榜 in Chromium", () => {
  let server: TestServer;
  let browser: Browser;
  let noticeId: number;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    await server.signIn("e2e-sv-owner", "OWNER", "jtj");
    await server.signIn("e2e-sv-office", "OFFICE");
    const office = await server.db.prisma.user.findUniqueOrThrow({ where: { username: "e2e-sv-office" } });
    const project = await makeProject(server.db, { code: "E2E-SV-01", name: "督办测试道路", unitCode: "jtj", stage: "UNDER_CONSTRUCTION" });
    const jtj = await server.db.prisma.unit.findUniqueOrThrow({ where: { code: "jtj" } });
    const notice = await server.db.prisma.supervisionNotice.create({
      data: {
        projectId: project.id,
        unitId: jtj.id,
        subject: "用地报批滞后",
        requirement: "请说明用地报批进展",
        replyDeadline: new Date(Date.now() + 7 * 86_400_000),
        issuedAt: new Date(),
        issuedById: office.id,
      },
    });
    noticeId = notice.id;
    // Something to score in 2025-Q2: a milestone due then, done on time.
    await server.db.prisma.milestone.create({
      data: { projectId: project.id, name: "路基完成", position: 0, plannedDate: new Date("2025-05-10"), actualDate: new Date("2025-05-08") },
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("an owner replies to its unit's notice from the 督办 page", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await signInPage(page, server.url, "e2e-sv-owner", PASSWORD, "/?action=2");
    await page.getByRole("link", { name: "督办" }).click();
    const row = page.locator(".sv-notice", { hasText: "用地报批滞后" });
    await expect.poll(() => row.getByText("待回复").count()).toBe(1);
    await row.getByRole("button", { name: "回复" }).click();
    // An empty reply is refused in Chinese before anything is sent.
    await row.getByRole("button", { name: "提交回复" }).click();
    await expect.poll(() => row.getByRole("alert").textContent()).toBe("请填写回复内容");
    await row.getByLabel("回复内容").fill("已与自然资源局对接，月底前完成组卷上报");
    await row.getByRole("button", { name: "提交回复" }).click();
    await expect.poll(() => row.getByText("已回复").count()).toBe(1);
    await expect.poll(() => row.getByText("已与自然资源局对接，月底前完成组卷上报").count()).toBe(1);
    const stored = await server.db.prisma.supervisionNotice.findUniqueOrThrow({ where: { id: noticeId } });
    expect([stored.state, stored.replyLate, stored.reply]).toEqual(["REPLIED", false, "已与自然资源局对接，月底前完成组卷上报"]);
    await context.close();
  });

  it("the office publishes a period after confirming, and sees it in the history of published lists", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await signInPage(page, server.url, "e2e-sv-office", PASSWORD, "/?action=2");
    await page.getByRole("link", { name: "红黑榜" }).click();
    await page.getByRole("combobox", { name: "考核期" }).selectOption("2025-Q2");
    await page.getByText("未发布（按当前记录实时计算）").waitFor();
    await page.locator(".sv-score", { hasText: "渠县交通运输局" }).waitFor();

    await page.getByRole("button", { name: "发布本期榜单" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("发布 2025 年第二季度 红黑榜？").waitFor();
    await dialog.getByRole("button", { name: "确认发布" }).click();
    await page.getByText("已发布，榜单已冻结。").waitFor();

    const history = page.locator(".sv-history");
    await expect.poll(() => history.locator("tr", { hasText: "2025 年第二季度" }).count()).toBe(1);
    await expect.poll(() => history.locator("tr", { hasText: "2025 年第二季度" }).textContent()).toContain("e2e-sv-office");
    await expect.poll(() => page.locator(".sv-status--published").count()).toBe(1);
    expect(await page.getByRole("button", { name: "发布本期榜单" }).count()).toBe(0);
    const publication = await server.db.prisma.scoreboardPublication.findUniqueOrThrow({ where: { period: "2025-Q2" }, include: { entries: true } });
    expect(publication.entries.length).toBe(1);
    expect(await server.db.prisma.auditEvent.count({ where: { action: "scoreboard.publish", entityId: "2025-Q2" } })).toBe(1);
    await context.close();
  });
});
