// Province scale, measured side by side (npm run bench -- load): a fresh PostgreSQL database with
// 20,000 generated projects (about 100,000 transitions), the server in production mode in its own
// process, and autocannon driving it. For each operation (the board, a project's history page, the
// bottleneck view, moveProject under contention): throughput with 50 concurrent clients and
// latency (p50/p95/p99) at a steady 100 requests a second over 5 connections (the board's both taken
// in BENCH_ROUNDS turns with the floor it is compared to; medians), SQL statements per request (on
// servers of their own), and the server's memory.
// Floors measured in the same run: `{ __typename }` (the framework) and the same board read by
// hand-written SQL through pg (the database). Then one server process against two (WORKERS=2, with
// Redis), with the board cache on and off. Writes bench/results/load-<time>.json.
import { mkdirSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import autocannon from "autocannon";
import pg from "pg";
import { openDatabase } from "../server/db/client.js";
import { migrate } from "../server/db/migrate.js";
import { seed } from "../seeds/seed.js";
import { redisAnswers } from "../tests/support/redis.js";
import { BENCH_PASSWORD, clientDocument } from "./client-documents.js";
import { createScratchDatabase } from "./scratch-database.js";
import { startServer, type ServerProcess } from "./server-process.js";
import { median, percentile } from "./stats.js";

const ACTION = 2;
const SCALE = Number(process.env.BENCH_SCALE || 20_000);
const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);
const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379";

interface Operation {
  name: string;
  /** The request body; a function gives each request its own (e.g. another project). */
  body: string | (() => string);
  /** Headers beside the content type and the token. */
  headers?: Record<string, string>;
}

interface Figures {
  [key: string]: number;
}

const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString("base64");

const HISTORY = `query History($id: ID!) {
  node(id: $id) { ... on Project { id history(first: 20) { totalCount edges { node { id from to kind at note actor { displayName } } } pageInfo { hasNextPage endCursor } } } }
}`;

function requestOf(url: string, token: string, { body, headers: extra }: Operation) {
  const headers = { "content-type": "application/json", authorization: `Bearer ${token}`, ...extra };
  return typeof body === "string"
    ? { url: `${url}/graphql`, method: "POST", headers, body }
    : { url: `${url}/graphql`, requests: [{ method: "POST", path: "/graphql", headers, setupRequest: (request: object) => ({ ...request, body: body() }) }] };
}

/** Answers that were not 200 (e.g. 503 when the database pool is exhausted) and timeouts, per operation: reported, not hidden. */
const failures: Record<string, number> = {};
function countFailures(name: string, result: { non2xx: number; errors: number }): void {
  if (result.non2xx + result.errors > 0) failures[name] = (failures[name] ?? 0) + result.non2xx + result.errors;
}

interface Throughput {
  /** Requests a second. */
  rps: number;
  /** The server's CPU time per request, in ms (NaN without the server). */
  cpuMs: number;
  /** The server's page faults per request (NaN without the server). */
  pageFaults: number;
}

/**
 * Requests a second with `connections` clients, each waiting for its answer; with the server, also
 * the CPU time it spent per request (the steadiest figure on a shared machine).
 */
async function throughput(url: string, token: string, op: Operation, connections = 50, server?: ServerProcess): Promise<Throughput> {
  const cpuBefore = server?.cpuMs() ?? 0;
  const faultsBefore = server?.pageFaults() ?? 0;
  const result = await autocannon({ ...requestOf(url, token, op), connections, duration: SECONDS });
  countFailures(op.name, result);
  const cpuMs = server && result.requests.total > 0 ? (server.cpuMs() - cpuBefore) / result.requests.total : NaN;
  const pageFaults = server && result.requests.total > 0 ? (server.pageFaults() - faultsBefore) / result.requests.total : NaN;
  return { rps: result.requests.average, cpuMs, pageFaults };
}

/**
 * Throughput with 50 clients of targets compared as a ratio, measured in turns after a warm-up,
 * ROUNDS times each; the medians per target (as latencyInTurns, below, and for the same reason).
 */
