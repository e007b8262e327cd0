// How many GraphQL requests execute at once (GRAPHQL_CONCURRENCY): the others wait their turn; a
// subscription, a client still sending its body and a client that went away hold no place.
import http from "node:http";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { untilSomeoneWaitsForALock } from "./support/database.js";
import { makeProject } from "./support/projects.js";
import { startTestServer, type TestServer } from "./support/server.js";
import { subscribe } from "./support/sse.js";

const postgres = inject("postgres");
const gid = (id: number) => Buffer.from(`Project:${id}`).toString("base64");
const SUBSCRIPTION = `subscription($code: Int!) { boardChanged(actionCode: $code) { project { code stage } } }`;
const MOVE = `mutation($input: MoveProjectInput!) { moveProject(input: $input) { __typename } }`;

let server: TestServer;
let owner: string;

beforeAll(async () => {
  // One place: any request executing makes every other wait.
  server = await startTestServer({ graphqlConcurrency: 1 });
  owner = await server.signIn("admission-owner", "OWNER", "jtj");
});
afterAll(() => server?.close());

function post(body: string, token = owner, signal?: AbortSignal): Promise<any> {
  return fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body,
    signal,
  }).then((response) => response.json());
}

const typename = () => post(JSON.stringify({ query: "{ __typename }" }));

it("refuses a GRAPHQL_CONCURRENCY that is not a number of requests", async () => {
  const { readConfig } = await import("../server/config.js");
  expect(readConfig({}).graphqlConcurrency).toBeGreaterThan(1);
  expect(readConfig({ GRAPHQL_CONCURRENCY: "3" }).graphqlConcurrency).toBe(3);
  for (const bad of ["0", "-2", "1.5", "many"]) {
    expect(() => readConfig({ GRAPHQL_CONCURRENCY: bad })).toThrow(/GRAPHQL_CONCURRENCY must be a number of requests from 1/);
  }
});

it("answers a query while a subscription stays open", async () => {
  const project = await makeProject(server.db, { code: "AD-001", subTaskCode: "2.1", unitCode: "jtj", gateReady: true });
  const board = await subscribe(server.url, owner, SUBSCRIPTION, { code: 2 });
  try {
    expect((await typename()).data).toEqual({ __typename: "Query" });
    const moved = await post(JSON.stringify({ query: MOVE, variables: { input: { projectId: gid(project.id), to: "PREPARATION", expectedVersion: 1 } } }));
    expect(moved.data.moveProject.__typename).toBe("MoveProjectSuccess");
    expect((await board.next()).data.boardChanged.project).toEqual({ code: "AD-001", stage: "PREPARATION" });
  } finally {
    board.close();
  }
});

it("answers others while a client is still sending its body, then answers that client too", async () => {
  const body = JSON.stringify({ query: "{ __typename }" });
  const slow = http.request(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
  });
  const answer = new Promise<string>((resolve, reject) => {
    slow.on("response", (response) => {
      let text = "";
      response.on("data", (chunk) => (text += chunk));
      response.on("end", () => resolve(text));
    });
    slow.on("error", reject);
  });
  slow.write(body.slice(0, 5));
  try {
    expect((await typename()).data).toEqual({ __typename: "Query" });
  } finally {
    slow.end(body.slice(5));
  }
  expect(JSON.parse(await answer).data).toEqual({ __typename: "Query" });
});

describe.skipIf(!postgres)("[needs a PostgreSQL server] a request held up in the database", () => {
  let locker: pg.Client;
  let projectId: number;

  beforeAll(async () => {
    locker = new pg.Client({ connectionString: server.databaseUrl });
    await locker.connect();
    projectId = (await makeProject(server.db, { code: "AD-002", subTaskCode: "2.1", unitCode: "jtj", gateReady: true })).id;
  });
  afterAll(() => locker?.end());

  /** Locks the project's row, as a long transaction elsewhere would; a move of it then waits. */
  async function lockProject(): Promise<() => Promise<void>> {
    await locker.query("BEGIN");
    await locker.query("SELECT 1 FROM project WHERE id = $1 FOR UPDATE", [projectId]);
    return async () => void (await locker.query("ROLLBACK"));
  }

  const moveBody = (to: string, expectedVersion: number, note?: string) =>
    JSON.stringify({ query: MOVE, variables: { input: { projectId: gid(projectId), to, expectedVersion, note } } });

  it("makes the next request wait until the executing one is answered", async () => {
    const release = await lockProject();
    const finished: string[] = [];
    const move = post(moveBody("PREPARATION", 1)).then((result) => (finished.push("move"), result));
    await untilSomeoneWaitsForALock(locker); // the move executes, and holds the one place
    const query = typename().then((result) => (finished.push("query"), result));
    // Time enough for the query to be answered, were it not waiting its turn.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(finished).toEqual([]);
    await release();
    expect((await move).data.moveProject.__typename).toBe("MoveProjectSuccess");
    expect((await query).data).toEqual({ __typename: "Query" });
    expect(finished).toEqual(["move", "query"]);
  });

  it("gives the place of a client that went away to the next request", async () => {
    const release = await lockProject();
    try {
      const gone = new AbortController();
      const move = post(moveBody("RESERVE", 2, "退回补充材料"), owner, gone.signal).catch((error: Error) => error.name);
      await untilSomeoneWaitsForALock(locker); // the move executes, and holds the one place
      gone.abort();
      expect(await move).toBe("AbortError");
      // Answered while the abandoned move still waits for the lock.
      expect((await typename()).data).toEqual({ __typename: "Query" });
    } finally {
      await release();
    }
  });
});
