// Backups of the official record, and restoring one: PostgreSQL with pg_dump (custom format) and
// pg_restore; the embedded database as PGlite's own tarball of its data folder, taken while no
// server runs. A restore never overwrites a database that holds anything, unless forced.
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { claimDataDir } from "./data-dir-lock.js";

const run = promisify(execFile);

export class BackupError extends Error {
  override name = "BackupError";
}

export interface BackupResult {
  file: string;
  bytes: number;
  database: string;
}

/** What a backup file holds, from its first bytes. */
export function backupKind(file: string): "pg_dump" | "embedded" | "unknown" {
  const head = readFileSync(file).subarray(0, 5);
  if (head.toString("latin1") === "PGDMP") return "pg_dump";
  // PGlite's tarball, gzipped.
  if (head[0] === 0x1f && head[1] === 0x8b) return "embedded";
  return "unknown";
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(`cannot connect to ${describeUrl(url)}: ${(error as Error).message}`);
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function describeUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
}

async function serverMajor(url: string): Promise<number> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ server_version_num: string }>("SHOW server_version_num");
    return Math.floor(Number(rows[0]!.server_version_num) / 10_000);
  });
}

/**
 * The client tool for a server of major version `major`: Debian's /usr/lib/postgresql/<major>/bin
 * when installed, else the one on PATH. pg_dump and pg_restore may be newer than the server, never
 * older (an older pg_dump refuses a newer server, and an older pg_restore may not read the archive).
 */
async function postgresTool(tool: "pg_dump" | "pg_restore", major: number): Promise<string> {
  const versioned = `/usr/lib/postgresql/${major}/bin/${tool}`;
  const binary = existsSync(versioned) ? versioned : tool;
  let version: string;
  try {
    version = (await run(binary, ["--version"])).stdout;
  } catch {
    throw new BackupError(`${tool} is not installed: install the PostgreSQL ${major} client (Debian: postgresql-client-${major})`);
  }
  const clientMajor = Number(/\d+/.exec(version.replace(/^[^)]*\)/, ""))?.[0]);
  if (!(clientMajor >= major)) {
    throw new BackupError(
      `${binary} is PostgreSQL ${clientMajor} but the server is PostgreSQL ${major}: install the PostgreSQL ${major} client (Debian: postgresql-client-${major})`,
    );
  }
  return binary;
}

/** The URL for a tool's command line, its password moved to the environment (out of `ps`). */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  return { dbname: parsed.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

async function runTool(binary: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  try {
    await run(binary, args, { maxBuffer: 64 * 1024 * 1024, env });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new BackupError(`${path.basename(binary)} failed: ${stderr || (error as Error).message}`);
  }
}

/** pg_dump in its custom format, written to a temporary file and renamed when complete. */
export async function backupPostgres(url: string, file: string): Promise<BackupResult> {
  const pgDump = await postgresTool("pg_dump", await serverMajor(url));
  const partial = `${file}.partial`;
  try {
    const { dbname, env } = connection(url);
    await runTool(pgDump, ["--format=custom", "--no-owner", "--no-privileges", `--file=${partial}`, `--dbname=${dbname}`], env);
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
  return { file, bytes: statSync(file).size, database: describeUrl(url) };
}

/** The tables (and other relations) in the database's public schema: none in an empty database. */
async function relationsIn(url: string): Promise<number> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
       WHERE s.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')`,
    );
    return rows[0]!.n;
  });
}

/**
 * pg_restore into `url`, in one transaction (all or nothing). A database that holds anything is
 * refused unless `force`, which replaces what the dump holds (pg_restore --clean) in that transaction.
 */
export async function restorePostgres(url: string, file: string, force: boolean): Promise<BackupResult> {
  if (backupKind(file) !== "pg_dump") throw new BackupError(`${file} is not a PostgreSQL backup (npm run db:backup with DATABASE_URL set)`);
  const relations = await relationsIn(url);
  if (relations > 0 && !force) {
    throw new BackupError(`${describeUrl(url)} is not empty (${relations} tables and sequences): restore into an empty database, or add --force to replace its contents`);
  }
  const pgRestore = await postgresTool("pg_restore", await serverMajor(url));
  const { dbname, env } = connection(url);
  const args = ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", `--dbname=${dbname}`];
  await runTool(pgRestore, [...args, ...(relations > 0 ? ["--clean", "--if-exists"] : []), file], env);
  return { file, bytes: statSync(file).size, database: describeUrl(url) };
}

// ---------------------------------------------------------------------------------------------
// The embedded database

function pgliteDir(dataDir: string): string {
  return path.join(dataDir, "pglite");
}

/** PGlite's tarball of its data folder (gzipped), taken while no server uses it. */
export async function backupEmbedded(dataDir: string, file: string): Promise<BackupResult> {
  const dir = pgliteDir(dataDir);
  if (!existsSync(path.join(dir, "PG_VERSION"))) throw new BackupError(`there is no embedded database in ${dataDir}`);
  const release = claimDataDir(dataDir, "backup");
  try {
    const db = new PGlite(dir);
    try {
      const tarball = await db.dumpDataDir("gzip");
      writeFileSync(`${file}.partial`, Buffer.from(await tarball.arrayBuffer()));
      renameSync(`${file}.partial`, file);
    } finally {
      await db.close();
    }
  } finally {
    rmSync(`${file}.partial`, { force: true });
    release();
  }
  return { file, bytes: statSync(file).size, database: dir };
}

/**
 * Unpacks a tarball of the embedded database into DATA_DIR, while no server uses it. A folder that
 * holds a database is refused unless `force`; then it is kept beside the restored one, renamed.
 */
export async function restoreEmbedded(dataDir: string, file: string, force: boolean): Promise<BackupResult & { previous?: string }> {
  if (backupKind(file) !== "embedded") throw new BackupError(`${file} is not a backup of the embedded database (npm run db:backup without DATABASE_URL)`);
  const dir = pgliteDir(dataDir);
  const occupied = existsSync(dir) && readdirSync(dir).length > 0;
  if (occupied && !force) {
    throw new BackupError(`${dir} already holds a database: restore into an empty DATA_DIR, or add --force to replace it (it is kept, renamed)`);
  }
  const release = claimDataDir(dataDir, "restore");
  const restoring = `${dir}.restoring-${process.pid}`;
  try {
    rmSync(restoring, { recursive: true, force: true });
    const db = new PGlite(restoring, { loadDataDir: new File([readFileSync(file)], "backup.tar.gz", { type: "application/x-gzip" }) });
    await db.waitReady;
    await db.close();
    const previous = occupied ? `${dir}.replaced-${new Date().toISOString().replace(/[:.]/g, "-")}` : undefined;
    if (previous) renameSync(dir, previous);
    renameSync(restoring, dir);
    return { file, bytes: statSync(file).size, database: dir, previous };
  } finally {
    rmSync(restoring, { recursive: true, force: true });
    release();
  }
}
