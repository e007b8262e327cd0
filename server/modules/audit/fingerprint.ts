// Fingerprints of the record, for caches of what is read from it (boards, the bottleneck review),
// taken from the audit chain. Every change appends an event in the transaction that makes it (project
// changes through recordChange, intake, settings, the seeds), and events commit in seq order (they
// are appended under the chain's lock, held until COMMIT), so the chain's last seq grows with every
// committed change and with nothing else; so does the last seq of any set of events. One index
// lookup each, where a sum over the projects' versions read thousands of rows for every cached answer.
//
// A cache reads the fingerprint before the data it keeps: an answer is then never filed under a
// fingerprint newer than its data, and after a change the next reader reads afresh.
import { Prisma } from "@prisma/client";
import type { SqlRunner } from "../../db/client.js";

/** Changes with every change to the record: the chain's head. */
export async function recordFingerprint(sql: SqlRunner): Promise<string> {
  const [head] = await sql.rows<{ seq: number | null }>(Prisma.sql`SELECT max(seq) AS seq FROM audit_event`);
  return String(head?.seq ?? 0);
}

/**
 * Changes with every change to what today's boards of these actions (by code) show: the last event
 * of their projects, or of no project (settings, units: `project_action_id` is null), so
 * a change to another action's projects leaves it as it was.
 */
export async function boardsFingerprint(sql: SqlRunner, actionCodes: readonly number[]): Promise<string> {
  // Each last event by a backward probe of the (project_action_id, seq) index. Written as max(seq),
  // the events of no project were counted one by one (an IS NULL condition gives the index no order).
  const [last] = await sql.rows<{ seq: number | null }>(Prisma.sql`
    SELECT greatest(
             (SELECT e.seq FROM audit_event e WHERE e.project_action_id IS NULL
               ORDER BY e.project_action_id DESC, e.seq DESC LIMIT 1),
             (SELECT max(own.seq) FROM action a
                CROSS JOIN LATERAL (SELECT e.seq FROM audit_event e WHERE e.project_action_id = a.id
                                     ORDER BY e.project_action_id DESC, e.seq DESC LIMIT 1) own
               WHERE a.code = ANY(${[...actionCodes]}::int[]))) AS seq`);
  return String(last?.seq ?? 0);
}
