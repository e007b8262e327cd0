// A fingerprint of the whole record, for caches of what is read from it (boards, the bottleneck
// review): the audit chain's head. Every change appends an event in the transaction that makes it
// (project changes through recordChange, intake, settings, the seeds), and events commit in seq order
// (they are appended under the chain's lock, held until COMMIT), so the head's seq grows with every
// committed change and with nothing else. One index lookup, where a sum over the projects' versions
// read thousands of rows for every cached answer.
//
// A cache reads the fingerprint before the data it keeps: an answer is then never filed under a
// fingerprint newer than its data, and after any change the next reader reads afresh.
import { Prisma } from "@prisma/client";
import type { SqlRunner } from "../../db/client.js";

export async function recordFingerprint(sql: SqlRunner): Promise<string> {
  const [head] = await sql.rows<{ seq: number | null }>(Prisma.sql`SELECT max(seq) AS seq FROM audit_event`);
  return String(head?.seq ?? 0);
}
