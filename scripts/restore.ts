// npm run db:restore -- <file> [--force]
// Restores a backup made by npm run db:backup into DATABASE_URL (pg_restore, in one transaction) or
// into the embedded database in DATA_DIR (refused while the server runs). A database that holds
// anything is refused unless --force. The audit chain is verified afterwards.
import { readConfig } from "../server/config.js";
import { BackupError, restoreEmbedded, restorePostgres } from "../server/db/backup.js";
import { DataDirInUseError } from "../server/db/data-dir-lock.js";
import { openConfiguredDatabase } from "../server/db/open.js";
import { verifyAuditChain } from "../server/modules/audit/service.js";

const args = process.argv.slice(2);
const force = args.includes("--force");
const files = args.filter((a) => a !== "--force");
if (files.length !== 1 || files[0]!.startsWith("-")) {
  console.error("usage: npm run db:restore -- <file> [--force]");
  process.exit(2);
}
const file = files[0]!;

const config = readConfig();
let restored: Awaited<ReturnType<typeof restoreEmbedded>>;
try {
  restored = config.databaseUrl ? await restorePostgres(config.databaseUrl, file, force) : await restoreEmbedded(config.dataDir, file, force);
} catch (error) {
  if (!(error instanceof BackupError || error instanceof DataDirInUseError)) throw error;
  console.error(`restore failed: ${error.message}`);
  process.exit(1);
}

const db = await openConfiguredDatabase(config, { migrate: false });
try {
  const chain = await verifyAuditChain(db.prisma);
  console.log(JSON.stringify({ restored: restored.file, database: restored.database, previous: restored.previous, auditChain: { valid: chain.valid, length: chain.length, head: `${chain.length}:${chain.headHash}` } }));
  if (!chain.valid) {
    console.error(`the restored audit chain is broken at event ${chain.firstBadSeq}: ${chain.problem}`);
    process.exitCode = 1;
  }
} finally {
  await db.close();
}
