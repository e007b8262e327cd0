// Persisted operations: the web client sends each operation as the SHA-256 of its document, and the
// server looks the document up in dist/persisted-operations.json (written by the client build), so
// production can refuse every document it does not know (PERSISTED_OPERATIONS_ONLY=1).
// The client's documents are listed by gql.tada from its `graphql.persisted("<name>", …)` calls.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { formatDocument } from "@urql/core";
import { parse, print } from "graphql";

export interface PersistedOperations {
  /** Operation name → hash, compiled into the client. */
  hashes: Record<string, string>;
  /** Hash → document, read by the server. */
  documents: Record<string, string>;
}

export function hashDocument(document: string): string {
  return createHash("sha256").update(document).digest("hex");
}

export function extractPersistedOperations(root: string): PersistedOperations {
  const dir = mkdtempSync(path.join(tmpdir(), "tuijin-persisted-"));
  try {
    const output = path.join(dir, "manifest.json");
    execFileSync("npx", ["gql.tada", "generate", "persisted", "--tsconfig", "client/tsconfig.json", "--output", output, "--fail-on-warn"], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
    });
    const byName = JSON.parse(readFileSync(output, "utf8")) as Record<string, string>;
    const hashes: Record<string, string> = {};
    const documents: Record<string, string> = {};
    for (const [name, text] of Object.entries(byName)) {
      // The client's normalised cache adds __typename to every selection before sending; the server
      // must run exactly that document, or the cache cannot read the answers.
      const document = print(formatDocument(parse(text)));
      const hash = hashDocument(document);
      hashes[name] = hash;
      documents[hash] = document;
    }
    return { hashes, documents };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
