// The audit trail: every change appends an event inside the same transaction as the change.
// Appends are serialised by an advisory lock taken before reading the chain's head, so concurrent
// writers cannot fork the chain (STACK-NOTES.md), and `seq` has no gaps. The lock is held until
// COMMIT, so a change appends its event last, after its other writes, and commits right after.
import { Prisma } from "@prisma/client";
import { rowsIn, type AnyTx, type Tx } from "../../db/transaction.js";
import { GENESIS_HASH, auditHash, canonicalJson, type AuditContent } from "./hash.js";

export const AUDIT_CHAIN_LOCK = 7_261_001;

export interface AuditInput {
  actorId: number | null;
  entity: string;
  entityId: string | number;
  projectId?: number | null;
  action: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  requestId?: string | null;
  at?: Date;
}

/** Values as they are stored in JSON: decimals and dates as strings. */
function auditJson(value: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (!value) return null;
  return JSON.parse(
    JSON.stringify(value, (_k, v) => (v instanceof Prisma.Decimal ? v.toString() : v)),
  ) as Record<string, unknown>;
}

/**
 * Appends one event in one round trip: the database function audit_append_event (migration
 * 20261129235300) takes the chain's lock, reads the head and inserts the event hashed onto it, so
 * the lock is held only from there to the caller's COMMIT. Call it as the transaction's last write.
 */
export async function appendAuditEvent(tx: AnyTx, input: AuditInput): Promise<ChainHead> {
  const [appended] = await rowsIn<ChainHead>(tx, appendEventSql(input));
  return appended!;
}

/**
 * The statement that appends one event (its rows: the event's seq and hash), to run alone
 * (appendAuditEvent) or inside a statement that makes the change it records: `projectId`, when
 * given, is the SQL of the event's project id there (a column of the changed row, so the event is
 * appended only for a row that was changed).
 */
export function appendEventSql(input: AuditInput, sqlOf: { projectId?: Prisma.Sql } = {}): Prisma.Sql {
  const content = auditContent(input, 0);
  // The canonical JSON ends with the seq, the last key in sorted order: the database adds it.
  const canonical = canonicalJson(content);
  if (!canonical.endsWith(',"seq":0}')) throw new Error("audit content: seq is not the last key of its canonical JSON");
  const beforeSeq = canonical.slice(0, -"0}".length);
  const jsonb = (value: unknown) => (value === null ? null : JSON.stringify(value));
  return Prisma.sql`
    SELECT appended_seq AS seq, appended_hash AS hash FROM audit_append_event(
      ${content.at.toISOString()}::timestamp(3), ${content.actorId}::integer, ${content.entity}, ${content.entityId},
      ${sqlOf.projectId ?? Prisma.sql`${content.projectId}::integer`}, ${content.action}, ${jsonb(content.before)}::jsonb,
      ${jsonb(content.after)}::jsonb, ${content.requestId}::text, ${beforeSeq})`;
}

/** What an event's hash covers, as stored (JSON values as they read back). */
function auditContent(input: AuditInput, seq: number): AuditContent {
  return {
    seq,
    at: input.at ?? new Date(),
    actorId: input.actorId,
    entity: input.entity,
    entityId: String(input.entityId),
    projectId: input.projectId ?? null,
    action: input.action,
    before: auditJson(input.before),
    after: auditJson(input.after),
    requestId: input.requestId ?? null,
  };
}

export interface ChainHead {
  seq: number;
  hash: string;
}

export interface AuditRow extends AuditContent {
  prevHash: string;
  hash: string;
}

/** Links events onto the chain after `head` (null for an empty chain): pure, no I/O. */
export function chainEvents(head: ChainHead | null, inputs: AuditInput[]): AuditRow[] {
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  return inputs.map((input) => {
    seq += 1;
    const content = auditContent(input, seq);
    const row = { ...content, prevHash, hash: auditHash(prevHash, content) };
    prevHash = row.hash;
    return row;
  });
}

/** Appends events in order, under the chain lock. */
export async function appendAuditEvents(tx: Tx, inputs: AuditInput[]): Promise<ChainHead[]> {
  if (inputs.length === 0) return [];
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})::text`;
  const head = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  const rows = chainEvents(head, inputs);
  for (let i = 0; i < rows.length; i += 5000) {
    await tx.auditEvent.createMany({
      data: rows.slice(i, i + 5000).map((row) => ({
        ...row,
        before: (row.before ?? Prisma.DbNull) as Prisma.InputJsonValue,
        after: (row.after ?? Prisma.DbNull) as Prisma.InputJsonValue,
      })),
    });
  }
  return rows.map((r) => ({ seq: r.seq, hash: r.hash }));
}

export interface ChainStatus {
  valid: boolean;
  length: number;
  headHash: string;
  /** The first event that does not verify, and why. */
  firstBadSeq: number | null;
  problem: string | null;
}

/** Recomputes the whole chain in order, in pages, and reports the first break. */
export async function verifyAuditChain(prisma: Tx, pageSize = 2000): Promise<ChainStatus> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let length = 0;
  for (;;) {
    const page = await prisma.auditEvent.findMany({
      where: { seq: { gte: expectedSeq } },
      orderBy: { seq: "asc" },
      take: pageSize,
    });
    for (const event of page) {
      const bad = (problem: string): ChainStatus => ({ valid: false, length, headHash: prevHash, firstBadSeq: event.seq, problem });
      if (event.seq !== expectedSeq) return { ...bad(`event ${expectedSeq} is missing`), firstBadSeq: expectedSeq };
      if (event.prevHash !== prevHash) return bad("its previous hash does not match the event before it");
      const recomputed = auditHash(prevHash, {
        seq: event.seq,
        at: event.at,
        actorId: event.actorId,
        entity: event.entity,
        entityId: event.entityId,
        projectId: event.projectId,
        action: event.action,
        before: event.before,
        after: event.after,
        requestId: event.requestId,
      });
      if (recomputed !== event.hash) return bad("its content does not match its hash");
      prevHash = event.hash;
      expectedSeq += 1;
      length += 1;
    }
    if (page.length < pageSize) break;
  }
  return { valid: true, length, headHash: prevHash, firstBadSeq: null, problem: null };
}
