// Moving cards in real Chromium, beyond the happy path: the move shows before the server answers
// (an optimistic cache update) and is undone when refused; a version conflict (版本冲突) puts the
// card where it really is; a keyboard move; and a card from a further page (加载更多).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeProject } from "../support/projects.js";
import { dragCard, hasChromium, launchBrowser, signInPage } from "../support/browser.js";
import { PASSWORD, startTestServer, type TestServer } from "../support/server.js";

const card = (page: Page, code: string) => page.locator(`[data-testid="project-card"][data-code="${code}"]`);
const column = (page: Page, stage: string) => page.locator(`[data-testid="board-column"][data-stage="${stage}"]`);
const countOf = async (page: Page, stage: string) => Number(await column(page, stage).locator(".column__count").textContent());

/** Holds every moveProject request until `release` is called: the page waits for the server. */
async function holdMoves(page: Page): Promise<{ release: () => void; held: () => number }> {
  let open: () => void = () => {};
  const gate = new Promise<void>((resolve) => (open = resolve));
  let held = 0;
  await page.route("**/graphql", async (route) => {
    if (route.request().postData()?.includes('"operationName":"MoveProject"')) {
      held += 1;
      await gate;
    }
    await route.continue();
  });
  return { release: () => open(), held: () => held };
}

