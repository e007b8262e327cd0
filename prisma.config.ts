// Prisma CLI configuration. The CLI runs on its WebAssembly engines through a driver adapter, so
// nothing is downloaded (STACK-NOTES.md). The CLI is only needed to generate the client and to author
// migrations (`npm run db:new-migration <name>`); applying them is server/db/migrate.ts's job.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { defineConfig, type PrismaConfig } from "prisma/config";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";

// The schema's datasource reads DATABASE_URL; when it is unset the CLI would fall back to
// downloading engines, so give it a placeholder: the adapter below decides where SQL goes.
process.env.DATABASE_URL ??= "postgresql://embedded/tuijin";

type Adapter = Awaited<ReturnType<PrismaPGlite["connect"]>>;

/**
 * pglite-prisma-adapter 0.6.1 neither awaits `executeScript` nor accepts a script of several
 * statements through `executeRaw`, which is how Prisma applies migrations to the shadow database.
 * Both go through PGlite's `exec` here.
 */
function runScriptsWithExec(adapter: Adapter): Adapter {
  const internals = adapter as unknown as { client: PGlite; onError(error: unknown): never };
  const executeRaw = adapter.executeRaw.bind(adapter);
  const exec = async (script: string) => {
    try {
      await internals.client.exec(script);
    } catch (error) {
      internals.onError(error);
    }
  };
  adapter.executeScript = exec;
  adapter.executeRaw = async (query) => (query.args.length === 0 ? (await exec(query.sql), 0) : executeRaw(query));
  return adapter;
}

class MigrationPGlite extends PrismaPGlite {
  override async connect() {
    return runScriptsWithExec(await super.connect());
  }
  override async connectToShadowDb() {
    return runScriptsWithExec(await super.connectToShadowDb());
  }
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  // Migrations are authored against a scratch embedded database, never against users' data.
  adapter: async () => {
    const dir = path.resolve("data/prisma-dev/pglite");
    mkdirSync(dir, { recursive: true });
    // The adapter declares its types against an older @prisma/driver-adapter-utils than the CLI's.
    return new MigrationPGlite(new PGlite(dir)) as unknown as Awaited<
      ReturnType<Extract<PrismaConfig, { engine: "js" }>["adapter"]>
    >;
  },
});
