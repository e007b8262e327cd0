// 指标监测 in real Chromium: the office enters a yearly actual (refused in Chinese first, the typed
// value kept), the dashboard shows the new progress; a linked project opens in the drawer, which
// lists the project's indicators; an auditor on a phone reads and is offered no entry form.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchBrowser, signInPage } from "../support/browser.js";
import { makeProject } from "../support/projects.js";
import { PASSWORD, startTestServer, type TestServer } from "../support/server.js";

describe.skipIf(!hasChromium)("指标监测 in Chromium", () => {
  let server: TestServer;
  let browser: Browser;
  let schoolId: string;
  let office: string;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    office = await server.signIn("e2e-ind-office", "OFFICE");
    await server.signIn("e2e-ind-auditor", "AUDITOR");
    const school = await makeProject(server.db, { code: "E2E-IND-01", name: "渠江一小北校区", subTaskCode: "3.1", unitCode: "jkj", stage: "UNDER_CONSTRUCTION" });
    schoolId = Buffer.from(`Project:${school.id}`).toString("base64");
    const { data } = await server.gql(`{ indicators { id code } }`, {}, office);
    const ratio = data.indicators.find((i: { code: number }) => i.code === 15).id;
    const linked = await server.gql(
      `mutation($input: ProjectIndicatorInput!) { linkProjectIndicator(input: $input) { __typename } }`,
      { input: { projectId: schoolId, indicatorId: ratio } },
      office,
    );
    expect(linked.data.linkProjectIndicator.__typename).toBe("LinkProjectIndicatorSuccess");
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("the office enters 师生比 for 2024: refused, value kept, then saved; the card shows the new progress; the linked school opens in the drawer", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await signInPage(page, server.url, "e2e-ind-office", PASSWORD, "/?action=3");
    await page.getByRole("link", { name: "指标监测" }).click();
    const card = page.getByRole("button", { name: /^15\. 普通中小学师生比/ });
    const bar = card.getByRole("progressbar");
    await expect.poll(() => bar.getAttribute("aria-valuetext")).toBe("—，暂无数据");
    await card.click();

    const form = page.getByRole("form", { name: "填报普通中小学师生比年度实际值" });
    await form.getByLabel("年份").selectOption("2024");
    const value = form.getByLabel("实际值");
    await value.fill("1:0.5");
    await form.getByLabel("说明").fill("2024 年教育统计");
    await form.getByRole("button", { name: "保存" }).click();
    await form.getByText("师生比按“1:x”填写 x（如 1:12.5 填 12.5），x 应在 1 至 100 之间").waitFor();
    expect(await value.inputValue()).toBe("1:0.5");
    expect(await form.getByLabel("说明").inputValue()).toBe("2024 年教育统计");

    await value.fill("1:12.75");
    await form.getByRole("button", { name: "保存" }).click();
    await form.getByText("已保存 2024 年普通中小学师生比：1:12.75").waitFor();
    // Progress by hand: (12.75 − 13) / (12.5 − 13) = 0.5, behind the two thirds expected by 2024.
    const ratio = (12.75 - 13) / (12.5 - 13);
    await expect.poll(() => bar.getAttribute("aria-valuenow")).toBe(String(ratio * 100));
    expect(await bar.getAttribute("aria-valuetext")).toBe("50.0%，滞后");
    expect(await card.innerText()).toContain("1:12.75");

    const detail = page.getByRole("region", { name: /普通中小学师生比/ });
    await detail.getByRole("button", { name: "渠江一小北校区" }).click();
    const drawer = page.getByRole("dialog", { name: "项目详情" });
    await drawer.getByRole("region", { name: "关联指标" }).getByText("15. 普通中小学师生比").waitFor();
    expect(new URL(page.url()).searchParams.get("project")).toBe(schoolId);
    expect(new URL(page.url()).searchParams.get("view")).toBe("indicators");
    await context.close();
  });

  it("an auditor on a phone reads the cards and the table, with no entry form", async () => {
    const { data } = await server.gql(`{ indicators { code measures { id } } }`, {}, office);
    const incomeRatio = data.indicators.find((i: { code: number }) => i.code === 22).measures[0].id;
    const entered = await server.gql(
      `mutation($input: SetIndicatorValueInput!) { setIndicatorValue(input: $input) { __typename } }`,
      { input: { measureId: incomeRatio, year: 2023, value: "1.91" } },
      office,
    );
    expect(entered.data.setIndicatorValue.__typename).toBe("SetIndicatorValueSuccess");
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await signInPage(page, server.url, "e2e-ind-auditor", PASSWORD, "/?action=1");
    await page.goto(`${server.url}/?view=indicators`);
    const card = page.getByRole("button", { name: /^22\. 城乡居民人均可支配收入比/ });
    await card.click();
    const detail = page.getByRole("region", { name: /城乡居民人均可支配收入比/ });
    await detail.getByRole("heading", { name: "关联项目 0 个，总投资 0 万元" }).waitFor();
    expect(await page.getByRole("form").count()).toBe(0);
    await page.getByRole("button", { name: "指标表格" }).click();
    // (1.91 − 1.94) / (1.88 − 1.94) = 0.5 in 2023, ahead of the third expected by then.
    const row = page.getByRole("row", { name: /城乡居民人均可支配收入比/ });
    expect(await row.getByRole("cell").allInnerTexts()).toEqual(["22", "1.94:1", "1.91:1", "—", "—", "1.88:1", "越低越好", "50.0%", "符合序时", "0"]);
    await context.close();
  });
});
