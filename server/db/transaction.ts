// One way to run a unit of work: an interactive Prisma transaction, retried when PostgreSQL reports
// a serialization failure or a deadlock, so that such conflicts never reach clients. The busiest
// change, moveProject, is instead one read and one conditional write on the raw runner, with no
// transaction held open across round trips, retried the same way (pipeline/service.ts). The helpers
// that every change shares (the lock and load, the gate, the audit append) take a Prisma transaction
// or the raw runner (AnyTx) and run their SQL with rowsIn.
import { Prisma, type PrismaClient } from "@prisma/client";
import type { SqlRunner } from "./client.js";

export type Tx = Prisma.TransactionClient;

/** Prisma's transaction (inTransaction), or the raw runner: on its own or in its transaction. */
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

/** Runs a unit of work, again after a serialization failure or a deadlock (up to MAX_ATTEMPTS). */
export async function retried<T>(run: () => Promise<T>): Promise<T> {
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
