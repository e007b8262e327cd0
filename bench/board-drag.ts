// Does the board stay responsive with 500 cards in one action? Loads every card of action 2's board
// (all further pages, 加载更多) in Chromium, then picks cards up with the mouse, again and again, and
// measures in the page the time from the pointer event that starts the drag to the first frame
// that shows the lifted card. Also with the CPU slowed down 4× (an older office laptop).
// DATABASE_URL selects PostgreSQL; otherwise an in-memory embedded database.
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { createApp } from "../server/app.js";
import { openDatabase } from "../server/db/client.js";
import { migrate } from "../server/db/migrate.js";
import { hashPassword } from "../server/modules/auth/password.js";
import { seedReference } from "../seeds/reference.js";
import { seedScale } from "../seeds/scale.js";
import { CHROMIUM, hasChromium, launchBrowser, signInPage } from "../tests/support/browser.js";
import { median, percentile } from "./stats.js";

const PASSWORD = "bench-password-1";
const ACTION = 2;
const SAMPLES = 30;

async function ensureClientBuilt(): Promise<void> {
  if (existsSync(fileURLToPath(new URL("../dist/client/index.html", import.meta.url)))) return;
  const { build } = await import("vite");
  await build({ configFile: fileURLToPath(new URL("../vite.config.ts", import.meta.url)), logLevel: "warn", mode: "production" });
}

/** Clicks 加载更多 until every column shows all its cards. */
async function loadEveryCard(page: Page): Promise<number> {
  for (;;) {
    const more = page.getByRole("button", { name: "加载更多" });
    if ((await more.count()) === 0) break;
    await more.first().click();
    await page.waitForFunction(() => !document.querySelector(".column__more [aria-busy='true'], .load-more--loading"));
    await page.waitForTimeout(50);
  }
  return page.locator('[data-testid="project-card"]').count();
}

/** Installs the in-page timer: pointer event that starts a drag → first frame with the lifted card. */
function installTimer(page: Page): Promise<void> {
  return page.evaluate(() => {
    const state = window as unknown as { __dragStart: number | null; __dragTimes: number[] };
    state.__dragStart = null;
    state.__dragTimes = [];
    document.addEventListener(
      "pointermove",
      (event) => {
        if (event.buttons === 1 && state.__dragStart === null) state.__dragStart = event.timeStamp;
      },
      true,
    );
    new MutationObserver(() => {
      const started = state.__dragStart;
      if (started === null || !document.querySelector(".project-card--overlay")) return;
      state.__dragStart = -1;
      requestAnimationFrame((frame) => state.__dragTimes.push(frame - started));
    }).observe(document.body, { childList: true, subtree: true });
  });
}

/** Picks up cards spread over the board and puts them back; returns the drag start times (ms). */
async function measureDrags(page: Page, count: number): Promise<number[]> {
  const cards = page.locator('[aria-roledescription="可拖动的项目卡片"]');
  const total = await cards.count();
  await page.evaluate(() => ((window as unknown as { __dragTimes: number[] }).__dragTimes = []));
  for (let i = 0; i < count; i++) {
    const card = cards.nth(Math.floor(((i + 0.5) * total) / count));
    await card.scrollIntoViewIfNeeded();
    const box = (await card.boundingBox())!;
    await page.evaluate(() => ((window as unknown as { __dragStart: number | null }).__dragStart = null));
    await page.mouse.move(box.x + box.width / 2, box.y + 15);
    await page.mouse.down();
    // One move past the 6 px activation distance: that event starts the drag.
    await page.mouse.move(box.x + box.width / 2 + 12, box.y + 30);
    await page.waitForFunction((n) => (window as unknown as { __dragTimes: number[] }).__dragTimes.length > n, i);
    // Back where it came from: a drop on its own column changes nothing.
    await page.mouse.move(box.x + box.width / 2, box.y + 15);
    await page.mouse.up();
    await page.waitForFunction(() => !document.querySelector(".project-card--overlay"));
  }
  return page.evaluate(() => (window as unknown as { __dragTimes: number[] }).__dragTimes);
}

export async function boardDrag(): Promise<Record<string, number>> {
  if (!hasChromium) throw new Error(`the board-drag benchmark needs Chromium at ${CHROMIUM} (apt-get install chromium)`);
  process.env.LOG_LEVEL ??= "silent";
  await ensureClientBuilt();
  const db = await openDatabase(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { memory: true });
  await migrate(db.sql);
  await seedReference(db.prisma);
  // Over 500 of 2,700 generated projects fall in action 2 (four of the plan's nineteen sub-tasks).
  await seedScale(db, 2_700);
  const cardsInAction = await db.prisma.project.count({ where: { action: { code: ACTION }, archivedAt: null } });
  const username = `bench-team-${Date.now().toString(36)}`;
  await db.prisma.user.create({ data: { username, displayName: "专班", role: "TEAM", passwordHash: await hashPassword(PASSWORD) } });

  const server = createApp(db);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signInPage(page, url, username, PASSWORD, `/?action=${ACTION}`);
    const shown = await loadEveryCard(page);
    await installTimer(page);
    await measureDrags(page, 5); // warm up
    const normal = await measureDrags(page, SAMPLES);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await measureDrags(page, 3); // warm up, slowed
    const slowed = await measureDrags(page, SAMPLES);
    return {
      "cards in action": cardsInAction,
      "cards on screen": shown,
      "median ms": median(normal),
      "p95 ms": percentile(normal, 95),
      "4x CPU median": median(slowed),
      "4x CPU p95": percentile(slowed, 95),
    };
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
    await db.close();
  }
}