async function throughputInTurns(targets: (Target & { server?: ServerProcess })[]): Promise<Map<string, Throughput>> {
  for (const target of targets) await throughput(target.url, target.token, target.op, 10);
  const rounds = new Map<string, Throughput[]>(targets.map((target) => [target.name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const target of targets) rounds.get(target.name)!.push(await throughput(target.url, target.token, target.op, 50, target.server));
  }
  return new Map(
    [...rounds].map(([name, runs]) => [
      name,
      { rps: median(runs.map((run) => run.rps)), cpuMs: median(runs.map((run) => run.cpuMs)), pageFaults: median(runs.map((run) => run.pageFaults)) },
    ]),
  );
}

/** Latency percentiles (ms) at a steady offered rate over few connections. */
async function latency(url: string, token: string, op: Operation, rate = 100, connections = 5): Promise<Figures> {
  const times: number[] = [];
  const instance = autocannon({ ...requestOf(url, token, op), connections, overallRate: rate, duration: SECONDS });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => times.push(ms));
  const result = await instance;
  countFailures(op.name, result);
  return { p50: median(times), p95: percentile(times, 95), p99: percentile(times, 99) };
}

interface Target {
  name: string;
  url: string;
  token: string;
  op: Operation;
}

/**
 * Latency of several targets measured in turns, ROUNDS times each, and per percentile the median over
 * the rounds: a burst of noise on this shared machine then falls on one round of one target rather
 * than on a whole measurement, and targets compared as a ratio are measured under the same conditions.
 */
async function latencyInTurns(targets: Target[]): Promise<Map<string, Figures>> {
  const rounds = new Map<string, Figures[]>(targets.map((target) => [target.name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const target of targets) rounds.get(target.name)!.push(await latency(target.url, target.token, target.op));
  }
  return new Map(
    [...rounds].map(([name, runs]) => [name, Object.fromEntries(["p50", "p95", "p99"].map((p) => [p, median(runs.map((run) => run[p]!))]))]),
  );
}

/** One request, checked for GraphQL errors; returns the SQL statements it took. */
async function statements(url: string, token: string, op: Operation): Promise<number> {
  const body = typeof op.body === "string" ? op.body : op.body();
  const response = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body });
  const json = (await response.json()) as { errors?: unknown[] };
  if (json.errors) throw new Error(`${op.name} failed: ${JSON.stringify(json.errors).slice(0, 500)}`);
  return Number(response.headers.get("x-sql-statements") ?? NaN);
}

async function signIn(url: string, username: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: `mutation { login(username: "${username}", password: "${BENCH_PASSWORD}") { ... on LoginSuccess { token } } }` }),
  });
  const token = ((await response.json()) as { data?: { login?: { token?: string } } }).data?.login?.token;
  if (!token) throw new Error(`cannot sign in as ${username}`);
  return token;
}

// ---------- The floor: the board read by hand-written SQL ----------

const FLOOR_SQL = `
SELECT s.stage, agg.count, agg.investment, card.*
  FROM unnest(enum_range(NULL::"Stage")) AS s(stage)
 CROSS JOIN LATERAL (
   SELECT count(*)::int AS count, coalesce(sum(total_investment), 0)::text AS investment
     FROM project WHERE action_id = $1 AND stage = s.stage AND archived_at IS NULL) agg
  LEFT JOIN LATERAL (
   SELECT p.id, p.code, p.name, p.version, p.illustrative, p.stage_entered_at, p.total_investment::text,
          p.target_quantity::text, p.target_unit, ru.id AS unit_id, ru.name AS unit_name, ru.short_name AS unit_short,
          t.id AS township_id, t.short_name AS township_short,
          (SELECT count(*)::int FROM milestone m WHERE m.project_id = p.id AND m.actual_date IS NULL AND m.planned_date < current_date) AS overdue,
          (SELECT count(*)::int FROM blocker b WHERE b.project_id = p.id AND b.resolved_at IS NULL) AS blockers,
          (SELECT array_agg(DISTINCT f.kind::text) FROM project_funding f WHERE f.project_id = p.id AND f.removed_at IS NULL) AS funding,
          -- The traffic light's facts, as the server reads them (bottleneck/lights.ts).
          (SELECT ap.planned_investment::text FROM project_annual_plan ap WHERE ap.project_id = p.id AND ap.year = extract(year FROM current_date)::int) AS planned,
          (SELECT coalesce(sum(r.investment_this_month), 0)::text FROM progress_report r
            WHERE r.project_id = p.id AND r.month >= to_char(current_date, 'YYYY-01') AND r.month <= to_char(current_date, 'YYYY-MM')) AS completed,
          (SELECT coalesce(max(current_date - m.planned_date), 0)::int FROM milestone m
            WHERE m.project_id = p.id AND m.planned_date < current_date AND (m.actual_date IS NULL OR m.actual_date > current_date)) AS overdue_days,
          (SELECT t.to_stage::text FROM stage_transition t WHERE t.project_id = p.id AND t.at <= now() ORDER BY t.at DESC, t.id DESC LIMIT 1) AS light_stage,
          ls.yellow_points, ls.red_points, ls.unstarted_months, ls.yellow_slip_days, ls.red_slip_days
     FROM project p
     LEFT JOIN light_setting ls ON ls.id = 1
     JOIN unit ru ON ru.id = p.responsible_unit_id
     LEFT JOIN unit t ON t.id = p.township_id
    WHERE p.action_id = $1 AND p.stage = s.stage AND p.archived_at IS NULL
    ORDER BY p.code LIMIT 21) card ON true
 ORDER BY s.stage, card.code`;

