// Whether an error means the database cannot be reached (stopped, restarting, unreachable, out of
// connections) rather than a fault of the request. Such errors are answered DATABASE_UNAVAILABLE
// (503) at once, and /healthz says 503; the pool connects again by itself once the database is back.

// Prisma: P1001 cannot reach, P1002 timed out, P1008 operation timed out, P1017 connection closed,
// P2024 no connection from the pool in time.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// @prisma/adapter-pg's classification of driver errors.
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// PostgreSQL: class 08 connection exceptions, shutting down (57P01-03), too many connections (53300).
const SQLSTATE = /^(08...|57P0[123]|53300)$/;
// Node's sockets.
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE", "EHOSTUNREACH"]);
// node-postgres says these in plain messages, without a code.
const PG_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|connection error and is not queryable|Can't reach database server/;

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  originalError?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown; originalCode?: unknown } } };
}

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let current = error as ErrorLike | undefined; current && typeof current === "object" && !seen.has(current); ) {
    seen.add(current);
    const code = typeof current.code === "string" ? current.code : "";
    if (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || SQLSTATE.test(code)) return true;
    const adapter = current.meta?.driverAdapterError?.cause;
    if (adapter) {
      if (ADAPTER_KINDS.has(String(adapter.kind))) return true;
      if (SQLSTATE.test(String(adapter.originalCode ?? adapter.code ?? ""))) return true;
    }
    if (typeof current.message === "string" && PG_MESSAGES.test(current.message)) return true;
    current = (current.originalError ?? current.cause) as ErrorLike | undefined;
  }
  return false;
}

export const DATABASE_UNAVAILABLE_MESSAGE = "数据库暂时不可用，请稍后重试（database unavailable, please retry shortly）";
