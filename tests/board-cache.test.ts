// Board reads are cached, and a board is never stale: after any change to one of its projects (a
// move, a blocker, an edit, a new project), by anyone and through any server process, the next read
// shows it. A repeated read of an unchanged board costs the session and one fingerprint statement.
import http from "node:http";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../server/app.js";
import { preferredEncoding } from "../server/encoding.js";
import { completeGate, makeProject } from "./support/projects.js";
import { PASSWORD, startTestServer, type TestServer } from "./support/server.js";

const BOARD = /* GraphQL */ `
  query Board($actionCode: Int!, $filter: ProjectFilter) {
    board(actionCode: $actionCode, filter: $filter) {
      columns { stage totalCount totalInvestment projects(first: 20) { edges { node { code stage version openBlockerCount name } } } }
    }
  }
`;

type Board = { board: { columns: { stage: string; totalCount: number; projects: { edges: { node: { code: string; stage: string; version: number; openBlockerCount: number; name: string } }[] } }[] } };

const cards = (board: Board) => Object.fromEntries(board.board.columns.flatMap((c) => c.projects.edges.map((e) => [e.node.code, e.node])));
const globalId = (id: number) => Buffer.from(`Project:${id}`).toString("base64");

describe("board cache", () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer();
    token = await server.signIn("cache-office", "OFFICE");
  });
  afterAll(() => server?.close());

  it("answers a repeated read of an unchanged board from memory, the same answer with fewer statements", async () => {
    await makeProject(server.db, { code: "C-01", subTaskCode: "3.1", stage: "RESERVE" });
    const first = await server.gql<Board>(BOARD, { actionCode: 3 }, token);
    const second = await server.gql<Board>(BOARD, { actionCode: 3 }, token);
    expect(second.data).toEqual(first.data);
    // The session, and the fingerprint of the action's projects.
    expect(second.statements).toBeLessThanOrEqual(2);
    expect(first.statements).toBeGreaterThan(second.statements);
    // Another filter is another board.
    const filtered = await server.gql<Board>(BOARD, { actionCode: 3, filter: { search: "nothing-like-this" } }, token);
    expect(filtered.data!.board.columns.every((c) => c.totalCount === 0)).toBe(true);
  });

  it("sends a cached board as the same bytes as the first answer, alone, compressed, in a batch or as a stream", async () => {
    await makeProject(server.db, { code: "C-05", subTaskCode: "3.1", stage: "RESERVE", name: "城东片区老旧小区改造（二期）" });
    const request = (body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}`, ...headers },
        body: JSON.stringify(body),
      });
    const single = { query: BOARD, variables: { actionCode: 3, filter: { search: "C-05" } } };
    const bytes = async (response: Response) => {
      expect(response.status).toBe(200);
      const body = Buffer.from(await response.arrayBuffer());
      const length = response.headers.get("content-length");
      if (length !== null) expect(Number(length)).toBe(body.length);
      return body;
    };
    const first = await bytes(await request(single));
    expect(JSON.parse(first.toString("utf8")).data.board.columns[0].projects.edges[0].node.name).toBe("城东片区老旧小区改造（二期）");
    const cached = await request(single);
    expect(cached.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect((await bytes(cached)).equals(first)).toBe(true);
    // fetch undoes the compression it asked for.
    expect((await bytes(await request(single, { "accept-encoding": "gzip" }))).equals(first)).toBe(true);
    const batch = JSON.parse((await bytes(await request([single, { query: "{ __typename }" }]))).toString("utf8"));
    expect(batch).toEqual([JSON.parse(first.toString("utf8")), { data: { __typename: "Query" } }]);
    const stream = await request(single, { accept: "text/event-stream" });
    expect(stream.headers.get("content-type")).toContain("text/event-stream");
    const events = await stream.text();
    expect(events).toContain(`data: ${first.toString("utf8")}`);
  });

  it("sends a kept board compressed as the client asks, with its length, and never a stale one", async () => {
    // Two cards with long names: an answer over the size below which nothing is compressed (1 KB).
    const name = "城区雨污分流管网改造及排水防涝设施建设项目".repeat(9);
    const project = await makeProject(server.db, { code: "C-20", subTaskCode: "3.4", stage: "PREPARATION", name });
    await makeProject(server.db, { code: "C-21", subTaskCode: "3.4", stage: "RESERVE", name });
    await completeGate(server.db, project.id);
    const body = JSON.stringify({ query: BOARD, variables: { actionCode: 3, filter: { search: "C-2" } } });
    // Raw bytes (fetch would undo the encoding and hide how it was sent).
    const raw = (acceptEncoding: string) =>
      new Promise<{ encoding: string | undefined; length: string | undefined; vary: string | undefined; bytes: Buffer }>((resolve, reject) => {
        const request = http.request(`${server.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), authorization: `Bearer ${token}`, "accept-encoding": acceptEncoding },
        });
        request.on("response", (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () =>
            resolve({
              encoding: response.headers["content-encoding"],
              length: response.headers["content-length"],
              vary: response.headers.vary,
              bytes: Buffer.concat(chunks),
            }),
          );
        });
        request.on("error", reject);
        request.end(body);
      });
    const plain = await raw("identity");
    expect(plain.encoding).toBeUndefined();
    expect(plain.bytes.length).toBeGreaterThan(1024);
    const stageOf = (bytes: Buffer) => cards(JSON.parse(bytes.toString("utf8")).data)["C-20"]!.stage;
    expect(stageOf(plain.bytes)).toBe("PREPARATION");
    // A browser's header: brotli, as the compression of other answers chooses; gzip when weighed higher.
    for (const [accept, encoding, decode] of [
      ["gzip, deflate, br, zstd", "br", zlib.brotliDecompressSync],
      ["br;q=0.5, gzip", "gzip", zlib.gunzipSync],
      ["gzip", "gzip", zlib.gunzipSync],
    ] as const) {
      for (let read = 0; read < 2; read++) {
        const answer = await raw(accept);
        expect(answer.encoding).toBe(encoding);
        expect(answer.vary).toMatch(/accept-encoding/i);
        // Sent whole with its length: encoded once and kept, not streamed through the compressor.
        expect(Number(answer.length)).toBe(answer.bytes.length);
        expect(answer.bytes.length).toBeLessThan(plain.bytes.length);
        expect(decode(answer.bytes).equals(plain.bytes)).toBe(true);
      }
    }
    const moved = await server.gql(
      `mutation($input: MoveProjectInput!) { moveProject(input: $input) { __typename } }`,
      { input: { projectId: globalId(project.id), to: "STARTED", expectedVersion: project.version } },
      token,
    );
    expect(moved.data.moveProject.__typename).toBe("MoveProjectSuccess");
    expect(stageOf(zlib.brotliDecompressSync((await raw("br")).bytes))).toBe("STARTED");
    expect(stageOf(zlib.gunzipSync((await raw("gzip")).bytes))).toBe("STARTED");
  });

  it("is never stale after a move, a new blocker, an edit or a new project", async () => {
    const project = await makeProject(server.db, { code: "C-02", subTaskCode: "3.2", stage: "RESERVE", gateReady: true });
    await server.gql<Board>(BOARD, { actionCode: 3 }, token);
    expect(cards((await server.gql<Board>(BOARD, { actionCode: 3 }, token)).data!)["C-02"]!.stage).toBe("RESERVE");

    const moved = await server.gql(
      `mutation($input: MoveProjectInput!) { moveProject(input: $input) { __typename } }`,
      { input: { projectId: globalId(project.id), to: "PREPARATION", expectedVersion: project.version } },
      token,
    );
    expect(moved.data.moveProject.__typename).toBe("MoveProjectSuccess");
    const afterMove = cards((await server.gql<Board>(BOARD, { actionCode: 3 }, token)).data!);
    expect(afterMove["C-02"]).toMatchObject({ stage: "PREPARATION", version: project.version + 1 });

    const raised = await server.gql(
      `mutation($input: RaiseBlockerInput!) { raiseBlocker(input: $input) { __typename } }`,
      { input: { projectId: globalId(project.id), kind: "LAND", description: "用地指标未落实" } },
      token,
    );
    expect(raised.data.raiseBlocker.__typename).toBe("RaiseBlockerSuccess");
    expect(cards((await server.gql<Board>(BOARD, { actionCode: 3 }, token)).data!)["C-02"]!.openBlockerCount).toBe(1);

    const edited = await server.gql(
      `mutation($input: UpdateProjectInput!) { updateProject(input: $input) { __typename } }`,
      { input: { projectId: globalId(project.id), expectedVersion: project.version + 2, name: "改名后的项目" } },
      token,
    );
    expect(edited.data.updateProject.__typename).toBe("UpdateProjectSuccess");
    expect(cards((await server.gql<Board>(BOARD, { actionCode: 3 }, token)).data!)["C-02"]!.name).toBe("改名后的项目");

    await makeProject(server.db, { code: "C-03", subTaskCode: "3.1", stage: "RESERVE" });
    expect(cards((await server.gql<Board>(BOARD, { actionCode: 3 }, token)).data!)["C-03"]).toBeDefined();
  });

  it("reads the board again when the office changes the traffic-light thresholds", async () => {
    await server.gql<Board>(BOARD, { actionCode: 3 }, token);
    expect((await server.gql<Board>(BOARD, { actionCode: 3 }, token)).statements).toBeLessThanOrEqual(2);
    const set = await server.gql(
      `mutation($input: SetLightThresholdsInput!) { setLightThresholds(input: $input) { __typename } }`,
      { input: { yellowPoints: 5, redPoints: 20, unstartedMonths: 2, yellowSlipDays: 0, redSlipDays: 60 } },
      token,
    );
    expect(set.data.setLightThresholds.__typename).toBe("SetLightThresholdsSuccess");
    expect((await server.gql<Board>(BOARD, { actionCode: 3 }, token)).statements).toBeGreaterThan(2);
  });

  it("is never stale after a change made through another server process", async () => {
    // A second server on the same database, as a second process of one deployment is.
    const other = createApp(server.db);
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    try {
      const project = await makeProject(server.db, { code: "C-04", subTaskCode: "3.3", stage: "PREPARATION" });
      await completeGate(server.db, project.id);
      await server.gql<Board>(BOARD, { actionCode: 3 }, token);
      const otherUrl = `http://127.0.0.1:${(other.address() as { port: number }).port}/graphql`;
      const post = async (query: string, variables: object, bearer?: string) => {
        const response = await fetch(otherUrl, {
          method: "POST",
          headers: { "content-type": "application/json", ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
          body: JSON.stringify({ query, variables }),
        });
        return (await response.json()) as any;
      };
      const login = await post(`mutation($p: String!) { login(username: "cache-office", password: $p) { ... on LoginSuccess { token } } }`, { p: PASSWORD });
      const moved = await post(
        `mutation($input: MoveProjectInput!) { moveProject(input: $input) { __typename } }`,
        { input: { projectId: globalId(project.id), to: "STARTED", expectedVersion: project.version } },
        login.data.login.token,
      );
      expect(moved.data.moveProject.__typename).toBe("MoveProjectSuccess");
      expect(cards((await server.gql<Board>(BOARD, { actionCode: 3 }, token)).data!)["C-04"]!.stage).toBe("STARTED");
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it("keeps a board through changes to another action's projects, and reads it again after its own", async () => {
    const here = await makeProject(server.db, { code: "C-06", subTaskCode: "3.1", stage: "RESERVE", gateReady: true });
    const elsewhere = await makeProject(server.db, { code: "C-07", subTaskCode: "4.1", stage: "RESERVE", gateReady: true });
    const move = (project: { id: number; version: number }) =>
      server.gql(
        `mutation($input: MoveProjectInput!) { moveProject(input: $input) { __typename } }`,
        { input: { projectId: globalId(project.id), to: "PREPARATION", expectedVersion: project.version } },
        token,
      );
    const first = await server.gql<Board>(BOARD, { actionCode: 3 }, token);
    expect((await server.gql<Board>(BOARD, { actionCode: 3 }, token)).statements).toBeLessThanOrEqual(2);

    // A move on action 4's board: action 3's is answered from memory, as it was; action 4's shows the move.
    expect((await move(elsewhere)).data.moveProject.__typename).toBe("MoveProjectSuccess");
    const kept = await server.gql<Board>(BOARD, { actionCode: 3 }, token);
    expect(kept.statements).toBeLessThanOrEqual(2);
    expect(kept.data).toEqual(first.data);
    expect(cards((await server.gql<Board>(BOARD, { actionCode: 4 }, token)).data!)["C-07"]!.stage).toBe("PREPARATION");

    // A move on action 3's board: read again, with the move.
    expect((await move(here)).data.moveProject.__typename).toBe("MoveProjectSuccess");
    const reread = await server.gql<Board>(BOARD, { actionCode: 3 }, token);
    expect(reread.statements).toBeGreaterThan(2);
    expect(cards(reread.data!)["C-06"]).toMatchObject({ stage: "PREPARATION", version: here.version + 1 });

    // A query of both boards is kept only while neither changes.
    const both = `query { three: board(actionCode: 3) { columns { totalCount } } four: board(actionCode: 4) { columns { totalCount } } }`;
    const reserveOfFour = async () => {
      const answer = await server.gql<{ four: { columns: { totalCount: number }[] } }>(both, {}, token);
      return { statements: answer.statements, count: answer.data!.four.columns[0]!.totalCount };
    };
    const before = await reserveOfFour();
    expect((await reserveOfFour()).statements).toBeLessThanOrEqual(2);
    await makeProject(server.db, { code: "C-08", subTaskCode: "4.2", stage: "RESERVE" });
    const after = await reserveOfFour();
    expect(after.statements).toBeGreaterThan(2);
    expect(after.count).toBe(before.count + 1);
  });

  it("reads a changed board from the database once for readers who ask for it together", async () => {
    await server.gql<Board>(BOARD, { actionCode: 3 }, token);
    // As after a move, when every client showing the board reads it again at once.
    await makeProject(server.db, { code: "C-09", subTaskCode: "3.1", stage: "RESERVE" });
    const readers = await Promise.all(Array.from({ length: 8 }, () => server.gql<Board>(BOARD, { actionCode: 3 }, token)));
    for (const reader of readers) expect(cards(reader.data!)["C-09"]).toBeDefined();
    expect(new Set(readers.map((reader) => JSON.stringify(reader.data))).size).toBe(1);
    // One read of the board; the others, the session and the fingerprint each.
    expect(readers.filter((reader) => reader.statements > 2)).toHaveLength(1);
  });

  it("answers a failure to read the record's fingerprint with a masked error that names the request", async () => {
    // The fingerprint is read before the board is executed: an error there is not an execution's.
    await server.db.sql.exec(`ALTER TABLE audit_event RENAME TO audit_event_away`);
    try {
      const failed = await server.gql<Board>(BOARD, { actionCode: 3 }, token);
      expect(failed.errors?.[0]?.message).toBe("Unexpected error.");
      expect(failed.errors?.[0]?.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR", requestId: failed.headers.get("x-request-id") });
    } finally {
      await server.db.sql.exec(`ALTER TABLE audit_event_away RENAME TO audit_event`);
    }
    expect((await server.gql<Board>(BOARD, { actionCode: 3 }, token)).errors).toBeUndefined();
  });
});

describe("the encoding a kept board is sent in", () => {
  it("is the one the client weighs highest, brotli on a tie, none when it accepts neither", () => {
    expect(preferredEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(preferredEncoding("gzip;q=1.0, br;q=0.8")).toBe("gzip");
    expect(preferredEncoding("deflate, gzip")).toBe("gzip");
    expect(preferredEncoding("*")).toBe("br");
    expect(preferredEncoding("br;q=0, *;q=0.5")).toBe("gzip");
    expect(preferredEncoding("identity")).toBeNull();
    expect(preferredEncoding("gzip;q=0, br;q=0")).toBeNull();
    expect(preferredEncoding("")).toBeNull();
    expect(preferredEncoding(null)).toBeNull();
  });
});