/** A bare HTTP server answering the board from FLOOR_SQL as JSON: what no framework can beat. */
async function startFloor(databaseUrl: string, actionId: number): Promise<{ url: string; close: () => Promise<void> }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      // Prepared once per connection, as the server's own statements are (db/client.ts).
      pool.query({ name: "board_floor", text: FLOOR_SQL, values: [actionId] }).then(
        ({ rows }) => {
          const columns = new Map<string, { stage: string; totalCount: number; totalInvestment: string; cards: object[] }>();
          for (const row of rows) {
            const cards: object[] = [];
            const column = columns.get(row.stage) ?? { stage: row.stage, totalCount: row.count, totalInvestment: row.investment, cards };
            if (row.id !== null) column.cards.push(row);
            columns.set(row.stage, column);
          }
          res.writeHead(200, { "content-type": "application/json" });
          res.end(JSON.stringify({ data: { board: { columns: [...columns.values()] } } }));
        },
        (error: unknown) => {
          res.writeHead(500);
          res.end(String(error));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await pool.end();
    },
  };
}

// ---------- moveProject under contention ----------

type Post = (query: string, variables: object) => Promise<{ data?: any; errors?: unknown[] }>;

/** GraphQL requests as the user of `token`. */
function poster(url: string, token: string): Post {
  const headers = { "content-type": "application/json", authorization: `Bearer ${token}` };
  return async (query, variables) => {
    const response = await fetch(`${url}/graphql`, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
    return (await response.json()) as { data?: any; errors?: unknown[] };
  };
}

/** What the movers' boards show of each project: its version and stage (kept current by live updates). */
type Seen = Map<number, { version: number; stage: string }>;

/**
 * Moves a project of the playground between 准备 and 开工 as the board does: the web client's own
 * MoveProject document with the version its card shows (read once, as the board loads it), then the
 * version of the answer (the moved card's, or the current one that 版本冲突 names). With `readFirst`,
 * the version is read before every move instead. Returns the outcome's type.
 */
async function moveBackAndForth(post: Post, seen: Seen, projectId: number, readFirst = false): Promise<string | undefined> {
  const id = globalId("Project", projectId);
  let card = readFirst ? undefined : seen.get(projectId);
  if (!card) {
    const read = await post(`query($id: ID!) { node(id: $id) { ... on Project { version stage } } }`, { id });
    card = read.data.node as { version: number; stage: string };
  }
  const forward = card.stage === "PREPARATION";
  const answer = await post(clientDocument("MoveProject"), {
    input: { projectId: id, to: forward ? "STARTED" : "PREPARATION", expectedVersion: card.version, ...(forward ? {} : { note: "压力测试：退回" }) },
  });
  const outcome = answer.data?.moveProject;
  const now =
    outcome?.__typename === "MoveProjectSuccess"
      ? { version: outcome.project.version, stage: outcome.project.stage }
      : outcome?.__typename === "StaleVersionError"
        ? { version: outcome.currentVersion, stage: outcome.currentStage }
        : undefined;
  // Answers may arrive out of order: a board keeps the newest version it has seen.
  if (now && now.version > (seen.get(projectId)?.version ?? 0)) seen.set(projectId, now);
  return outcome?.__typename;
}

/**
 * 50 clients move 100 projects back and forth between 准备 and 开工 for the run's seconds; concurrent
 * moves of one project get 版本冲突, as in real use. Each attempt is one moveProject as the board sends
 * it, or with `readFirst` a read of the version and then the move.
 */
async function moveUnderContention(url: string, token: string, auditorToken: string, projectIds: number[], readFirst: boolean): Promise<Figures> {
  const post = poster(url, token);
  const seen: Seen = new Map();
  const counts = { moved: 0, stale: 0, failed: 0 };
  const times: number[] = [];
  const end = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (Date.now() < end) {
        const started = performance.now();
        const outcome = await moveBackAndForth(post, seen, projectIds[Math.floor(Math.random() * projectIds.length)]!, readFirst);
        times.push(performance.now() - started);
        if (outcome === "MoveProjectSuccess") counts.moved += 1;
        else if (outcome === "StaleVersionError") counts.stale += 1;
        else counts.failed += 1;
      }
    }),
  );
  const chain = await poster(url, auditorToken)(`{ auditChain { valid length } }`, {});
  return {
    attempts: counts.moved + counts.stale + counts.failed,
    "moves/s": counts.moved / SECONDS,
    "stale (版本冲突)": counts.stale,
    failed: counts.failed,
    "p50 ms": median(times),
    "p95 ms": percentile(times, 95),
    "p99 ms": percentile(times, 99),
    "audit chain valid": chain.data.auditChain.valid ? 1 : 0,
  };
}

