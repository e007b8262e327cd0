// Vite builds the web client (client/ → dist/client, served by the API server at /);
// Vitest runs the test suite (tests/).
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
    proxy: { "/graphql": "http://127.0.0.1:4000" },
  },
  test: {
    root,
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
