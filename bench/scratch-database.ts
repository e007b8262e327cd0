// A fresh PostgreSQL database for one benchmark run, on the server of DATABASE_URL (or the local
// default), dropped afterwards.
import { adminQuery, adminUrl, databaseUrl, serverReachable } from "../tests/support/database.js";

export interface ScratchDatabase {
  url: string;
  drop: () => Promise<void>;
}

export async function createScratchDatabase(prefix: string): Promise<ScratchDatabase> {
  const admin = adminUrl();
  if (!(await serverReachable(admin))) {
    throw new Error(`this benchmark needs a PostgreSQL server: none answers at ${admin} (set DATABASE_URL)`);
  }
  const name = `${prefix}_${Date.now().toString(36)}`;
  await adminQuery(admin, `CREATE DATABASE "${name}"`);
  return {
    url: databaseUrl(admin, name),
    drop: () => adminQuery(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
