// Vite builds the web client (client/ → dist/client, served by the API server at /);
// Vitest runs the test suite (tests/).
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root: "client",
  plugins: [react()],
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
