// The office's thresholds for the bottleneck review: per-stage dwell days (滞留天数) and the traffic
// lights' points and days. Every change is audited in the same transaction.
import type { LightSetting, PrismaClient, Stage, StageSetting } from "@prisma/client";
import type { Actor } from "../../context.js";
import { inTransaction } from "../../db/transaction.js";
import { appendAuditEvent } from "../audit/service.js";
import { NotFoundError, ValidationError } from "../common/errors.js";
import { DEFAULT_LIGHT_THRESHOLDS, type LightThresholds } from "./lights.js";

export async function setDwellThreshold(prisma: PrismaClient, actor: Actor, stage: Stage, days: number): Promise<StageSetting> {
  if (!Number.isInteger(days) || days < 1 || days > 3650) throw new ValidationError("滞留天数应为 1 到 3650 之间的整数", "days");
  return inTransaction(prisma, async (tx) => {
    const before = await tx.stageSetting.findUnique({ where: { stage } });
    if (!before) throw new NotFoundError("该阶段的设置");
    const after = await tx.stageSetting.update({ where: { stage }, data: { dwellThresholdDays: days } });
    await appendAuditEvent(tx, {
      actorId: actor.viewer.userId,
      entity: "StageSetting",
      entityId: stage,
      action: "stage-setting.dwell-threshold",
      before: { dwellThresholdDays: before.dwellThresholdDays },
      after: { dwellThresholdDays: days },
      requestId: actor.requestId,
    });
    return after;
  });
}

export async function lightSetting(prisma: PrismaClient): Promise<LightThresholds> {
  return (await prisma.lightSetting.findUnique({ where: { id: 1 } })) ?? DEFAULT_LIGHT_THRESHOLDS;
}

export async function setLightThresholds(prisma: PrismaClient, actor: Actor, input: LightThresholds): Promise<LightSetting> {
  for (const [field, value] of Object.entries(input)) {
    if (!Number.isInteger(value) || value < 0 || value > 1000) throw new ValidationError("阈值应为 0 到 1000 之间的整数", field);
  }
  if (input.yellowPoints > input.redPoints) throw new ValidationError("黄灯起点不能高于红灯阈值", "yellowPoints");
  if (input.yellowSlipDays > input.redSlipDays) throw new ValidationError("黄灯逾期天数不能多于红灯逾期天数", "yellowSlipDays");
  if (input.unstartedMonths < 1) throw new ValidationError("未开工月数至少为 1", "unstartedMonths");
  return inTransaction(prisma, async (tx) => {
    const before = await tx.lightSetting.findUnique({ where: { id: 1 } });
    const after = await tx.lightSetting.upsert({
      where: { id: 1 },
      create: { id: 1, ...input },
      update: { ...input, updatedAt: new Date() },
    });
    await appendAuditEvent(tx, {
      actorId: actor.viewer.userId,
      entity: "LightSetting",
      entityId: 1,
      action: "light-setting.update",
      before: before ? { ...pick(before) } : null,
      after: pick(after),
      requestId: actor.requestId,
    });
    return after;
  });
}

function pick(s: LightThresholds): LightThresholds {
  return { yellowPoints: s.yellowPoints, redPoints: s.redPoints, unstartedMonths: s.unstartedMonths, yellowSlipDays: s.yellowSlipDays, redSlipDays: s.redSlipDays };
}
