// The production server as plain JavaScript: scripts/serve.ts, server/index.ts and what it imports
// from this repository (server/, seeds/) bundled into dist/server/, every package left external
// (node_modules is loaded as usual), with a source map. `npm start` runs it with plain node rather
// than through tsx, whose loader thread (a second V8 isolate holding transformed sources) cost the
// server about 100 MB of memory. `npm run dev` and the scripts keep running TypeScript through tsx.
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));
export const serverOutDir = path.join(root, "dist/server");

/**
 * Gives each bundled module its own source file's `import.meta.url`, computed at run time from the
 * bundle's location, so that paths written relative to a source file (`new URL("../dist/client",
 * import.meta.url)`, the migrations, the seed data) mean the same in the bundle as under tsx, and a
 * module's "am I the program?" check (seeds/seed.ts) is false inside the server.
 */
function sourceImportMetaUrl(outDir: string): Plugin {
  return {
    name: "tuijin-source-import-meta-url",
    enforce: "pre",
    transform(code, id) {
      if (id.includes("/node_modules/") || !id.startsWith(root) || !code.includes("import.meta.url")) return null;
      const relative = path.relative(outDir, id).split(path.sep).join("/");
      return { code: code.replaceAll("import.meta.url", `new URL(${JSON.stringify(relative)}, import.meta.url).href`), map: null };
    },
  };
}

// scripts/build-server.ts builds into a scratch folder (its own build.outDir), then moves the files
// here: import.meta.url is made relative to where they end up.
export default defineConfig({
  root,
  publicDir: false,
  logLevel: "warn",
  plugins: [sourceImportMetaUrl(serverOutDir)],
  build: {
    // scripts/serve.ts sets NODE_ENV before importing server/index.ts, which is split into its own
    // chunk so that its packages (graphql reads NODE_ENV as it loads) are imported after that.
    ssr: path.join(root, "scripts/serve.ts"),
    outDir: serverOutDir,
    emptyOutDir: true,
    target: "node20",
    sourcemap: true,
    minify: false,
    rolldownOptions: { output: { entryFileNames: "[name].js", chunkFileNames: "[name]-[hash].js", format: "esm" } },
  },
});
