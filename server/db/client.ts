// Opens the database: PostgreSQL through @prisma/adapter-pg when DATABASE_URL is set, otherwise the
// embedded PGlite in DATA_DIR. Both give the same Prisma client and a small raw-SQL runner (used for
// migrations, health checks, hand-written analytics and the hot reads: sessions, boards, traffic
// lights). Statements through either are counted (db/statement-counter.ts).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { Prisma, PrismaClient } from "@prisma/client";
import { PrismaPg } from "@prisma/adapter-pg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { countStatement } from "./statement-counter.js";

export interface SqlRunner {
  /** Runs a script of one or more statements, without parameters. */
  exec(script: string): Promise<void>;
  query<T extends object>(sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * A Prisma.sql statement, its rows typed as Prisma's $queryRaw types them (numeric as Decimal,
   * timestamp and date as UTC Dates, bigint as bigint): for the hot reads of hand-written SQL (the
   * board's cards, traffic lights), which through Prisma paid about a millisecond a statement.
   * One statement only: on PostgreSQL it is prepared once per connection.
   */
  rows<T extends object>(statement: Prisma.Sql): Promise<T[]>;
  /** Runs fn on one connection inside BEGIN … COMMIT (ROLLBACK when it throws). */
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
}

export interface Database {
  kind: "postgres" | "embedded";
  /** Where the data lives, for logs: the server and database name, or the folder. */
  location: string;
  prisma: PrismaClient;
  sql: SqlRunner;
  close(): Promise<void>;
}

export type DatabaseTarget = { url: string; poolSize?: number } | { dataDir: string } | { memory: true };

// pglite-prisma-adapter 0.6.1 declares its types against an older @prisma/driver-adapter-utils;
// at run time it implements the same interface.
type AdapterFactory = NonNullable<Prisma.PrismaClientOptions["adapter"]>;

function newPrisma(adapter: PgAdapterFactory | PrismaPGlite): PrismaClient {
  const prisma = new PrismaClient({
    adapter: adapter as unknown as AdapterFactory,
    log: [{ emit: "event", level: "query" }],
    transactionOptions: { maxWait: 10_000, timeout: 20_000 },
  });
  prisma.$on("query", countStatement);
  return prisma;
}

/** The decimal number written with `count` digits from `start` (the caller knows they are digits). */
function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
}

/**
 * A `timestamp` as PostgreSQL writes it (`2026-11-30 19:14:58.861`, up to six digits of fraction),
 * as a UTC instant to the millisecond (the fraction truncated, as Prisma reads it). Read digit by
 * digit: a board reads some three hundred, and Date's parser was a few percent of its CPU. Other
 * forms (years before 1000, BC, infinity) go to Date's parser.
 */
function parseTimestamp(text: string): Date {
  const y = text.indexOf("-"); // the year's length: 4, or more after 9999
  const length = text.length;
  if (y >= 4 && text.charCodeAt(0) !== 48 && text.charCodeAt(y + 6) === 32 && (length === y + 15 || (length >= y + 17 && length <= y + 22 && text.charCodeAt(y + 15) === 46))) {
    let ms = 0;
    for (let i = y + 16; i < y + 19; i++) ms = ms * 10 + (i < length ? text.charCodeAt(i) - 48 : 0);
    return new Date(Date.UTC(digitsAt(text, 0, y), digitsAt(text, y + 1, 2) - 1, digitsAt(text, y + 4, 2), digitsAt(text, y + 7, 2), digitsAt(text, y + 10, 2), digitsAt(text, y + 13, 2), ms));
  }
  return new Date(`${text.replace(" ", "T")}Z`);
}

/** A `date` (`2026-11-30`) as UTC midnight; other forms as parseTimestamp leaves them. */
function parseDate(text: string): Date {
  const y = text.length - 6; // the year's length, before -MM-DD
  if (y >= 4 && text.charCodeAt(0) !== 48 && text.charCodeAt(y) === 45) {
    return new Date(Date.UTC(digitsAt(text, 0, y), digitsAt(text, y + 1, 2) - 1, digitsAt(text, y + 4, 2)));
  }
  return new Date(`${text}T00:00:00Z`);
}

