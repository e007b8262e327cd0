// moveProject under contention, alone and repeatable: the loop of bench/load.ts moveUnderContention
// (50 clients: read version and stage, then move between 准备 and 开工, over 100 projects whose gate
// is complete) against a copy of an already seeded database, so that runs start from the same data.
// Prints moves/s, conflicts, p50/p95/p99, the audit chain, and the CPU time the server spent per
// move (the steadiest figure on a shared machine).
//
//   npx tsx bench/move-contention.ts
//   env: SOURCE_DB (a database seeded with --demo --scale; default tuijin_perf), DB (the scratch copy;
//   default move_run), BENCH_SECONDS (10), ROOT (the checkout whose server runs, e.g. the main branch's for a
//   baseline), PROF=1 (node --cpu-prof into /tmp/move-prof), DEMO_PASSWORD (tuijin-demo).
import { execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import pg from "pg";
import { median, percentile } from "./stats.js";

const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const SOURCE = process.env.SOURCE_DB || "tuijin_perf";
const DB = process.env.DB || "move_run";
const TEMPLATE = `${DB}_template`;
const server_ = (db: string) => `postgresql://postgres@127.0.0.1:5432/${db}`;
const URL_ = server_(DB);
const PASSWORD = process.env.DEMO_PASSWORD || "tuijin-demo";
const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString("base64");
const pgArgs = ["-h", "127.0.0.1", "-U", "postgres"];

// Once: a template copied from the source, with the movers' gates complete (as load() sets them up).
const admin = new pg.Client({ connectionString: server_("postgres") });
await admin.connect();
const hasTemplate = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [TEMPLATE])).rowCount! > 0;
await admin.end();
if (!hasTemplate) {
  execFileSync("createdb", [...pgArgs, "-T", SOURCE, TEMPLATE]);
  const template = new pg.Client({ connectionString: server_(TEMPLATE) });
  await template.connect();
  const movers = (await template.query(`SELECT id FROM project WHERE stage = 'PREPARATION' ORDER BY id LIMIT 100`)).rows.map((r) => r.id as number);
  await template.query(
    `INSERT INTO project_gate_item (project_id, requirement_id, done, reference, updated_at)
     SELECT p.id, r.id, true, '压力测试', now() FROM project p CROSS JOIN gate_requirement r
      WHERE p.id = ANY($1) AND r.active AND r."check" = 'MANUAL'
     ON CONFLICT (project_id, requirement_id) DO UPDATE SET done = true, reference = '压力测试'`,
    [movers],
  );
  await template.query(
    `INSERT INTO project_funding (project_id, kind, amount)
     SELECT p.id, 'FISCAL', p.total_investment FROM project p
      WHERE p.id = ANY($1) AND NOT EXISTS (SELECT 1 FROM project_funding f WHERE f.project_id = p.id AND f.removed_at IS NULL)`,
    [movers],
  );
  await template.end();
}
execFileSync("dropdb", [...pgArgs, "--if-exists", "--force", DB]);
execFileSync("createdb", [...pgArgs, "-T", TEMPLATE, DB]);
const pool = new pg.Pool({ connectionString: URL_ });
const movers = (await pool.query(`SELECT id FROM project WHERE stage = 'PREPARATION' ORDER BY id LIMIT 100`)).rows.map((r) => r.id as number);
await pool.end();

const env: Record<string, string> = { DATABASE_URL: URL_, WORKERS: "1" };
const server = await spawnServer(env);
const url = server.url;

/**
 * As bench/server-process.ts startServer (node --import tsx scripts/start.ts, production mode), from
 * ROOT (default: this checkout; e.g. ROOT=/work/main for the baseline), optionally with --cpu-prof.
 */
