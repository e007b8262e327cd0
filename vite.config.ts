// Vite builds the web client (client/ → dist/client, served by the API server at /);
// Vitest runs the test suite (tests/).
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import type { Plugin } from "vite";
import { defineConfig } from "vitest/config";
import { extractPersistedOperations, type PersistedOperations } from "./scripts/persisted-operations.js";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * Compiles the operation hashes into the client (__PERSISTED_OPERATION_HASHES__) and, on build,
 * writes the documents the server accepts by hash to dist/persisted-operations.json.
 */
function persistedOperations(): Plugin {
  let operations: PersistedOperations | undefined;
  return {
    name: "tuijin-persisted-operations",
    config(_config, { command }) {
      // Vitest reads this file too; only a client build or dev server needs the operations.
      if (command !== "build" && process.env.VITEST) return {};
      operations = extractPersistedOperations(root);
      return { define: { __PERSISTED_OPERATION_HASHES__: JSON.stringify(operations.hashes) } };
    },
    closeBundle() {
      if (!operations) return;
      mkdirSync(`${root}dist`, { recursive: true });
      writeFileSync(`${root}dist/persisted-operations.json`, JSON.stringify(operations.documents, null, 2) + "\n");
    },
  };
}

export default defineConfig({
  root: "client",
  plugins: [react(), persistedOperations()],
  build: {
    outDir: "../dist/client",
    emptyOutDir: true,
    // Everything is bundled: the client must run on an air-gapped network.
    assetsInlineLimit: 0,
  },
  server: {
    // Exactly /graphql: client/graphql.ts must not be proxied.
    proxy: { "^/graphql(\\?|$)": "http://127.0.0.1:4000" },
  },
  test: {
    root,
    // Node loads graphql's CommonJS build for the server's dependencies; tests must use the same one.
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve("graphql") }],
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    reporters: ["default", "./tests/support/summary-reporter.ts"],
  },
});
