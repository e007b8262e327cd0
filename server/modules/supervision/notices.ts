// 督办单 (supervision notices): the office issues one to the unit responsible for a project, with a
// reply deadline; the unit's owners reply (a reply after the end of the deadline's day in China is
// recorded as late); the office closes it (accepted) or escalates it to the leading group with a note.
// ISSUED → REPLIED → CLOSED, and ISSUED or REPLIED → ESCALATED. Every write is audited.
import type { NoticeState, Prisma, SupervisionNotice } from "@prisma/client";
import type { Actor, Viewer } from "../../context.js";
import type { Tx } from "../../db/transaction.js";
import { appendAuditEvent } from "../audit/service.js";
import { canConfigure } from "../auth/policy.js";
import { todayInChina } from "../common/calendar.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../common/errors.js";
import { endOfChinaDay, isoDate } from "./period.js";

export const OPEN_NOTICE_STATES: NoticeState[] = ["ISSUED", "REPLIED"];

const STATE_NAMES: Record<NoticeState, string> = { ISSUED: "待回复", REPLIED: "已回复", CLOSED: "已办结", ESCALATED: "已提请领导小组" };

/** A notice in ISSUED whose deadline's day is over. */
export function isNoticeOverdue(notice: Pick<SupervisionNotice, "state" | "replyDeadline">, now = new Date()): boolean {
  return notice.state === "ISSUED" && endOfChinaDay(notice.replyDeadline).getTime() < now.getTime();
}

function text(value: string | null | undefined, field: string, label: string, max: number, required = true): string | null {
  const trimmed = value?.trim() ?? "";
  if (!trimmed) {
    if (required) throw new ValidationError(`请填写${label}`, field);
    return null;
  }
  if (trimmed.length > max) throw new ValidationError(`${label}不能超过 ${max} 个字`, field);
  return trimmed;
}

function audit(tx: Tx, actor: Actor, notice: SupervisionNotice, action: string, before: Record<string, unknown> | null, after: Record<string, unknown>) {
  return appendAuditEvent(tx, {
    actorId: actor.viewer.userId,
    entity: "SupervisionNotice",
    entityId: notice.id,
    projectId: notice.projectId,
    action,
    before,
    after,
    requestId: actor.requestId,
  });
}

export interface IssueNotice {
  projectId: number;
  subject: string;
  requirement: string;
  replyDeadline: Date;
}

export async function issueNotice(tx: Tx, actor: Actor, input: IssueNotice, now = new Date()): Promise<SupervisionNotice> {
  if (!canConfigure(actor.viewer)) throw new ForbiddenError("督办单由领导小组办公室下发");
  const subject = text(input.subject, "subject", "督办事项", 100)!;
  const requirement = text(input.requirement, "requirement", "督办要求", 2000)!;
  if (input.replyDeadline.getTime() < todayInChina(now).getTime()) {
    throw new ValidationError("回复期限不能早于今天", "replyDeadline");
  }
  const project = await tx.project.findUnique({ where: { id: input.projectId } });
  if (!project || project.archivedAt) throw new NotFoundError("项目");
  const notice = await tx.supervisionNotice.create({
    data: {
      projectId: project.id,
      unitId: project.responsibleUnitId,
      subject,
      requirement,
      replyDeadline: input.replyDeadline,
      issuedAt: now,
      issuedById: actor.viewer.userId,
    },
  });
  await audit(tx, actor, notice, "notice.issue", null, {
    unitId: notice.unitId,
    subject,
    requirement,
    replyDeadline: isoDate(notice.replyDeadline),
    state: notice.state,
  });
  return notice;
}

/** Locks the notice's row so that two state changes at once cannot both pass the state check. */
async function lockNotice(tx: Tx, noticeId: number): Promise<SupervisionNotice> {
  await tx.$queryRaw`SELECT id FROM supervision_notice WHERE id = ${noticeId} FOR UPDATE`;
  const notice = await tx.supervisionNotice.findUnique({ where: { id: noticeId } });
  if (!notice) throw new NotFoundError("督办单");
  return notice;
}

function refuseState(notice: SupervisionNotice, allowed: NoticeState[], what: string): void {
  if (!allowed.includes(notice.state)) {
    throw new ValidationError(`督办单${STATE_NAMES[notice.state]}，不能${what}`, "state");
  }
}

export async function replyNotice(tx: Tx, actor: Actor, input: { noticeId: number; reply: string }, now = new Date()): Promise<SupervisionNotice> {
  const notice = await lockNotice(tx, input.noticeId);
  if (actor.viewer.role !== "OWNER" || actor.viewer.unitId !== notice.unitId) {
    throw new ForbiddenError("只有被督办单位的业主账号可以回复");
  }
  refuseState(notice, ["ISSUED"], "回复");
  const reply = text(input.reply, "reply", "回复内容", 2000)!;
  const late = endOfChinaDay(notice.replyDeadline).getTime() < now.getTime();
  const updated = await tx.supervisionNotice.update({
    where: { id: notice.id },
    data: { state: "REPLIED", reply, repliedAt: now, repliedById: actor.viewer.userId, replyLate: late },
  });
  await audit(tx, actor, updated, "notice.reply", { state: notice.state }, { state: updated.state, reply, late });
  return updated;
}

export async function resolveNotice(
  tx: Tx,
  actor: Actor,
  input: { noticeId: number; outcome: "CLOSED" | "ESCALATED"; note: string | null },
  now = new Date(),
): Promise<SupervisionNotice> {
  if (!canConfigure(actor.viewer)) throw new ForbiddenError("督办单由领导小组办公室办结或提请");
  const notice = await lockNotice(tx, input.noticeId);
  const escalate = input.outcome === "ESCALATED";
  refuseState(notice, escalate ? ["ISSUED", "REPLIED"] : ["REPLIED"], escalate ? "提请领导小组" : "办结");
  const note = escalate ? text(input.note, "note", "提请说明", 1000) : text(input.note, "note", "办结意见", 1000, false);
  const updated = await tx.supervisionNotice.update({
    where: { id: notice.id },
    data: { state: input.outcome, resolvedAt: now, resolvedById: actor.viewer.userId, resolutionNote: note },
  });
  await audit(tx, actor, updated, escalate ? "notice.escalate" : "notice.close", { state: notice.state }, { state: updated.state, note });
  return updated;
}

export interface NoticeFilter {
  unitId?: number | null;
  state?: NoticeState | null;
  overdue?: boolean | null;
  projectId?: number | null;
}

/** Who sees which notices: owners their unit's, the other readers all. */
export function noticeWhere(viewer: Viewer, filter: NoticeFilter, now = new Date()): Prisma.SupervisionNoticeWhereInput {
  const and: Prisma.SupervisionNoticeWhereInput[] = [];
  if (viewer.role === "OWNER") and.push({ unitId: viewer.unitId ?? -1 });
  if (filter.unitId) and.push({ unitId: filter.unitId });
  if (filter.state) and.push({ state: filter.state });
  if (filter.projectId) and.push({ projectId: filter.projectId });
  // Overdue: still waiting for a reply after the deadline's day (China time) is over.
  const lastOverdueDeadline = new Date(todayInChina(now).getTime() - 86_400_000);
  if (filter.overdue === true) and.push({ state: "ISSUED", replyDeadline: { lte: lastOverdueDeadline } });
  if (filter.overdue === false) and.push({ NOT: { state: "ISSUED", replyDeadline: { lte: lastOverdueDeadline } } });
  return { AND: and };
}
