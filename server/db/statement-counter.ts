// Counts the SQL statements that Prisma issues within one request (or any async scope), so tests
// and benchmarks can check that a view costs the same number of statements whatever the data.
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