async function spawnServer(env: Record<string, string>) {
  const root = process.env.ROOT || new URL("..", import.meta.url).pathname;
  const port = String(41000 + Math.floor(Math.random() * 900));
  const args = [...(process.env.PROF ? ["--cpu-prof", "--cpu-prof-dir=/tmp/move-prof"] : []), "--import", "tsx", "scripts/start.ts"];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "warn", HOST: "127.0.0.1", PORT: port, ...env },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  while (!(await fetch(`${url}/healthz`).then((r) => r.ok, () => false))) {
    if (child.exitCode !== null) throw new Error(`server ended with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, stop: () => new Promise<void>((resolve) => { child.once("exit", () => resolve()); child.kill("SIGTERM"); }) };
}

async function signIn(username: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: `mutation { login(username: "${username}", password: "${PASSWORD}") { ... on LoginSuccess { token } } }` }),
  });
  const token = ((await response.json()) as any).data?.login?.token;
  if (!token) throw new Error(`cannot sign in as ${username}`);
  return token;
}
const token = await signIn("team");
const auditorToken = await signIn("auditor");
const headers = { "content-type": "application/json", authorization: `Bearer ${token}` };
const post = async (query: string, variables: object, as = headers) => {
  const response = await fetch(`${url}/graphql`, { method: "POST", headers: as, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as { data?: any; errors?: unknown[] };
};

async function run(seconds: number) {
  const counts = { moved: 0, stale: 0, failed: 0 };
  const times: number[] = [];
  const failures: string[] = [];
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (Date.now() < end) {
        const id = globalId("Project", movers[Math.floor(Math.random() * movers.length)]!);
        const read = await post(`query($id: ID!) { node(id: $id) { ... on Project { version stage } } }`, { id });
        if (!read.data?.node) {
          // e.g. 503 when the pool is exhausted: reported, not hidden.
          counts.failed += 1;
          if (failures.length < 3) failures.push(JSON.stringify(read).slice(0, 300));
          continue;
        }
        const { version, stage } = read.data.node as { version: number; stage: string };
        const forward = stage === "PREPARATION";
        const started = performance.now();
        const moved = await post(
          `mutation($input: MoveProjectInput!) { moveProject(input: $input) { __typename } }`,
          { input: { projectId: id, to: forward ? "STARTED" : "PREPARATION", expectedVersion: version, ...(forward ? {} : { note: "压力测试：退回" }) } },
        );
        times.push(performance.now() - started);
        const outcome = moved.data?.moveProject?.__typename;
        if (outcome === "MoveProjectSuccess") counts.moved += 1;
        else if (outcome === "StaleVersionError") counts.stale += 1;
        else {
          counts.failed += 1;
          if (failures.length < 3) failures.push(JSON.stringify(moved).slice(0, 300));
        }
      }
    }),
  );
  return { counts, times, failures };
}

/** CPU time (ms) of the process listening on the server's port, from /proc. */
const port = new URL(url).port;
const serverPid = Number(/pid=(\d+)/.exec(execFileSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" }))?.[1]);
function cpuMs(): number {
  const stat = readFileSync(`/proc/${serverPid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** [busy, idle] jiffies of the whole machine. */
function machineCpu(): number[] {
  const [, ...v] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).map(Number);
  const idle = v[3]! + v[4]!;
  return [v.slice(0, 8).reduce((a, b) => a + b, 0) - idle, idle];
}

try {
  await run(2); // warm up (JIT, query plans, pool)
  const cpuBefore = cpuMs();
  const selfBefore = process.cpuUsage();
  const machineBefore = machineCpu();
  const { counts, times, failures } = await run(SECONDS);
  const cpu = cpuMs() - cpuBefore;
  const self = process.cpuUsage(selfBefore);
  const machine = machineCpu().map((v, i) => v - machineBefore[i]!);
  const chain = await post(`{ auditChain { valid length } }`, {}, { ...headers, authorization: `Bearer ${auditorToken}` });
  console.log(
    JSON.stringify({
      "moves/s": +(counts.moved / SECONDS).toFixed(1),
      stale: counts.stale,
      failed: counts.failed,
      p50: +median(times).toFixed(1),
      p95: +percentile(times, 95).toFixed(1),
      p99: +percentile(times, 99).toFixed(1),
      "server CPU %": +((100 * cpu) / (SECONDS * 1000)).toFixed(0),
      "load generator CPU %": +((100 * (self.user + self.system)) / 1000 / (SECONDS * 1000)).toFixed(0),
      "machine busy %": +((100 * machine[0]!) / (machine[0]! + machine[1]!)).toFixed(0),
      "server CPU ms/move": +(cpu / counts.moved).toFixed(2),
      "server CPU ms/attempt": +(cpu / (counts.moved + counts.stale)).toFixed(2),
      chain: chain.data?.auditChain ?? chain,
    }),
  );
  for (const f of failures) console.log("failure:", f);
} finally {
  await server.stop();
}
