// The built client: small enough to load on a county office's network, and self-contained (an
// air-gapped government network has no CDN, fonts or icons from outside).
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeProject } from "../support/projects.js";
import { hasChromium, launchBrowser, signInPage } from "../support/browser.js";
import { PASSWORD, startTestServer, type TestServer } from "../support/server.js";

const dist = new URL("../../dist/client/", import.meta.url);

it("loads under 300 KB of gzipped JavaScript on the first page", () => {
  const html = readFileSync(new URL("index.html", dist), "utf8");
  // The entry script and whatever it preloads; views loaded later (lazy chunks) are not counted.
  const initial = [...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g)].map(
    (match) => match[1] ?? match[2]!,
  );
  expect(initial.length).toBeGreaterThanOrEqual(1);
  const gzipped = initial.reduce((total, file) => total + gzipSync(readFileSync(new URL(file, dist))).length, 0);
  console.log(`[tuijin] initial JavaScript: ${initial.join(", ")}: ${(gzipped / 1024).toFixed(1)} KB gzipped`);
  expect(gzipped).toBeLessThan(300 * 1024);
});

describe.skipIf(!hasChromium)("in Chromium", () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    await server.signIn("build-owner", "OWNER", "jtj");
    await makeProject(server.db, { code: "BLD-01", name: "自包含检查项目", subTaskCode: "2.1", unitCode: "jtj" });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("asks nothing of any other origin while signing in, showing boards and a project", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    await signInPage(page, server.url, "build-owner", PASSWORD, "/?action=2");
    await page.locator('[data-testid="project-card"][data-code="BLD-01"]').getByRole("button", { name: "详情" }).click();
    await page.getByRole("dialog", { name: "项目详情" }).getByText("自包含检查项目").first().waitFor();
    await page.keyboard.press("Escape");
    await page.getByRole("navigation", { name: "五大行动" }).getByRole("link", { name: /公共服务/ }).click();
    await expect.poll(() => page.url()).toContain("action=3");
    await page.getByTestId("board-column").first().waitFor();

    const origins = new Set(requested.filter((url) => !url.startsWith("data:")).map((url) => new URL(url).origin));
    expect([...origins]).toEqual([new URL(server.url).origin]);
    // Fonts, if any, come from the server too (the stylesheet names system fonts only).
    expect(requested.some((url) => url.includes("/graphql"))).toBe(true);
    await context.close();
  });
});
