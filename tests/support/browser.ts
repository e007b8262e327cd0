// Real Chromium for end-to-end tests (Debian's chromium, driven by playwright-core; nothing is
// downloaded). Where no Chromium is installed the browser tests are skipped, and say so.
import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);

if (!hasChromium) {
  if (process.env.TUIJIN_TEST_REQUIRE_CHROMIUM === "1") throw new Error(`TUIJIN_TEST_REQUIRE_CHROMIUM=1 but there is no ${CHROMIUM}`);
  console.log(`[tuijin] No Chromium at ${CHROMIUM}: skipping the browser tests (apt-get install chromium).`);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** Signs in through the sign-in page as a user would. */
export async function signInPage(page: Page, baseUrl: string, username: string, password: string, path = "/"): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await page.getByTestId("board-column").first().waitFor();
}

/** Drags a card onto a column with the mouse, in small steps as a hand would. */
export async function dragCard(page: Page, code: string, stage: string): Promise<void> {
  const card = page.locator(`[data-testid="project-card"][data-code="${code}"]`);
  const column = page.locator(`[data-testid="board-column"][data-stage="${stage}"]`);
  await card.scrollIntoViewIfNeeded();
  const from = (await card.boundingBox())!;
  const to = (await column.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + 20);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + 30, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 120, { steps: 20 });
  await page.mouse.up();
}