// How Prisma reads the types whose JavaScript form pg and PGlite choose differently (text format):
// Prisma stores DateTime in `timestamp(3)` as UTC, and a date as UTC midnight.
const PRISMA_PARSERS: Record<number, (text: string) => unknown> = {
  20: (text) => BigInt(text), // int8
  1700: (text) => new Prisma.Decimal(text), // numeric
  1114: parseTimestamp, // timestamp
  1082: parseDate, // date
};

/** A parameter as Prisma sends it: instants in UTC, decimals and big integers as text. */
function prismaParam(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Prisma.Decimal.isDecimal(value) || typeof value === "bigint") return String(value);
  return value;
}

const pgPrismaTypes = {
  getTypeParser: (oid: number, format?: string) => PRISMA_PARSERS[oid] ?? pg.types.getTypeParser(oid, format as "text"),
} as pg.CustomTypesConfig;

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if ("url" in target) return openPostgres(target.url, target.poolSize ?? 10);
  if ("dataDir" in target) {
    const dir = path.join(target.dataDir, "pglite");
    mkdirSync(dir, { recursive: true });
    return openEmbedded(new PGlite(dir), dir);
  }
  return openEmbedded(new PGlite(), "memory");
}

/**
 * @prisma/adapter-pg, except that a transaction whose COMMIT or ROLLBACK fails gives its connection
 * back. Prisma 6.19 sends COMMIT or ROLLBACK and only then releases the pool's client; when that
 * statement fails (the database went down in the middle of the transaction) the client was never
 * released, and every outage took connections from the pool for good until the server hung. The
 * client is now released with the error, so that the pool discards it and opens a fresh one.
 */
/** Three times Prisma's transaction timeout (transactionOptions below): no live transaction lasts this long. */
const ABANDONED_TRANSACTION_MS = 60_000;

