// Force-majeure exemptions (不可抗力豁免): the office takes a unit's project (all its items) or one
// component for a unit out of the scoring for a span of days, with a reason. Revoked, never deleted.
import type { ScoringExemption } from "@prisma/client";
import type { Actor } from "../../context.js";
import type { Tx } from "../../db/transaction.js";
import { appendAuditEvent } from "../audit/service.js";
import { NotFoundError, ValidationError } from "../common/errors.js";
import { isoDate } from "./period.js";
import { COMPONENTS, type ComponentKey } from "./scheme.js";

export interface GrantExemption {
  unitId: number;
  projectId: number | null;
  component: ComponentKey | null;
  startDate: Date;
  endDate: Date;
  reason: string;
}

export async function grantExemption(tx: Tx, actor: Actor, input: GrantExemption): Promise<ScoringExemption> {
  const reason = input.reason?.trim() ?? "";
  if (!reason) throw new ValidationError("请填写豁免理由", "reason");
  if (reason.length > 500) throw new ValidationError("豁免理由不能超过 500 个字", "reason");
  if ((input.projectId === null) === (input.component === null)) {
    throw new ValidationError("请选择豁免的项目或考核项（二选一）", "projectId");
  }
  if (input.component !== null && !COMPONENTS.includes(input.component)) throw new ValidationError("考核项无效", "component");
  if (input.endDate.getTime() < input.startDate.getTime()) throw new ValidationError("结束日期不能早于开始日期", "endDate");
  const unit = await tx.unit.findUnique({ where: { id: input.unitId } });
  if (!unit) throw new NotFoundError("单位");
  if (input.projectId !== null) {
    const project = await tx.project.findUnique({ where: { id: input.projectId } });
    if (!project) throw new NotFoundError("项目");
    if (project.responsibleUnitId !== unit.id) throw new ValidationError("该项目不由此单位负责", "projectId");
  }
  const exemption = await tx.scoringExemption.create({
    data: { ...input, reason, createdById: actor.viewer.userId },
  });
  await appendAuditEvent(tx, {
    actorId: actor.viewer.userId,
    entity: "ScoringExemption",
    entityId: exemption.id,
    projectId: exemption.projectId,
    action: "scoring.exemption.grant",
    after: { unitId: unit.id, projectId: exemption.projectId, component: exemption.component, startDate: isoDate(exemption.startDate), endDate: isoDate(exemption.endDate), reason },
    requestId: actor.requestId,
  });
  return exemption;
}

export async function revokeExemption(tx: Tx, actor: Actor, exemptionId: number, now = new Date()): Promise<ScoringExemption> {
  const exemption = await tx.scoringExemption.findUnique({ where: { id: exemptionId } });
  if (!exemption) throw new NotFoundError("豁免");
  if (exemption.revokedAt) throw new ValidationError("该豁免已撤销", "exemptionId");
  const updated = await tx.scoringExemption.update({ where: { id: exemptionId }, data: { revokedAt: now, revokedById: actor.viewer.userId } });
  await appendAuditEvent(tx, {
    actorId: actor.viewer.userId,
    entity: "ScoringExemption",
    entityId: exemption.id,
    projectId: exemption.projectId,
    action: "scoring.exemption.revoke",
    before: { revokedAt: null },
    after: { revokedAt: now.toISOString() },
    requestId: actor.requestId,
  });
  return updated;
}