/**
 * Reads of the cached board (50 clients) while one client moves projects, one after another, about
 * `perSecond` a second: the rest of the province at work while the board is read. Returns the
 * board's throughput and the moves made a second.
 */
async function readsWhileMoving(url: string, token: string, board: Operation, projectIds: number[], perSecond: number): Promise<{ rps: number; moves: number }> {
  const post = poster(url, token);
  const seen: Seen = new Map();
  let done = false;
  let moves = 0;
  const writer = (async () => {
    for (let i = 0; !done; i++) {
      const next = performance.now() + 1000 / perSecond;
      if ((await moveBackAndForth(post, seen, projectIds[i % projectIds.length]!)) === "MoveProjectSuccess") moves += 1;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
    }
  })();
  const reads = await throughput(url, token, board).finally(() => (done = true));
  await writer;
  return { rps: reads.rps, moves: moves / SECONDS };
}

export async function load(): Promise<Record<string, number>> {
  process.env.LOG_LEVEL ??= "silent";
  const scratch = await createScratchDatabase("tuijin_bench");
  const figures: Record<string, number> = {};
  const servers: ServerProcess[] = [];
  let floor: Awaited<ReturnType<typeof startFloor>> | undefined;
  try {
    // ---- data ----
    const db = await openDatabase({ url: scratch.url });
    await migrate(db.sql);
    const seeded = performance.now();
    await seed(db, { demo: true, scale: SCALE, demoPassword: BENCH_PASSWORD });
    figures["seed s"] = (performance.now() - seeded) / 1000;
    const [counts] = await db.sql.query<{ projects: number; transitions: number }>(
      `SELECT (SELECT count(*)::int FROM project) AS projects, (SELECT count(*)::int FROM stage_transition) AS transitions`,
    );
    figures.projects = counts!.projects;
    figures.transitions = counts!.transitions;
    const [action] = await db.sql.query<{ id: number }>(`SELECT id FROM action WHERE code = $1`, [ACTION]);
    const sample = await db.sql.query<{ id: number }>(`SELECT id FROM project ORDER BY random() LIMIT 2000`);
    // Projects in 准备 whose gate into 开工 is complete, the moves' playground: 100 of other actions than
    // the board's, and 20 of the board's own, moved while it is read (readsWhileMoving).
    const movers = await db.sql.query<{ id: number }>(`SELECT id FROM project WHERE stage = 'PREPARATION' AND action_id <> $1 ORDER BY id LIMIT 100`, [action!.id]);
    const boardMovers = await db.sql.query<{ id: number }>(`SELECT id FROM project WHERE stage = 'PREPARATION' AND action_id = $1 ORDER BY id LIMIT 20`, [action!.id]);
    const playground = [...movers, ...boardMovers].map((m) => m.id);
    await db.sql.query(
      `INSERT INTO project_gate_item (project_id, requirement_id, done, reference, updated_at)
       SELECT p.id, r.id, true, '压力测试', now() FROM project p CROSS JOIN gate_requirement r
        WHERE p.id = ANY($1) AND r.active AND r."check" = 'MANUAL'
       ON CONFLICT (project_id, requirement_id) DO UPDATE SET done = true, reference = '压力测试'`,
      [playground],
    );
    await db.sql.query(
      `INSERT INTO project_funding (project_id, kind, amount)
       SELECT p.id, 'FISCAL', p.total_investment FROM project p
        WHERE p.id = ANY($1) AND NOT EXISTS (SELECT 1 FROM project_funding f WHERE f.project_id = p.id AND f.removed_at IS NULL)`,
      [playground],
    );
    await db.close();

    const boardBody = JSON.stringify({ query: clientDocument("Board"), variables: { actionCode: ACTION, filter: {} } });
    const ops: Operation[] = [
      { name: "{ __typename }", body: JSON.stringify({ query: "{ __typename }" }) },
      { name: "board", body: boardBody },
      // The same board as a browser asks for it: compressed (Chromium's Accept-Encoding).
      { name: "board, compressed", body: boardBody, headers: { "accept-encoding": "gzip, deflate, br, zstd" } },
      {
        name: "history page",
        body: () => JSON.stringify({ query: HISTORY, variables: { id: globalId("Project", sample[Math.floor(Math.random() * sample.length)]!.id) } }),
      },
      // The bottleneck review of the whole pilot as of now, as the special team opens it.
      { name: "bottleneck view", body: JSON.stringify({ query: clientDocument("Bottlenecks"), variables: { asOf: new Date().toISOString() } }) },
    ];

    // ---- SQL statements per request ----
    // Counted by servers of their own: the counter (SQL_STATEMENT_HEADER) puts a hook on every promise,
    // so the servers that are timed run without it, as users' servers do.
    for (const cache of ["on", "off"] as const) {
      const counting = await startServer({ DATABASE_URL: scratch.url, SQL_STATEMENT_HEADER: "1", WORKERS: "1", BOARD_CACHE: cache });
      servers.push(counting);
      const countingToken = await signIn(counting.url, "team");
      for (const op of cache === "on" ? ops : [ops[1]!]) {
        const name = cache === "on" ? op.name : "board, cache off";
        await statements(counting.url, countingToken, op); // the first read fills the cache
        figures[`${name}: SQL statements`] = await statements(counting.url, countingToken, op);
      }
      await counting.stop();
    }

    // ---- one process ----
    const server = await startServer({ DATABASE_URL: scratch.url, WORKERS: "1" });
    servers.push(server);
    const token = await signIn(server.url, "team");
    // The board against the framework floor in turns; the history page and the bottleneck view once.
    const [typename, board] = [ops[0]!, ops[1]!];
    const measured = await throughputInTurns([typename, board].map((op) => ({ name: op.name, url: server.url, token, op, server })));
    for (const op of ops.slice(2)) {
      await throughput(server.url, token, op, 10); // warm up
      measured.set(op.name, await throughput(server.url, token, op, 50, server));
    }
    for (const op of ops) {
      figures[`${op.name}: req/s (50 clients)`] = measured.get(op.name)!.rps;
      figures[`${op.name}: server CPU ms/request`] = measured.get(op.name)!.cpuMs;
    }
    const steady = await latencyInTurns(ops.map((op) => ({ name: op.name, url: server.url, token, op })));
    for (const [name, percentiles] of steady) {
      for (const [key, value] of Object.entries(percentiles)) figures[`${name}: ${key} ms @100/s`] = value;
    }
    figures["server RSS MB (1 process)"] = server.rssMb();

    // The same board with the cache off (every read goes to the database), and the floor: the same
    // board read by hand-written SQL.
    const uncached = await startServer({ DATABASE_URL: scratch.url, WORKERS: "1", BOARD_CACHE: "off" });
    servers.push(uncached);
    const uncachedToken = await signIn(uncached.url, "team");
    floor = await startFloor(scratch.url, action!.id);
    const floorOp: Operation = { name: "board by hand-written SQL", body: "{}" };
    const againstFloorRps = await throughputInTurns([
      { name: "board, cache off", url: uncached.url, token: uncachedToken, op: board, server: uncached },
      { name: "board floor (pg)", url: floor.url, token: "", op: floorOp },
    ]);
    figures["board, cache off: req/s (50 clients)"] = againstFloorRps.get("board, cache off")!.rps;
    figures["board, cache off: server CPU ms/request"] = againstFloorRps.get("board, cache off")!.cpuMs;
    figures["board, cache off: server page faults/request"] = againstFloorRps.get("board, cache off")!.pageFaults;
    figures["board floor (pg): req/s (50 clients)"] = againstFloorRps.get("board floor (pg)")!.rps;
    const againstFloor = await latencyInTurns([
      { name: "board, cache off", url: uncached.url, token: uncachedToken, op: board },
      { name: "board floor (pg)", url: floor.url, token: "", op: floorOp },
    ]);
    for (const [name, percentiles] of againstFloor) {
      for (const [key, value] of Object.entries(percentiles)) figures[`${name}: ${key} ms @100/s`] = value;
    }
    await uncached.stop();
    await floor.close();
    floor = undefined;
    figures["board (cache off) p50 / floor p50"] = figures["board, cache off: p50 ms @100/s"]! / figures["board floor (pg): p50 ms @100/s"]!;
    figures["board p99 / { __typename } p99"] = figures["board: p99 ms @100/s"]! / figures["{ __typename }: p99 ms @100/s"]!;
    figures["board req/s / { __typename } req/s"] = figures["board: req/s (50 clients)"]! / figures["{ __typename }: req/s (50 clients)"]!;

    const auditorToken = await signIn(server.url, "auditor");
    // As the board moves cards, then with a read of the version before each move.
    for (const readFirst of [false, true]) {
      const label = readFirst ? "moveProject, version read first" : "moveProject";
      const cpuBeforeMoves = server.cpuMs();
      const moves = await moveUnderContention(server.url, token, auditorToken, movers.map((m) => m.id), readFirst);
      for (const [key, value] of Object.entries(moves)) figures[`${label}: ${key}`] = value;
      // Per attempt (landed or 版本冲突).
      figures[`${label}: server CPU ms/attempt`] = (server.cpuMs() - cpuBeforeMoves) / (moves.attempts ?? 1);
    }
    figures["server RSS MB (1 process, after moves)"] = server.rssMb();
    // The cached board read while 20 moves a second are made elsewhere in the province (on other
    // actions' boards: this board's cache is kept), then on this board itself (each move sends it
    // back to the database).
    for (const [label, ids] of [["other actions'", movers], ["its own action's", boardMovers]] as const) {
      const { rps, moves: made } = await readsWhileMoving(server.url, token, board, ids.map((m) => m.id), 20);
      figures[`board: req/s (50 clients) while ${label} projects move`] = rps;
      figures[`board: moves/s meanwhile on ${label} projects`] = made;
    }
    await server.stop();

    // ---- two processes ----
    // Two ways: the cached board (a millisecond of server CPU: the load generator and PostgreSQL take
    // most of the 2 cores) and the board with the cache off (tens of ms: the server's CPU is the limit).
    if (await redisAnswers(REDIS_URL)) {
      for (const cache of ["on", "off"] as const) {
        const label = cache === "on" ? "board" : "board, cache off";
        const two = await startServer({ DATABASE_URL: scratch.url, REDIS_URL, WORKERS: "2", BOARD_CACHE: cache });
        servers.push(two);
        const token2 = await signIn(two.url, "team");
        await throughput(two.url, token2, board, 10);
        figures[`${label}: req/s (50 clients, 2 processes)`] = (await throughput(two.url, token2, board)).rps;
        figures[`2 processes / 1 process (${label} req/s)`] = figures[`${label}: req/s (50 clients, 2 processes)`]! / figures[`${label}: req/s (50 clients)`]!;
        figures[`server RSS MB (2 processes, ${label})`] = two.rssMb();
        await two.stop();
      }
    } else {
      console.log(`[bench] no Redis at ${REDIS_URL}: the two-process run is skipped`);
    }
  } finally {
    await floor?.close();
    await Promise.all(servers.map((s) => s.stop()));
    await scratch.drop();
  }
  for (const [name, count] of Object.entries(failures)) figures[`${name}: failed or timed-out requests`] = count;
  mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
  const file = new URL(`./results/load-${new Date().toISOString().replace(/[:.]/g, "-")}.json`, import.meta.url);
  writeFileSync(file, JSON.stringify(figures, null, 2));
  console.log(`[bench] figures written to ${file.pathname}`);
  return figures;
}
