// Persisted operations: every document is sent as the SHA-256 of its text, which the build
// computes and compiles in (vite.config.ts). Queries, mutations (persistedExchange) and
// subscriptions (the SSE transport) all look their hash up here.
import type { DocumentNode } from "graphql";

/** Operation name → SHA-256 of its document, compiled in by the build (vite.config.ts). */
declare const __PERSISTED_OPERATION_HASHES__: Record<string, string>;

/** The hash of a `graphql.persisted("<name>", …)` document; throws for any other document. */
export function persistedOperationHash(document: DocumentNode): string {
  const name = (document as { documentId?: string }).documentId;
  const hash = name ? __PERSISTED_OPERATION_HASHES__[name] : undefined;
  if (!hash) throw new Error(`操作 ${name ?? "(未命名)"} 不在持久化清单中`);
  return hash;
}
