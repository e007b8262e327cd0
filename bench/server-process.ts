// The server as users run it (`npm start`, production mode) in a child process, for load tests:
// started, measured (resident memory of all its processes) and stopped.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { freePort, repoRoot } from "../tests/support/process.js";

export interface ServerProcess {
  url: string;
  /** Resident memory of the server's processes (the primary and its workers), in MB. */
  rssMb: () => number;
  /** CPU time (user and system) the server's processes have used so far, in ms. */
  cpuMs: () => number;
  /**
   * Page faults the server's processes have taken so far (minor: memory first touched). Worth
   * counting on virtual machines such as these, where one costs some 14 µs (server/json-answer.ts).
   */
  pageFaults: () => number;
  stop: () => Promise<void>;
}

/** The pid and its descendants, from /proc. */
function processTree(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended meanwhile.
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(parents.get(tree[i]!) ?? []));
  return tree;
}

function rssKb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** The fields of /proc/<pid>/stat after the command's name (the state first), or null once it has ended. */
function statOf(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** utime + stime of a process, in ms (Linux counts them in clock ticks of 10 ms). */
function cpuMsOf(pid: number): number {
  const fields = statOf(pid);
  return fields ? (Number(fields[11]) + Number(fields[12])) * 10 : 0;
}

/** minflt of a process. */
function pageFaultsOf(pid: number): number {
  const fields = statOf(pid);
  return fields ? Number(fields[7]) : 0;
}

/** node's flags in package.json's start script (`node --flag … scripts/start.mjs`). */
function startFlags(): string[] {
  const start = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { scripts: { start: string } }).scripts.start;
  const words = start.trim().split(/\s+/);
  if (words[0] !== "node" || words.at(-1) !== "scripts/start.mjs") throw new Error(`package.json's start script is not \`node … scripts/start.mjs\`: ${start}`);
  return words.slice(1, -1);
}

export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  // As `npm start` runs it (scripts/start.mjs, with the start script's node flags: builds what is
  // missing, then the built server on plain node), but node itself rather than npm, so that the
  // process tree is only the server's.
  const child = spawn(process.execPath, [...startFlags(), "scripts/start.mjs"], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "warn", HOST: "127.0.0.1", PORT: String(port), ...env },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server ended with code ${child.exitCode}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error("the server did not answer /healthz within 2 minutes");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    rssMb: () => processTree(child.pid!).reduce((sum, pid) => sum + rssKb(pid), 0) / 1024,
    cpuMs: () => processTree(child.pid!).reduce((sum, pid) => sum + cpuMsOf(pid), 0),
    pageFaults: () => processTree(child.pid!).reduce((sum, pid) => sum + pageFaultsOf(pid), 0),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
