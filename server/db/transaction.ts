// One way to run a unit of work: an interactive Prisma transaction, retried when PostgreSQL reports
// a serialization failure or a deadlock, so that such conflicts never reach clients.
import { Prisma, type PrismaClient } from "@prisma/client";

export type Tx = Prisma.TransactionClient;

const RETRYABLE_SQLSTATE = new Set(["40001", "40P01"]);
const MAX_ATTEMPTS = 5;

function isRetryable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2034") return true;
    const meta = error.meta as { code?: string; driverAdapterError?: { cause?: { originalCode?: string } } } | undefined;
    const code = meta?.driverAdapterError?.cause?.originalCode ?? meta?.code;
    return code !== undefined && RETRYABLE_SQLSTATE.has(code);
  }
  return false;
}

export async function inTransaction<T>(prisma: PrismaClient, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await prisma.$transaction(work, { maxWait: 10_000, timeout: 20_000 });
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt * Math.random()));
    }
  }
}
