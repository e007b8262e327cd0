// Publishing a period's 红黑榜 freezes it: the entries as computed, with every figure behind them,
// and the scheme version used are stored, and the period's scoreboard is read from them from then on.
// Publishing again is idempotent: it answers the stored list, says it was already published, and
// writes nothing (no second audit event).
import type { Prisma } from "@prisma/client";
import type { Actor } from "../../context.js";
import type { Tx } from "../../db/transaction.js";
import { appendAuditEvent } from "../audit/service.js";
import { yearElapsedShare } from "../common/calendar.js";
import { ValidationError } from "../common/errors.js";
import { parsePeriod } from "./period.js";
import { computeScoreboard, type ComputedScoreboard, type ListMark, type UnitScore } from "./scoring.js";
import { currentScheme, schemeById } from "./scheme.js";

const PUBLISH_LOCK = 7_261_003;

export interface Scoreboard extends ComputedScoreboard {
  published: boolean;
  publishedAt: Date | null;
  publishedById: number | null;
}

type FrozenDetail = Omit<UnitScore, "unitId" | "score" | "rank" | "mark">;

async function frozenScoreboard(tx: Tx, periodKey: string): Promise<Scoreboard | null> {
  const publication = await tx.scoreboardPublication.findUnique({
    where: { period: periodKey },
    include: { scheme: true, entries: { orderBy: [{ rank: "asc" }, { id: "asc" }] } },
  });
  if (!publication) return null;
  return {
    period: publication.period,
    schemeId: publication.schemeId,
    schemeVersion: publication.scheme.version,
    yearElapsedShare: yearElapsedShare(parsePeriod(periodKey).endInstant).share,
    published: true,
    publishedAt: publication.publishedAt,
    publishedById: publication.publishedById,
    entries: publication.entries.map((entry) => ({
      ...(entry.detail as unknown as FrozenDetail),
      unitId: entry.unitId,
      score: entry.score,
      rank: entry.rank,
      mark: entry.mark as ListMark,
    })),
  };
}

/** The period's scoreboard: the frozen list once published, else the live computation under the current scheme. */
export async function readScoreboard(tx: Tx, periodKey: string): Promise<Scoreboard> {
  const period = parsePeriod(periodKey);
  const frozen = await frozenScoreboard(tx, period.key);
  if (frozen) return frozen;
  const live = await computeScoreboard(tx, period, await currentScheme(tx));
  return { ...live, published: false, publishedAt: null, publishedById: null };
}

/**
 * The live computation from the records now: for a published period under the scheme version it
 * was published with, so that it can be compared with the frozen list (it gives the same numbers,
 * as records dated after the period's end do not count).
 */
export async function recomputeScoreboard(tx: Tx, periodKey: string): Promise<Scoreboard> {
  const period = parsePeriod(periodKey);
  const publication = await tx.scoreboardPublication.findUnique({ where: { period: period.key } });
  const scheme = publication ? await schemeById(tx, publication.schemeId) : await currentScheme(tx);
  const live = await computeScoreboard(tx, period, scheme);
  return { ...live, published: publication !== null, publishedAt: publication?.publishedAt ?? null, publishedById: publication?.publishedById ?? null };
}

export async function isPublished(tx: Tx, periodKey: string): Promise<boolean> {
  return (await tx.scoreboardPublication.count({ where: { period: periodKey } })) > 0;
}

export async function publishScoreboard(
  tx: Tx,
  actor: Actor,
  periodKey: string,
  now = new Date(),
): Promise<{ scoreboard: Scoreboard; alreadyPublished: boolean }> {
  const period = parsePeriod(periodKey);
  if (period.endInstant.getTime() >= now.getTime()) {
    throw new ValidationError(`考核期 ${period.key} 尚未结束，结束后才能发布`, "period");
  }
  // Two publications of one period at once: the second waits, then finds the first.
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(${PUBLISH_LOCK})::text`;
  const existing = await frozenScoreboard(tx, period.key);
  if (existing) return { scoreboard: existing, alreadyPublished: true };

  const scheme = await currentScheme(tx);
  const computed = await computeScoreboard(tx, period, scheme);
  const publication = await tx.scoreboardPublication.create({
    data: { period: period.key, schemeId: scheme.id, publishedAt: now, publishedById: actor.viewer.userId },
  });
  await tx.publishedScoreEntry.createMany({
    data: computed.entries.map(({ unitId, score, rank, mark, ...detail }) => ({
      publicationId: publication.id,
      unitId,
      score,
      rank,
      mark,
      detail: detail as unknown as Prisma.InputJsonValue,
    })),
  });
  await appendAuditEvent(tx, {
    at: now,
    actorId: actor.viewer.userId,
    entity: "ScoreboardPublication",
    entityId: period.key,
    action: "scoreboard.publish",
    after: {
      period: period.key,
      schemeVersion: scheme.version,
      entries: computed.entries.map((e) => ({ unit: e.unitCode, score: e.score, rank: e.rank, mark: e.mark })),
    },
    requestId: actor.requestId,
  });
  return {
    scoreboard: { ...computed, published: true, publishedAt: now, publishedById: actor.viewer.userId },
    alreadyPublished: false,
  };
}

export async function publicationHistory(tx: Tx) {
  return tx.scoreboardPublication.findMany({
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    include: { scheme: { select: { version: true } }, _count: { select: { entries: true } } },
  });
}
