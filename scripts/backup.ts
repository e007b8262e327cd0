// npm run db:backup -- <file>
// Backs up DATABASE_URL with pg_dump (custom format), or the embedded database in DATA_DIR (PGlite's
// tarball of its data folder; refused while the server runs). Restore with npm run db:restore.
import { readConfig } from "../server/config.js";
import { BackupError, backupEmbedded, backupPostgres } from "../server/db/backup.js";
import { DataDirInUseError } from "../server/db/data-dir-lock.js";

const [file, ...rest] = process.argv.slice(2);
if (!file || file.startsWith("-") || rest.length > 0) {
  console.error("usage: npm run db:backup -- <file>");
  process.exit(2);
}

const config = readConfig();
try {
  const result = config.databaseUrl ? await backupPostgres(config.databaseUrl, file) : await backupEmbedded(config.dataDir, file);
  console.log(JSON.stringify({ backup: result.file, bytes: result.bytes, database: result.database }));
} catch (error) {
  if (!(error instanceof BackupError || error instanceof DataDirInUseError)) throw error;
  console.error(`backup failed: ${error.message}`);
  process.exit(1);
}
