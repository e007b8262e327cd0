// The plan's reference data as the API serves it: five actions with sub-tasks, 22 indicators.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./support/server.js";

let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startTestServer();
  token = await server.signIn("ref-leader", "LEADER");
});
afterAll(() => server?.close());

it("lists the five actions in order, each with its sub-tasks", async () => {
  const { data } = await server.gql(`{ actions { code name subTasks { code name } } }`, {}, token);
  expect(data.actions.map((a: any) => a.code)).toEqual([1, 2, 3, 4, 5]);
  expect(data.actions[0].name).toBe("实施县城特色优势产业培育行动");
  expect(data.actions.map((a: any) => a.subTasks.length)).toEqual([3, 4, 4, 4, 4]);
  expect(data.actions[1].subTasks[3]).toEqual({ code: "2.4", name: "推进市政设施数字化改造" });
});

it("lists the 22 indicators with the plan's 2022 baselines and 2025 targets", async () => {
  const { data } = await server.gql(
    `{ indicators { code name measures { key unit baseline target direction format } } }`,
    {},
    token,
  );
  expect(data.indicators.map((i: any) => i.code)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
  const gdp = data.indicators[0];
  expect(gdp.measures[0]).toMatchObject({ unit: "亿元", direction: "HIGHER" });
  expect(Number(gdp.measures[0].baseline)).toBe(401.23);
  expect(Number(gdp.measures[0].target)).toBe(530);
  const primary = data.indicators[4].measures.find((m: any) => m.key === "share");
  expect(primary.direction).toBe("LOWER");
  const teachers = data.indicators[14].measures[0];
  expect(teachers).toMatchObject({ direction: "LOWER", format: "1:{value}" });
  expect(Number(teachers.baseline)).toBe(13);
  expect(Number(teachers.target)).toBe(12.5);
});

it("summarises each action's projects and investment in one statement for all five", async () => {
  const { makeProject } = await import("./support/projects.js");
  await makeProject(server.db, { code: "SUM-1", subTaskCode: "4.1", stage: "COMPLETED", totalInvestment: "100" });
  await makeProject(server.db, { code: "SUM-2", subTaskCode: "4.2", stage: "RESERVE", totalInvestment: "50.5" });
  const result = await server.gql(`{ actions { code summary { projectCount completedCount totalInvestment } } }`, {}, token);
  const four = result.data.actions.find((a: any) => a.code === 4);
  expect(four.summary).toEqual({ projectCount: 2, completedCount: 1, totalInvestment: "150.5" });
  expect(result.data.actions.find((a: any) => a.code === 1).summary.projectCount).toBe(0);
  // session, actions, one grouped count for all five
  expect(result.statements).toBe(3);
});
