// Prisma CLI configuration. The CLI runs on its WebAssembly engines through a driver adapter, so
// nothing is downloaded (STACK-NOTES.md). The CLI is only needed to generate the client and to author
// migrations (`npm run db:new-migration`); applying them is server/db/migrate.ts's job.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";

// The schema's datasource reads DATABASE_URL; when it is unset the CLI would fall back to
// downloading engines, so give it a placeholder: the adapter below decides where SQL goes.
process.env.DATABASE_URL ??= "postgresql://embedded/tuijin";

export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  // Migrations are authored against a scratch embedded database, never against users' data.
  adapter: async () => {
    const dir = path.resolve("data/prisma-dev");
    mkdirSync(dir, { recursive: true });
    return new PrismaPGlite(new PGlite(dir));
  },
});
