// Live boards: moves and edits reach every open board within a second, over server-sent events; with
// REDIS_URL they cross server processes.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { npmStart, type RunningServer } from "./support/process.js";
import { completeGate, makeProject } from "./support/projects.js";
import { redisAnswers } from "./support/redis.js";
import { subscribe } from "./support/sse.js";
import { PASSWORD, startTestServer, type TestServer } from "./support/server.js";

const SUBSCRIPTION = `subscription($code: Int!) { boardChanged(actionCode: $code) { action at project { code stage version } } }`;
const gid = (id: number) => Buffer.from(`Project:${id}`).toString("base64");

let server: TestServer;
let owner: string;

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.signIn("live-owner", "OWNER", "jtj");
});
afterAll(() => server?.close());

async function move(url: string, token: string, projectId: number, to: string, expectedVersion: number) {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: `mutation($input: MoveProjectInput!) { moveProject(input: $input) { __typename } }`,
      variables: { input: { projectId: gid(projectId), to, expectedVersion } },
    }),
  });
  return ((await response.json()) as any).data.moveProject.__typename;
}

describe("in one process", () => {
  it("delivers a move to a board's subscribers within a second, and not to other boards", async () => {
    const project = await makeProject(server.db, { code: "L-001", subTaskCode: "2.1", unitCode: "jtj", gateReady: true });
    const board2 = await subscribe(server.url, owner, SUBSCRIPTION, { code: 2 });
    const board3 = await subscribe(server.url, owner, SUBSCRIPTION, { code: 3 });
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    expect(await move(server.url, owner, project.id, "PREPARATION", 1)).toBe("MoveProjectSuccess");
    const event = await board2.next(1000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(event.data.boardChanged).toMatchObject({ action: "project.move", project: { code: "L-001", stage: "PREPARATION", version: 2 } });
    await expect(board3.next(300)).rejects.toThrow(/no event/);

    // Edits are delivered too.
    await server.gql(
      `mutation($input: RaiseBlockerInput!) { raiseBlocker(input: $input) { __typename } }`,
      { input: { projectId: gid(project.id), kind: "LAND", description: "用地未批" } },
      owner,
    );
    expect((await board2.next(1000)).data.boardChanged).toMatchObject({ action: "blocker.raise", project: { version: 3 } });
    board2.close();
    board3.close();
  });

  it("refuses a subscription without a session", async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ query: SUBSCRIPTION, variables: { code: 1 } }),
    });
    const text = await response.text();
    expect(text).toContain("UNAUTHENTICATED");
  });
});

const postgres = inject("postgres");
const redisUrl = process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379";

const redis = await redisAnswers(redisUrl);
if (!redis && process.env.TUIJIN_TEST_REQUIRE_REDIS === "1") throw new Error(`TUIJIN_TEST_REQUIRE_REDIS=1 but no Redis answers at ${redisUrl}`);
if (!redis) console.log(`[tuijin] No Redis at ${redisUrl}: skipping the cross-process live update test.`);

describe.skipIf(!postgres || !redis)("[needs a PostgreSQL server and Redis] across processes", () => {
  const processes: RunningServer[] = [];
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
  });

  it("a subscriber on process A receives a move made through process B", async () => {
    const project = await makeProject(server.db, { code: "L-100", subTaskCode: "5.1", unitCode: "jtj", stage: "PREPARATION" });
    await completeGate(server.db, project.id);
    // Both processes sign sessions with one secret, as one deployment's processes do.
    const env = { DATABASE_URL: server.databaseUrl, REDIS_URL: redisUrl, SESSION_SECRET: "a-shared-test-secret-of-32-chars!!" };
    const [a, b] = await Promise.all([npmStart(env), npmStart(env)]);
    processes.push(a!, b!);
    const login = await fetch(`${b!.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `mutation { login(username: "live-owner", password: "${PASSWORD}") { ... on LoginSuccess { token } } }` }),
    });
    const token = ((await login.json()) as any).data.login.token as string;
    const onA = await subscribe(a!.url, token, SUBSCRIPTION, { code: 5 });
    await new Promise((r) => setTimeout(r, 300));
    const started = Date.now();
    expect(await move(b!.url, token, project.id, "STARTED", project.version)).toBe("MoveProjectSuccess");
    const event = await onA.next(1000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(event.data.boardChanged).toMatchObject({ action: "project.move", project: { code: "L-100", stage: "STARTED" } });
    onA.close();
  });
});
