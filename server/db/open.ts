// Opens the database the configuration names and brings its schema up to date.
import type { Config } from "../config.js";
import { log } from "../log.js";
import { openDatabase, type Database } from "./client.js";
import { migrate } from "./migrate.js";

export async function openConfiguredDatabase(config: Config, options: { migrate: boolean }): Promise<Database> {
  const db = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
  if (options.migrate) {
    try {
      const applied = await migrate(db.sql);
      if (applied.length > 0) log.info("migrations applied", { database: db.location, applied });
    } catch (error) {
      await db.close();
      throw error;
    }
  }
  return db;
}
