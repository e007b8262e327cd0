// Logs are JSON lines on stdout (CONTRACT.md), one object per event.
type Level = "debug" | "info" | "warn" | "error";

const quiet = process.env.LOG_LEVEL === "silent";
const debug = process.env.LOG_LEVEL === "debug";

function write(level: Level, msg: string, fields?: Record<string, unknown>): void {
  if (quiet || (level === "debug" && !debug)) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }, errorReplacer);
  process.stdout.write(line + "\n");
}

function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  if (typeof value === "bigint") return value.toString();
  return value;
}

export const log = {
  debug: (msg: string, fields?: Record<string, unknown>) => write("debug", msg, fields),
  info: (msg: string, fields?: Record<string, unknown>) => write("info", msg, fields),
  warn: (msg: string, fields?: Record<string, unknown>) => write("warn", msg, fields),
  error: (msg: string, fields?: Record<string, unknown>) => write("error", msg, fields),
};
