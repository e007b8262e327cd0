// npm run audit:verify [-- --expect-head SEQ:HASH]
// Recomputes the audit chain of DATABASE_URL (or the embedded database) and exits non-zero at the
// first break. The chain's head is printed; compare it with a head published earlier (a log line,
// a signed digest) to detect a rewrite of the whole chain or the loss of its newest events.
import { readConfig } from "../server/config.js";
import { openConfiguredDatabase } from "../server/db/open.js";
import { verifyAuditChain } from "../server/modules/audit/service.js";

const args = process.argv.slice(2);
const expectIndex = args.indexOf("--expect-head");
const expected = expectIndex >= 0 ? args[expectIndex + 1] : undefined;
if (expectIndex >= 0 && !/^\d+:[0-9a-f]{64}$/.test(expected ?? "")) {
  console.error("--expect-head takes SEQ:HASH, as printed by an earlier run");
  process.exit(2);
}

const db = await openConfiguredDatabase(readConfig(), { migrate: false });
try {
  const status = await verifyAuditChain(db.prisma);
  const head = `${status.length}:${status.headHash}`;
  console.log(JSON.stringify({ ...status, head }));
  if (!status.valid) {
    console.error(`audit chain broken at event ${status.firstBadSeq}: ${status.problem}`);
    process.exitCode = 1;
  } else if (expected) {
    const [seq, hash] = expected.split(":");
    const event = await db.prisma.auditEvent.findUnique({ where: { seq: Number(seq) } });
    if (!event || event.hash !== hash) {
      console.error(`the published head ${expected} is not in the chain: events were rewritten or lost`);
      process.exitCode = 1;
    } else {
      console.log(`the published head ${expected} is in the chain; ${status.length - Number(seq)} events since`);
    }
  }
} finally {
  await db.close();
}
