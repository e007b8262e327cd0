// Counts the SQL statements that Prisma issues within one request (or any async scope), so tests
// and benchmarks can check that a view costs the same number of statements whatever the data. Only
// with SQL_STATEMENT_HEADER=1: its AsyncLocalStorage puts a hook on every promise of the process
// (about a fifth of an uncached board's CPU on Node 20), so servers that are measured for speed or
// that serve users run without it.
import { AsyncLocalStorage } from "node:async_hooks";

interface Counter {
  statements: number;
}

const storage = new AsyncLocalStorage<Counter>();

export function countStatement(): void {
  const counter = storage.getStore();
  if (counter) counter.statements += 1;
}

/** Runs fn with a fresh counter; read it with `statementsSoFar()` or from the returned counter. */
export function withStatementCounter<T>(fn: () => T): { result: T; counter: Counter } {
  const counter: Counter = { statements: 0 };
  const result = storage.run(counter, fn);
  return { result, counter };
}

export function statementsSoFar(): number | undefined {
  return storage.getStore()?.statements;
}
