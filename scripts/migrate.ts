// npm run db:migrate: applies pending migrations to DATABASE_URL, or the embedded database.
import { readConfig } from "../server/config.js";
import { openConfiguredDatabase } from "../server/db/open.js";
import { log } from "../server/log.js";

const config = readConfig();
openConfiguredDatabase(config, { migrate: true })
  .then(async (db) => {
    log.info("database is up to date", { database: db.location });
    await db.close();
  })
  .catch((error: unknown) => {
    log.error("migration failed", { message: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  });
