// The 红黑榜 scoring scheme: six components with weights summing to 100, their thresholds, the pass
// mark below which a unit has missed its target, and the sizes of the red and black lists.
import type { Prisma } from "@prisma/client";
import type { Actor } from "../../context.js";
import type { Tx } from "../../db/transaction.js";
import { appendAuditEvent } from "../audit/service.js";
import { ValidationError } from "../common/errors.js";

export const COMPONENTS = ["MILESTONES", "ADVANCEMENT", "INVESTMENT", "BLOCKERS", "REPORTS", "NOTICES"] as const;
export type ComponentKey = (typeof COMPONENTS)[number];

export const COMPONENT_NAMES: Record<ComponentKey, string> = {
  MILESTONES: "节点按期完成率",
  ADVANCEMENT: "按计划开工推进",
  INVESTMENT: "投资完成序时进度",
  BLOCKERS: "堵点化解时长",
  REPORTS: "月度进度按时报送",
  NOTICES: "督办单按时回复",
};

export interface SchemeConfig {
  weights: Record<ComponentKey, number>;
  /** BLOCKERS: full marks when the median days to resolve is at most this. */
  blockerTargetDays: number;
  /** REPORTS: a month's report is due by this day of the next month (China time). */
  reportDueDay: number;
  /** A total below this misses the target: only such units can go on the black list. */
  passMark: number;
  redCount: number;
  blackCount: number;
}

export interface Scheme {
  id: number;
  version: number;
  config: SchemeConfig;
  note: string | null;
  createdAt: Date;
  createdById: number | null;
}

export function validateScheme(config: SchemeConfig): SchemeConfig {
  let sum = 0;
  for (const key of COMPONENTS) {
    const weight = config.weights[key];
    if (!Number.isInteger(weight) || weight < 0 || weight > 100) {
      throw new ValidationError(`${COMPONENT_NAMES[key]}的权重应为 0–100 的整数`, `weights.${key}`);
    }
    sum += weight;
  }
  if (sum !== 100) throw new ValidationError(`各项权重之和应为 100，现为 ${sum}`, "weights");
  const whole = (value: number, min: number, max: number, field: string, label: string) => {
    if (!Number.isInteger(value) || value < min || value > max) throw new ValidationError(`${label}应为 ${min}–${max} 的整数`, field);
  };
  whole(config.blockerTargetDays, 1, 365, "blockerTargetDays", "堵点化解目标天数");
  whole(config.reportDueDay, 1, 28, "reportDueDay", "月报截止日");
  if (!Number.isFinite(config.passMark) || config.passMark < 0 || config.passMark > 100) {
    throw new ValidationError("达标分数线应在 0–100 之间", "passMark");
  }
  whole(config.redCount, 0, 50, "redCount", "红榜名额");
  whole(config.blackCount, 0, 50, "blackCount", "黑榜名额");
  return {
    weights: Object.fromEntries(COMPONENTS.map((k) => [k, config.weights[k]])) as Record<ComponentKey, number>,
    blockerTargetDays: config.blockerTargetDays,
    reportDueDay: config.reportDueDay,
    passMark: config.passMark,
    redCount: config.redCount,
    blackCount: config.blackCount,
  };
}

type SchemeRow = { id: number; version: number; config: Prisma.JsonValue; note: string | null; createdAt: Date; createdById: number | null };

function toScheme(row: SchemeRow): Scheme {
  return { ...row, config: row.config as unknown as SchemeConfig };
}

export async function currentScheme(db: Tx): Promise<Scheme> {
  const row = await db.scoringScheme.findFirst({ orderBy: { version: "desc" } });
  if (!row) throw new Error("no scoring scheme: the migrations insert version 1");
  return toScheme(row);
}

export async function schemeById(db: Tx, id: number): Promise<Scheme> {
  return toScheme(await db.scoringScheme.findUniqueOrThrow({ where: { id } }));
}

export async function schemeHistory(db: Tx): Promise<Scheme[]> {
  return (await db.scoringScheme.findMany({ orderBy: { version: "desc" } })).map(toScheme);
}

/** Saves a new version of the scheme; the old versions stay (published lists refer to them). */
export async function saveScheme(tx: Tx, actor: Actor, input: SchemeConfig, note: string | null): Promise<Scheme> {
  const config = validateScheme(input);
  // Versions are numbered under a lock so two saves at once do not collide.
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(7261002)::text`;
  const previous = await currentScheme(tx);
  const row = await tx.scoringScheme.create({
    data: { version: previous.version + 1, config: config as unknown as Prisma.InputJsonValue, note: note?.trim() || null, createdById: actor.viewer.userId },
  });
  await appendAuditEvent(tx, {
    actorId: actor.viewer.userId,
    entity: "ScoringScheme",
    entityId: row.id,
    action: "scoring.scheme.save",
    before: { version: previous.version, config: previous.config },
    after: { version: row.version, config, note: row.note },
    requestId: actor.requestId,
  });
  return toScheme(row);
}
