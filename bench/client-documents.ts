// What the benchmarks share: the demo accounts' password they seed with, and the web client's own
// GraphQL documents (the build's persisted operations), read once.
import { readFileSync } from "node:fs";

export const BENCH_PASSWORD = "bench-password-1";

let documents: Record<string, string> | undefined;

/** A document of the web client's own, by operation (e.g. the board: first 20 cards per column, with counts and sums). */
export function clientDocument(operation: string): string {
  documents ??= JSON.parse(readFileSync(new URL("../dist/persisted-operations.json", import.meta.url), "utf8")) as Record<string, string>;
  const document = Object.values(documents).find((text) => new RegExp(`^(query|mutation) ${operation}\\(`).test(text));
  if (!document) throw new Error(`dist/persisted-operations.json has no ${operation} operation: run \`npm run build\``);
  return document;
}
