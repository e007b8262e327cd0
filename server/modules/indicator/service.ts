// The indicators' rules: the office enters and revises yearly actuals; projects are linked to the
// indicators they move. Every write appends an audit event in its transaction. No GraphQL here.
import type { Indicator, PrismaClient } from "@prisma/client";
import type { Actor } from "../../context.js";
import { inTransaction, type Tx } from "../../db/transaction.js";
import { appendAuditEvent } from "../audit/service.js";
import { canConfigure } from "../auth/policy.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../common/errors.js";
import { loadForChange, recordChange } from "../project/change.js";
import { checkIndicatorValue } from "./values.js";

export interface IndicatorValueInput {
  measureId: number;
  year: number;
  value: string;
  note?: string | null;
}

/** Enters, or revises, a measure's actual for a year (CONFIGURERS). Returns the indicator. */
export async function setIndicatorValue(prisma: PrismaClient, actor: Actor, input: IndicatorValueInput): Promise<Indicator> {
  if (!canConfigure(actor.viewer)) throw new ForbiddenError("指标数据由领导小组办公室填报");
  return inTransaction(prisma, async (tx) => {
    const measure = await tx.indicatorMeasure.findUnique({ where: { id: input.measureId }, include: { indicator: true } });
    if (!measure) throw new NotFoundError("指标");
    const checked = checkIndicatorValue(measure, input);
    // The row lock serialises two revisions of the same year; the old value goes into the audit event.
    await tx.$queryRaw`SELECT id FROM indicator_value WHERE measure_id = ${measure.id} AND year = ${checked.year} FOR UPDATE`;
    const previous = await tx.indicatorValue.findUnique({ where: { measureId_year: { measureId: measure.id, year: checked.year } } });
    const saved = previous
      ? await tx.indicatorValue.update({
          where: { id: previous.id },
          data: { value: checked.value, note: checked.note, enteredAt: new Date() },
        })
      : await tx.indicatorValue.create({ data: { measureId: measure.id, ...checked } });
    const what = { indicator: measure.indicator.code, measure: measure.key, year: checked.year };
    await appendAuditEvent(tx, {
      actorId: actor.viewer.userId,
      entity: "IndicatorValue",
      entityId: saved.id,
      action: previous ? "indicator-value.revise" : "indicator-value.enter",
      before: previous ? { ...what, value: previous.value, note: previous.note } : null,
      after: { ...what, value: saved.value, note: saved.note },
      requestId: actor.requestId,
    });
    return measure.indicator;
  });
}

export interface LinkInput {
  projectId: number;
  indicatorId: number;
}

async function findIndicator(tx: Tx, id: number): Promise<Indicator> {
  const indicator = await tx.indicator.findUnique({ where: { id } });
  if (!indicator) throw new NotFoundError("指标");
  return indicator;
}

/**
 * Links a project to an indicator it moves (`linked`), or unlinks it, for the office or the project's
 * editors. The project's row is locked and its version bumped, as for any change to it. Unlinking
 * keeps the row, marked with when; linking again revives it.
 */
export async function setProjectIndicatorLink(prisma: PrismaClient, actor: Actor, input: LinkInput, linked: boolean): Promise<Indicator> {
  return inTransaction(prisma, async (tx) => {
    const project = await loadForChange(tx, actor, input.projectId);
    const indicator = await findIndicator(tx, input.indicatorId);
    const key = { projectId_indicatorId: { projectId: project.id, indicatorId: indicator.id } };
    const existing = await tx.projectIndicator.findUnique({ where: key });
    const active = existing !== null && existing.unlinkedAt === null;
    if (linked && active) throw new ValidationError(`项目已关联指标“${indicator.name}”`, "indicatorId");
    if (!linked && !active) throw new ValidationError(`项目未关联指标“${indicator.name}”`, "indicatorId");
    const now = new Date();
    if (!linked) await tx.projectIndicator.update({ where: key, data: { unlinkedAt: now } });
    else if (existing) await tx.projectIndicator.update({ where: key, data: { linkedAt: now, unlinkedAt: null } });
    else await tx.projectIndicator.create({ data: { projectId: project.id, indicatorId: indicator.id, linkedAt: now } });
    const link = { indicator: indicator.code, name: indicator.name };
    await recordChange(tx, actor, project, {
      action: linked ? "project.indicator-link" : "project.indicator-unlink",
      entity: { name: "ProjectIndicator", id: `${project.id}:${indicator.id}` },
      before: linked ? null : { ...link, linkedAt: existing!.linkedAt },
      after: linked ? link : null,
      at: now,
    });
    return indicator;
  });
}
