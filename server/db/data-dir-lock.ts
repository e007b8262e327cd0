// The embedded database (PGlite) belongs to one process at a time: two processes writing its files
// would corrupt it, and a copy taken while the server writes could be torn. The server, backup and
// restore each hold DATA_DIR/tuijin.lock (their pid) while they use it; a lock whose process is gone
// (the server was killed) is taken over.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface DataDirHolder {
  pid: number;
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

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists, under another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The live process holding the data folder, if any (a lock left by a killed process counts as none). */
export function dataDirHolder(dataDir: string): DataDirHolder | null {
  let current: DataDirHolder;
  try {
    current = JSON.parse(readFileSync(lockFile(dataDir), "utf8")) as DataDirHolder;
  } catch {
    return null;
  }
  return current.pid !== process.pid && isRunning(current.pid) ? current : null;
}

/** Takes the data folder for this process; throws DataDirInUseError while another holds it. Returns the release. */
export function claimDataDir(dataDir: string, holder: string): () => void {
  const current = dataDirHolder(dataDir);
  if (current) throw new DataDirInUseError(dataDir, current);
  mkdirSync(dataDir, { recursive: true });
  const file = lockFile(dataDir);
  const mine: DataDirHolder = { pid: process.pid, holder, since: new Date().toISOString() };
  writeFileSync(file, JSON.stringify(mine) + "\n");
  return () => {
    try {
      if ((JSON.parse(readFileSync(file, "utf8")) as DataDirHolder).pid === process.pid) rmSync(file, { force: true });
    } catch {
      // already gone
    }
  };
}
