// Runs the product's own commands (npm start, npm run db:*) as a user would, in child processes.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

function childEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "info" };
  delete merged.DATABASE_URL;
  delete merged.NODE_ENV;
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

/** Runs `npm run <script> -- args` to completion; rejects with its output when it fails. */
export function npmRun(script: string, args: string[], env: Record<string, string | undefined>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", script, ...(args.length ? ["--", ...args] : [])], {
      cwd: repoRoot,
      env: childEnv(env),
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("close", (code) => (code === 0 ? resolve(output) : reject(new Error(`npm run ${script} exited ${code}:\n${output}`))));
  });
}

export interface RunningServer {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
  /** kill -9 of the whole process group: no shutdown of any kind. */
  kill: () => Promise<void>;
}

/** `npm start` in its own process group; resolves once /healthz answers 200. */
export async function npmStart(env: Record<string, string | undefined>, timeoutMs = 150_000): Promise<RunningServer> {
  const port = await freePort();
  const child: ChildProcess = spawn("npm", ["start"], {
    cwd: repoRoot,
    env: childEnv({ ...env, PORT: String(port), HOST: "127.0.0.1" }),
    detached: true,
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const signal = (name: NodeJS.Signals) => async () => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, name);
    await exited;
  };
  const stop = signal("SIGTERM");
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited ${child.exitCode}:\n${output}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.status === 200, () => false);
    if (ok) return { url, output: () => output, stop, kill: signal("SIGKILL") };
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`npm start did not answer /healthz within ${timeoutMs} ms:\n${output}`);
}
