// One way to run a unit of work: an interactive Prisma transaction, retried when PostgreSQL reports
// a serialization failure or a deadlock, so that such conflicts never reach clients. The busiest
// change, moveProject, whose statements are all hand-written, runs the same way on the raw runner
// (inRawTransaction): Prisma's interactive transaction cost it about 2 ms of CPU more (four
// statements measured alone: 2.8 against 0.7 ms). The helpers that every change shares (the lock
// and load, the gate, the audit append) take either kind of transaction (AnyTx) and run their SQL
// with rowsIn.
import { Prisma, type PrismaClient } from "@prisma/client";
import type { SqlRunner } from "./client.js";

export type Tx = Prisma.TransactionClient;

/** A transaction of either kind: Prisma's (inTransaction) or the raw runner's (inRawTransaction). */
export type AnyTx = Tx | SqlRunner;

/** A hand-written statement in either kind of transaction, its rows typed as Prisma types them. */
export function rowsIn<T extends object>(tx: AnyTx, statement: Prisma.Sql): Promise<T[]> {
  return "$queryRaw" in tx ? tx.$queryRaw<T[]>(statement) : tx.rows<T>(statement);
}

const RETRYABLE_SQLSTATE = new Set(["40001", "40P01"]);
const MAX_ATTEMPTS = 5;

function isRetryable(error: unknown): boolean {
  // pg's and PGlite's own errors carry the SQLSTATE as `code`.
  const sqlState = (error as { code?: unknown } | null)?.code;
  if (typeof sqlState === "string" && RETRYABLE_SQLSTATE.has(sqlState)) return true;
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2034") return true;
    const meta = error.meta as { code?: string; driverAdapterError?: { cause?: { originalCode?: string } } } | undefined;
    const code = meta?.driverAdapterError?.cause?.originalCode ?? meta?.code;
    return code !== undefined && RETRYABLE_SQLSTATE.has(code);
  }
  return false;
}

/** Runs a transaction, again after a serialization failure or a deadlock (up to MAX_ATTEMPTS). */
async function retried<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt * Math.random()));
    }
  }
}

export function inTransaction<T>(prisma: PrismaClient, work: (tx: Tx) => Promise<T>): Promise<T> {
  return retried(() => prisma.$transaction(work, { maxWait: 10_000, timeout: 20_000 }));
}

/** inTransaction on the raw runner: BEGIN … COMMIT on one connection. */
export function inRawTransaction<T>(sql: SqlRunner, work: (tx: SqlRunner) => Promise<T>): Promise<T> {
  return retried(() => sql.transaction(work));
}