class PgAdapterFactory extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const transaction = await startTransaction(isolationLevel);
      const client = (transaction as unknown as { client?: pg.PoolClient }).client;
      // A transaction that Prisma neither commits nor rolls back (seen under heavy load: sessions
      // left "idle in transaction" after BEGIN, holding their locks and pool slots) is ended here
      // well after Prisma's own timeout: its connection is closed, so PostgreSQL rolls it back.
      const abandoned = setTimeout(() => client?.release(new Error("transaction abandoned: neither committed nor rolled back")), ABANDONED_TRANSACTION_MS);
      abandoned.unref();
      for (const end of ["commit", "rollback"] as const) {
        const original = transaction[end].bind(transaction);
        transaction[end] = async () => {
          clearTimeout(abandoned);
          return original();
        };
      }
      const executeRaw = transaction.executeRaw.bind(transaction);
      transaction.executeRaw = async (query) => {
        try {
          return await executeRaw(query);
        } catch (error) {
          if ((query.sql === "COMMIT" || query.sql === "ROLLBACK") && client) {
            clearTimeout(abandoned);
            client.release(error instanceof Error ? error : true);
          }
          throw error;
        }
      };
      return transaction;
    };
    return adapter;
  }
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // Fail fast when the server is down rather than queueing requests forever.
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30000,
    // The database's own backstop against a leaked transaction (see PgAdapterFactory).
    idle_in_transaction_session_timeout: ABANDONED_TRANSACTION_MS,
  });
  // A connection lost while idle (the pool reports it) or while checked out between queries (the
  // client itself reports it, e.g. "terminating connection due to administrator command" when the
  // server stops) must not crash the process: the next query on it fails and the pool replaces it.
  pool.on("error", () => {});
  pool.on("connect", (client) => {
    client.on("error", () => {});
    // Plans made once per prepared statement (below), not again for each execution. PostgreSQL
    // otherwise planned a board's pages and cards anew on every read (2 ms by EXPLAIN: the cards'
    // dozen subqueries): without the values it takes the arrays of a batch to hold a hundred
    // elements, and the plan for five columns to cost more. An uncached board cost PostgreSQL 3.1
    // instead of 3.7 ms of CPU (2026-11-30, alternating runs). Queued before any other query on the
    // connection; a failure leaves PostgreSQL's own choice.
    client.query("SET plan_cache_mode = force_generic_plan").catch(() => {});
  });
  const prisma = newPrisma(new PgAdapterFactory(pool, { disposeExternalPool: false }));
  const parsed = new URL(url);
  return {
    kind: "postgres",
    location: `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`,
    prisma,
    sql: pgRunner(pool),
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

// The raw runner's Prisma.sql statements are prepared once per connection, named by their text, so
// that PostgreSQL parses and plans the statements read on every request (the session, a board's
// five) once rather than each time: an uncached board cost PostgreSQL 8.9 instead of 12.2 ms of CPU,
// a move (with its version read) 2.6 instead of 4.1 (medians of 3 alternating runs, 2026-11-30).
// Their texts vary only with the shape of a filter (the values are parameters); past MAX_PREPARED
// texts, further ones run unnamed, so neither this map nor any connection's statements grow without
// bound. (A pooler between the server and PostgreSQL must keep a connection per client: PgBouncer's
// transaction mode before 1.21 loses named statements.)
const MAX_PREPARED = 200;
const preparedNames = new Map<string, string>();
function statementName(text: string): string | undefined {
  let name = preparedNames.get(text);
  if (!name && preparedNames.size < MAX_PREPARED) {
    name = `tuijin_${preparedNames.size}`;
    preparedNames.set(text, name);
  }
  return name;
}

function pgRunner(queryable: pg.Pool | pg.PoolClient): SqlRunner {
  return {
    async exec(script) {
      await queryable.query(script);
    },
    async query<T extends object>(sql: string, params: unknown[] = []) {
      countStatement();
      return (await queryable.query(sql, params)).rows as T[];
    },
    async rows<T extends object>(statement: Prisma.Sql) {
      countStatement();
      return (await queryable.query({ name: statementName(statement.text), text: statement.text, values: statement.values.map(prismaParam), types: pgPrismaTypes })).rows as T[];
    },
    async transaction(fn) {
      const client = queryable instanceof pg.Pool ? await queryable.connect() : queryable;
      // A connection that cannot even roll back (the server went away) is discarded, not pooled.
      let broken: Error | undefined;
      try {
        await client.query("BEGIN");
        const result = await fn(pgRunner(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch((rollback: unknown) => {
          broken = rollback instanceof Error ? rollback : new Error(String(rollback));
        });
        throw error;
      } finally {
        if (client !== queryable) (client as pg.PoolClient).release(broken);
      }
    },
  };
}

async function openEmbedded(db: PGlite, location: string): Promise<Database> {
  await db.waitReady;
  const prisma = newPrisma(new PrismaPGlite(db));
  return {
    kind: "embedded",
    location,
    prisma,
    sql: pgliteRunner(db),
    async close() {
      await prisma.$disconnect();
      await db.close();
    },
  };
}

type PGliteQueryable = Pick<PGlite, "exec" | "query">;

function pgliteRunner(db: PGliteQueryable, inTransaction = false): SqlRunner {
  return {
    async exec(script) {
      await db.exec(script);
    },
    async query<T extends object>(sql: string, params: unknown[] = []) {
      countStatement();
      return (await db.query<T>(sql, params)).rows;
    },
    async rows<T extends object>(statement: Prisma.Sql) {
      countStatement();
      return (await db.query<T>(statement.text, statement.values.map(prismaParam), { parsers: PRISMA_PARSERS })).rows;
    },
    async transaction(fn) {
      if (inTransaction) return fn(this);
      return (db as PGlite).transaction((tx) => fn(pgliteRunner(tx, true)));
    },
  };
}