describe.skipIf(!hasChromium)("moving cards in Chromium", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  /** Someone else (the office) moves a project, through the API. */
  async function moveElsewhere(code: string, to: string): Promise<void> {
    const project = await server.db.prisma.project.findUniqueOrThrow({ where: { code } });
    const office = await server.signIn(`moves-office-${code}`, "OFFICE");
    const moved = await server.gql(
      `mutation($input: MoveProjectInput!) { moveProject(input: $input) { __typename } }`,
      { input: { projectId: Buffer.from(`Project:${project.id}`).toString("base64"), to, expectedVersion: project.version } },
      office,
    );
    expect(moved.data.moveProject.__typename).toBe("MoveProjectSuccess");
  }

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    await server.signIn("moves-owner", "OWNER", "zjj");
    // Action 4 is this file's own: its board holds only what is made here.
    await makeProject(server.db, { code: "MV-01", name: "乐观更新项目", subTaskCode: "4.1", unitCode: "zjj", stage: "RESERVE", gateReady: true });
    await makeProject(server.db, { code: "MV-02", name: "被拒绝的项目", subTaskCode: "4.1", unitCode: "zjj", stage: "RESERVE" });
    await makeProject(server.db, { code: "MV-03", name: "版本冲突项目", subTaskCode: "4.1", unitCode: "zjj", stage: "RESERVE", gateReady: true });
    await makeProject(server.db, { code: "MV-04", name: "键盘移动项目", subTaskCode: "4.1", unitCode: "zjj", stage: "RESERVE", gateReady: true });
    // 22 cards in 准备: the last two are on the second page.
    for (let i = 1; i <= 22; i++) {
      const code = `MV-P${String(i).padStart(2, "0")}`;
      await makeProject(server.db, { code, name: `分页项目 ${i}`, subTaskCode: "4.1", unitCode: "zjj", stage: "PREPARATION", gateReady: true });
    }
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    page = await context.newPage();
    await signInPage(page, server.url, "moves-owner", PASSWORD, "/?action=4");
    await card(page, "MV-01").waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows the move at once, counts included, while the server has not answered yet", async () => {
    const moves = await holdMoves(page);
    const reserveBefore = await countOf(page, "RESERVE");
    const preparationBefore = await countOf(page, "PREPARATION");
    await dragCard(page, "MV-01", "PREPARATION");
    await expect.poll(() => moves.held()).toBe(1);
    // The request is still held: what shows now comes from the optimistic cache update.
    const moved = column(page, "PREPARATION").locator('[data-testid="project-card"][data-code="MV-01"]');
    await moved.waitFor();
    expect(await moved.getAttribute("aria-busy")).toBe("true");
    expect(await column(page, "RESERVE").locator('[data-code="MV-01"]').count()).toBe(0);
    expect(await countOf(page, "RESERVE")).toBe(reserveBefore - 1);
    expect(await countOf(page, "PREPARATION")).toBe(preparationBefore + 1);
    expect((await server.db.prisma.project.findUniqueOrThrow({ where: { code: "MV-01" } })).stage).toBe("RESERVE");

    moves.release();
    await expect.poll(async () => (await server.db.prisma.project.findUniqueOrThrow({ where: { code: "MV-01" } })).stage).toBe("PREPARATION");
    await expect.poll(() => moved.getAttribute("aria-busy")).toBeNull();
    expect(await countOf(page, "PREPARATION")).toBe(preparationBefore + 1);
    await page.unroute("**/graphql");
  });

  it("puts a refused card back in its column, with the gate's missing items", async () => {
    const moves = await holdMoves(page);
    const reserveBefore = await countOf(page, "RESERVE");
    await dragCard(page, "MV-02", "PREPARATION");
    await expect.poll(() => moves.held()).toBe(1);
    await column(page, "PREPARATION").locator('[data-code="MV-02"]').waitFor();
    moves.release();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("不满足进入下一阶段的条件");
    await column(page, "RESERVE").locator('[data-code="MV-02"]').waitFor();
    expect(await column(page, "PREPARATION").locator('[data-code="MV-02"]').count()).toBe(0);
    expect(await countOf(page, "RESERVE")).toBe(reserveBefore);
    await page.unroute("**/graphql");
    await alert.getByRole("button", { name: "关闭" }).click();
  });

  it("on a version conflict says 版本冲突 with the current stage, and shows the card where it really is", async () => {
    // Someone else moves MV-03 on; this page still shows it in 储备 with its old version (no live
    // update reaches a page whose stream is held back, so the conflict is certain).
    await page.route("**/graphql", async (route) => {
      if (route.request().postData()?.includes('"operationName":"BoardChanged"')) return route.abort();
      await route.continue();
    });
    await page.reload();
    await card(page, "MV-03").waitFor();
    await moveElsewhere("MV-03", "PREPARATION");
    expect(await card(page, "MV-03").getAttribute("data-stage")).toBe("RESERVE");

    await dragCard(page, "MV-03", "PREPARATION");
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("版本冲突");
    expect(await alert.textContent()).toContain("当前处于「准备」阶段");
    // The board was read again: the card stands in 准备, where it really is.
    await expect.poll(() => card(page, "MV-03").getAttribute("data-stage")).toBe("PREPARATION");
    expect(await column(page, "RESERVE").locator('[data-code="MV-03"]').count()).toBe(0);
    await page.unroute("**/graphql");
    await alert.getByRole("button", { name: "关闭" }).click();
  });

  it("moves a card with the keyboard: Space, Arrow Right, Space", async () => {
    await page.reload();
    const item = card(page, "MV-04");
    await item.focus();
    // Each step waits for what a screen reader hears (dnd-kit's live region) before the next key.
    await page.keyboard.press("Space");
    await page.getByText("项目卡片「键盘移动项目」已移到「储备」列上方。").waitFor({ state: "attached" });
    // The first arrow can come before dnd-kit has measured the columns (a slow machine): it is then
    // ignored, and the announcement still names 储备; a user presses again, and so does the test.
    const overPreparation = page.getByText("项目卡片「键盘移动项目」已移到「准备」列上方。");
    await expect
      .poll(async () => {
        if ((await overPreparation.count()) > 0) return true;
        await page.keyboard.press("ArrowRight");
        await overPreparation.waitFor({ state: "attached", timeout: 3000 }).catch(() => {});
        return (await overPreparation.count()) > 0;
      }, { timeout: 20_000 })
      .toBe(true);
    await page.keyboard.press("Space");
    await expect.poll(async () => (await server.db.prisma.project.findUniqueOrThrow({ where: { code: "MV-04" } })).stage).toBe("PREPARATION");
    await column(page, "PREPARATION").locator('[data-code="MV-04"]').waitFor();
    // Focus follows the card to its new column.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-code"))).toBe("MV-04");
  });

  it("moves a card from a further page (加载更多), and the loaded pages are read again", async () => {
    await page.reload();
    const preparation = column(page, "PREPARATION");
    await preparation.getByRole("button", { name: "加载更多" }).click();
    await preparation.locator('[data-code="MV-P22"]').waitFor();
    // Everything past the first twenty cards is on the further page (MV-0x sort first).
    const startedBefore = await countOf(page, "STARTED");
    await dragCard(page, "MV-P22", "STARTED");
    await column(page, "STARTED").locator('[data-code="MV-P22"]').waitFor();
    expect(await preparation.locator('[data-code="MV-P22"]').count()).toBe(0);
    await expect.poll(async () => (await server.db.prisma.project.findUniqueOrThrow({ where: { code: "MV-P22" } })).stage).toBe("STARTED");
    await expect.poll(() => countOf(page, "STARTED")).toBe(startedBefore + 1);

    // A card moved into 准备 by someone else sorts into the loaded further page: it is read again.
    await makeProject(server.db, { code: "MV-Z1", name: "后来的项目", subTaskCode: "4.1", unitCode: "zjj", stage: "RESERVE", gateReady: true });
    await moveElsewhere("MV-Z1", "PREPARATION");
    await preparation.locator('[data-code="MV-Z1"]').waitFor();
  });

  it("reads the board again when the live stream comes back after a drop", async () => {
    let refused = 0;
    await page.route("**/graphql", async (route) => {
      if (route.request().postData()?.includes('"operationName":"BoardChanged"')) {
        refused += 1;
        return route.abort();
      }
      await route.continue();
    });
    await page.reload();
    await card(page, "MV-P01").waitFor();
    await expect.poll(() => refused).toBeGreaterThan(0);
    // A move while this page has no stream: no event will ever tell it.
    await moveElsewhere("MV-P01", "STARTED");
    expect(await card(page, "MV-P01").getAttribute("data-stage")).toBe("PREPARATION");
    await page.unroute("**/graphql");
    // The stream is opened again (after a pause of a few seconds) and the board is read again.
    await expect.poll(() => card(page, "MV-P01").getAttribute("data-stage"), { timeout: 15_000 }).toBe("STARTED");
  });
});
