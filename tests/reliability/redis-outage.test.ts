// Redis goes down (a private redis-server, killed with SIGKILL): live updates degrade, writes still
// work and are all recorded, and live updates resume by themselves once Redis is back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLiveEvents, type LiveEvents } from "../../server/pubsub.js";
import { recordFigures } from "../support/figures.js";
import { runLoad, tally, waitFor } from "../support/load.js";
import { hasRedisServer, startPrivateRedis, type PrivateRedis } from "../support/private-services.js";
import { makeProject } from "../support/projects.js";
import { checkLedger, projectsAtStart, recordProblems } from "../support/records.js";
import { loadClients, loadUsers, makeLoadProjects } from "../support/reliability.js";
import { subscribe, type Subscription } from "../support/sse.js";
import { login, startTestServer, type TestServer } from "../support/server.js";

if (!hasRedisServer) {
  if (process.env.TUIJIN_TEST_REQUIRE_REDIS === "1") throw new Error("TUIJIN_TEST_REQUIRE_REDIS=1 but there is no redis-server to run");
  console.log("[tuijin] No redis-server: skipping the Redis outage test.");
}

const SUBSCRIPTION = `subscription($code: Int!) { boardChanged(actionCode: $code) { action project { code version } } }`;
const UPDATE = `mutation($input: UpdateProjectInput!) { updateProject(input: $input) { __typename ... on UpdateProjectSuccess { project { version } } } }`;

describe.skipIf(!hasRedisServer)("[needs redis-server] Redis goes down", () => {
  let redis: PrivateRedis;
  let live: LiveEvents;
  let server: TestServer;
  const subscriptions: Subscription[] = [];

  beforeAll(async () => {
    redis = await startPrivateRedis();
    live = createLiveEvents(redis.url);
    server = await startTestServer({ pubsub: live.pubsub });
  });
  afterAll(async () => {
    for (const subscription of subscriptions) subscription.close();
    await server?.close();
    await live?.close();
    await redis?.destroy();
  });

  it("degrades live updates, keeps writes working, and resumes live updates when Redis returns", { timeout: 120_000 }, async () => {
    const project = await makeProject(server.db, { code: "RL-001", actionCode: 4, unitCode: "jtj" });
    const team = await server.signIn("redis-team", "TEAM");
    const other = await makeProject(server.db, { code: "RL-002", actionCode: 3, unitCode: "jtj" });
    const versions = new Map([[project.id, project.version], [other.id, other.version]]);
    const editOf = (id: number) => async (n: number) => {
      const input = { projectId: Buffer.from(`Project:${id}`).toString("base64"), expectedVersion: versions.get(id), description: `实时更新 ${n}` };
      const result = await server.gql(UPDATE, { input }, team);
      expect(result.data?.updateProject.__typename).toBe("UpdateProjectSuccess");
      versions.set(id, result.data.updateProject.project.version);
    };
    const edit = editOf(project.id);

    const board = await subscribe(server.url, team, SUBSCRIPTION, { code: 4 });
    // The only board of action 5: closing it unsubscribes from Redis.
    const closedDuringOutage = await subscribe(server.url, team, SUBSCRIPTION, { code: 5 });
    subscriptions.push(board, closedDuringOutage);
    await new Promise((r) => setTimeout(r, 300));
    await edit(1);
    expect((await board.next(5000)).data.boardChanged).toMatchObject({ project: { code: "RL-001", version: 2 } });

    await redis.kill();
    // Boards closed and opened while Redis is down: their (un)subscriptions wait for Redis, and fail nothing.
    closedDuringOutage.close();
    const openedDuringOutage = await subscribe(server.url, team, SUBSCRIPTION, { code: 3 });
    subscriptions.push(openedDuringOutage);

    // Writes still work, under load too, and every acknowledged one is recorded.
    await edit(2);
    const targets = await makeLoadProjects(server.db, "RD", 6);
    const users = await loadUsers(server.db, "rd");
    await server.createUsers(users);
    const clients = await loadClients(users, 12, (username) => login(server.url, username));
    const start = await projectsAtStart(server.db, targets.map((t) => t.id));
    const until = Date.now() + 3000;
    const ledger = await runLoad({ url: () => server.url, clients, targets, done: () => Date.now() > until, runTag: "rd" });
    const counts = tally(ledger);
    expect(ledger.filter((e) => e.outcome !== "success" && e.outcome !== "refused").map((e) => `${e.operation}: ${e.detail}`)).toEqual([]);
    expect(counts.success).toBeGreaterThan(0);
    const check = await checkLedger(server.db, ledger);
    expect(check).toEqual({ lost: [], phantom: [], duplicated: [] });
    expect(await recordProblems(server.db, start)).toEqual([]);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    // Live updates degrade: the edit made while Redis is down reaches no board.
    await expect(board.next(1000)).rejects.toThrow(/no event/);

    await redis.start();
    // The subscriber connects again by itself; edits reach the open boards again, the one opened
    // during the outage included.
    let n = 3;
    const received = (subscription: Subscription, code: string) =>
      subscription.next(1000).then(
        (event) => event.data.boardChanged.project.code === code,
        () => false,
      );
    await waitFor("a live update after Redis returned", async () => (await edit(n++), received(board, "RL-001")), 60_000);
    await waitFor("a live update to the board opened during the outage", async () => (await editOf(other.id)(n++), received(openedDuringOutage, "RL-002")), 60_000);
    recordFigures("redis outage", { operations: ledger.length + n, faults: 1, lost: check.lost.length });
  });
});
