// The embedded database (PGlite) belongs to one process at a time: two processes writing its files
// would corrupt it, and a copy taken while the server writes could be torn. The server, backup and
// restore each hold DATA_DIR/tuijin.lock (their pid) while they use it; a lock whose process is gone
// (the server was killed) is taken over.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface DataDirHolder {
  pid: number;
  /** When the process started (Linux clock ticks since boot), so that a reused pid is told apart. */
  started?: string | null;
  /** What holds it: the server, a backup, a restore. */
  holder: string;
  since: string;
}

export class DataDirInUseError extends Error {
  override name = "DataDirInUseError";
  constructor(
    readonly dataDir: string,
    readonly current: DataDirHolder,
  ) {
    super(
      `the embedded database in ${dataDir} is in use by the ${current.holder} (pid ${current.pid}, since ${current.since}): ` +
        `stop it first (if no such process runs, delete ${lockFile(dataDir)})`,
    );
  }
}

function lockFile(dataDir: string): string {
  return path.join(dataDir, "tuijin.lock");
}

/** A process's state and start time on Linux (fields 3 and 22 of /proc/<pid>/stat); null elsewhere. */
function processStat(pid: number): { state: string; started: string | null } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { state: fields[0] ?? "", started: fields[19] ?? null };
  } catch {
    return null;
  }
}

function processStarted(pid: number): string | null {
  return processStat(pid)?.started ?? null;
}

function isRunning(holder: DataDirHolder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: the process exists, under another user.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const stat = processStat(holder.pid);
  // Killed and not yet reaped (a zombie, or dead): it holds nothing any more.
  if (stat && (stat.state === "Z" || stat.state === "X")) return false;
  // After a restart (a container's, say) another process may have the pid now.
  return !holder.started || !stat?.started || stat.started === holder.started;
}

/** The live process holding the data folder, if any (a lock left by a killed process counts as none). */
export function dataDirHolder(dataDir: string): DataDirHolder | null {
  let current: DataDirHolder;
  try {
    current = JSON.parse(readFileSync(lockFile(dataDir), "utf8")) as DataDirHolder;
  } catch {
    return null;
  }
  return current.pid !== process.pid && isRunning(current) ? current : null;
}

/** Takes the data folder for this process; throws DataDirInUseError while another holds it. Returns the release. */
export function claimDataDir(dataDir: string, holder: string): () => void {
  let current = dataDirHolder(dataDir);
  // A holder killed a moment ago (kill -9, then a restart at once) may still be on its way out.
  for (let waited = 0; current && waited < 3000; waited += 100) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    current = dataDirHolder(dataDir);
  }
  if (current) throw new DataDirInUseError(dataDir, current);
  mkdirSync(dataDir, { recursive: true });
  const file = lockFile(dataDir);
  const mine: DataDirHolder = { pid: process.pid, started: processStarted(process.pid), holder, since: new Date().toISOString() };
  writeFileSync(file, JSON.stringify(mine) + "\n");
  return () => {
    try {
      if ((JSON.parse(readFileSync(file, "utf8")) as DataDirHolder).pid === process.pid) rmSync(file, { force: true });
    } catch {
      // already gone
    }
  };
}
