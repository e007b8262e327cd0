// Private PostgreSQL and Redis servers for the fault tests, which stop and kill them for real. The
// shared servers (:5432, :6379) serve every other test file in parallel and are never touched.
import { execFile, execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "./process.js";
import { redisAnswers } from "./redis.js";

const run = promisify(execFile);

/** The newest PostgreSQL server binaries on the machine (Debian's layout), or null. */
function postgresBin(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, "bin", "initdb")) && existsSync(path.join(root, v, "bin", "pg_ctl")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : null;
}

const asRoot = process.getuid?.() === 0;

/** initdb refuses to run as root: then the cluster belongs to the `postgres` system user. */
async function postgresUser(): Promise<{ uid: number; gid: number } | null> {
  if (!asRoot) return null;
  const [uid, gid] = await Promise.all([run("id", ["-u", "postgres"]), run("id", ["-g", "postgres"])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

export const privatePostgresBin = postgresBin();

export interface PrivatePostgres {
  /** postgresql://… of the cluster's `postgres` database. */
  url: string;
  start(): Promise<void>;
  /** A fast shutdown: sessions are ended and the port closes. */
  stop(): Promise<void>;
  destroy(): Promise<void>;
}

/** A fresh cluster in a temporary folder on a free port, started. */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = privatePostgresBin;
  if (!bin) throw new Error("no PostgreSQL server binaries under /usr/lib/postgresql");
  const owner = await postgresUser();
  const dir = mkdtempSync(path.join(tmpdir(), "tuijin-pg-"));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = path.join(dir, "data");
  const port = await freePort();
  const command = (tool: string, args: string[]): [string, string[]] =>
    owner ? ["runuser", ["-u", "postgres", "--", path.join(bin, tool), ...args]] : [path.join(bin, tool), args];
  const pg = (tool: string, args: string[]) => run(...command(tool, args), { cwd: dir });
  // A test file that fails its cleanup (a hook that timed out) must not leave the cluster running.
  const stopAtExit = () => {
    try {
      execFileSync(...command("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]), { cwd: dir, stdio: "ignore" });
    } catch {
      // not running
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", stopAtExit);
  await pg("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
  const cluster: PrivatePostgres = {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    start: async () => {
      await pg("pg_ctl", ["-D", data, "-l", path.join(dir, "log"), "-o", options, "-w", "start"]);
    },
    stop: async () => {
      await pg("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
    },
    destroy: async () => {
      process.removeListener("exit", stopAtExit);
      await pg("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await cluster.start();
  return cluster;
}

export interface PrivateRedis {
  url: string;
  /** Starts redis-server again on the same port. */
  start(): Promise<void>;
  /** kill -9: Redis is gone at once, with whatever it held. */
  kill(): Promise<void>;
  destroy(): Promise<void>;
}

export const hasRedisServer = await run("redis-server", ["--version"]).then(
  () => true,
  () => false,
);

/** redis-server on a free port, without persistence, started. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), "tuijin-redis-"));
  let child: ChildProcess | undefined;
  const url = `redis://127.0.0.1:${port}`;
  const killAtExit = () => {
    child?.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", killAtExit);
  const answers = () => redisAnswers(url, 500);
  const redis: PrivateRedis = {
    url,
    start: async () => {
      child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir], {
        stdio: "ignore",
      });
      for (let i = 0; i < 100 && !(await answers()); i++) await new Promise((r) => setTimeout(r, 100));
      if (!(await answers())) throw new Error(`redis-server did not answer on port ${port}`);
    },
    kill: async () => {
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child!.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
    },
    destroy: async () => {
      process.removeListener("exit", killAtExit);
      await redis.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await redis.start();
  return redis;
}
