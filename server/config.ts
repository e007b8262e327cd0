// Configuration from the environment, read once. Names and defaults are part of the public contract
// (CONTRACT.md): DATABASE_URL, PORT, HOST, DATA_DIR, REDIS_URL, DEMO_PASSWORD.
import path from "node:path";

export interface Config {
  /** postgresql://… or undefined for the embedded database (PGlite) under dataDir. */
  databaseUrl: string | undefined;
  port: number;
  host: string;
  dataDir: string;
  redisUrl: string | undefined;
  demoPassword: string;
  production: boolean;
  /** PERSISTED_OPERATIONS_ONLY=1: accept only the web client's registered operations. */
  persistedOperationsOnly: boolean;
  /** WORKERS=N: server processes sharing the port (node:cluster); more than 1 needs PostgreSQL and Redis. */
  workers: number;
  /** SQL_STATEMENT_HEADER=1: report each GraphQL request's SQL statements in `x-sql-statements` (tests, benchmarks; it slows every request). */
  statementHeader: boolean;
  /** BOARD_CACHE=off: read every board from the database (benchmarks compare). */
  boardCache: boolean;
  /** GRAPHQL_CONCURRENCY=N: GraphQL requests a process executes at once; the others wait (admission.ts). */
  graphqlConcurrency: number;
}

/** The default of GRAPHQL_CONCURRENCY: enough to overlap database round trips (bench/load.ts). */
export const DEFAULT_GRAPHQL_CONCURRENCY = 4;

function port(value: string | undefined): number {
  if (value === undefined || value === "") return 4000;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`PORT must be a port number, not "${value}"`);
  return n;
}

function wholeNumber(name: string, what: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`${name} must be a number of ${what} from 1 to ${max}, not "${value}"`);
  return n;
}

function databaseUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!/^postgres(ql)?:\/\//.test(value)) {
    throw new Error("DATABASE_URL must be a postgresql:// URL; leave it unset for the embedded database");
  }
  return value;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: databaseUrl(env.DATABASE_URL),
    port: port(env.PORT),
    host: env.HOST || "127.0.0.1",
    dataDir: path.resolve(env.DATA_DIR || "data"),
    redisUrl: env.REDIS_URL || undefined,
    demoPassword: env.DEMO_PASSWORD || "tuijin-demo",
    production: env.NODE_ENV === "production",
    persistedOperationsOnly: env.PERSISTED_OPERATIONS_ONLY === "1",
    workers: wholeNumber("WORKERS", "processes", env.WORKERS, 1, 64),
    statementHeader: env.SQL_STATEMENT_HEADER === "1",
    boardCache: env.BOARD_CACHE !== "off",
    graphqlConcurrency: wholeNumber("GRAPHQL_CONCURRENCY", "requests", env.GRAPHQL_CONCURRENCY, DEFAULT_GRAPHQL_CONCURRENCY, 1000),
  };
}
