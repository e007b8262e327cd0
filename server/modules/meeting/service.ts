// Dispatch meetings (调度会议): the agenda is generated from the bottlenecks as of the meeting's date
// (stuck, overdue, blocked), grouped by responsible unit, and frozen into the meeting; decisions are
// recorded as tasks for a unit with a deadline and tracked to closure. Every write is audited.
import type { DispatchMeeting, MeetingTask, PrismaClient } from "@prisma/client";
import type { Actor } from "../../context.js";
import type { Database } from "../../db/client.js";
import { inTransaction } from "../../db/transaction.js";
import { appendAuditEvent } from "../audit/service.js";
import { endOfChinaDay, todayInChina } from "../common/calendar.js";
import { NotFoundError, ValidationError } from "../common/errors.js";
import { STAGE_NAMES } from "../common/stage.js";
import { blockerList, overdueMilestones, stuckProjects, type BottleneckScope } from "../bottleneck/service.js";
import { BLOCKER_KIND_NAMES } from "./labels.js";

export type AgendaKind = "STUCK" | "OVERDUE" | "BLOCKED";

export interface AgendaItem {
  projectId: number;
  code: string;
  name: string;
  kind: AgendaKind;
  /** What the item is about, in Chinese: 在「准备」阶段滞留 180 天（阈值 120 天）. */
  detail: string;
  days: number;
}

export interface AgendaUnit {
  unitId: number;
  unitName: string;
  items: AgendaItem[];
}

/** The frozen agenda: the bottlenecks as of `asOf`, by unit (most items first). */
export interface Agenda {
  asOf: string;
  units: AgendaUnit[];
}

/** Most items of each kind an agenda carries. */
const AGENDA_LIMIT = 300;

export async function generateAgenda({ prisma, sql }: Database, asOf: Date): Promise<Agenda> {
  const scope: BottleneckScope = { asOf };
  const [stuck, overdue, blocked] = await Promise.all([
    stuckProjects(sql, scope, AGENDA_LIMIT),
    overdueMilestones(sql, scope, AGENDA_LIMIT),
    blockerList(sql, scope, AGENDA_LIMIT),
  ]);
  const items: (Omit<AgendaItem, "code" | "name">)[] = [
    ...stuck.rows.map((r) => ({
      projectId: r.projectId,
      kind: "STUCK" as const,
      detail: `在「${STAGE_NAMES[r.stage]}」阶段滞留 ${r.dwellDays} 天（阈值 ${r.thresholdDays} 天）`,
      days: r.dwellDays,
    })),
    ...overdue.rows.map((r) => ({
      projectId: r.projectId,
      kind: "OVERDUE" as const,
      detail: `节点「${r.name}」计划 ${r.plannedDate.toISOString().slice(0, 10)} 完成，逾期 ${r.daysOverdue} 天`,
      days: r.daysOverdue,
    })),
    ...blocked.map((r) => ({
      projectId: r.projectId,
      kind: "BLOCKED" as const,
      detail: `${BLOCKER_KIND_NAMES[r.kind]}堵点：${r.description}（已 ${r.ageDays} 天）`,
      days: r.ageDays,
    })),
  ];
  const projects = await prisma.project.findMany({
    where: { id: { in: [...new Set(items.map((i) => i.projectId))] } },
    select: { id: true, code: true, name: true, responsibleUnit: { select: { id: true, name: true } } },
  });
  const byId = new Map(projects.map((p) => [p.id, p]));
  const units = new Map<number, AgendaUnit>();
  for (const item of items) {
    const project = byId.get(item.projectId)!;
    const unit = units.get(project.responsibleUnit.id) ?? { unitId: project.responsibleUnit.id, unitName: project.responsibleUnit.name, items: [] };
    unit.items.push({ ...item, code: project.code, name: project.name });
    units.set(unit.unitId, unit);
  }
  const order: Record<AgendaKind, number> = { STUCK: 0, OVERDUE: 1, BLOCKED: 2 };
  for (const unit of units.values()) unit.items.sort((a, b) => a.code.localeCompare(b.code) || order[a.kind] - order[b.kind]);
  return {
    asOf: asOf.toISOString(),
    units: [...units.values()].sort((a, b) => b.items.length - a.items.length || a.unitName.localeCompare(b.unitName, "zh")),
  };
}

export async function createMeeting(db: Database, actor: Actor, input: { date: Date; title?: string | null }): Promise<DispatchMeeting> {
  const title = input.title?.trim() || `${input.date.toISOString().slice(0, 10)} 调度会议`;
  if (title.length > 100) throw new ValidationError("会议名称不超过 100 字", "title");
  const now = new Date();
  const dayEnd = endOfChinaDay(input.date);
  // A meeting today or ahead is prepared from the bottlenecks as they stand now.
  const asOf = dayEnd < now ? dayEnd : now;
  const agenda = await generateAgenda(db, asOf);
  return inTransaction(db.prisma, async (tx) => {
    const meeting = await tx.dispatchMeeting.create({
      data: { title, date: input.date, agenda: agenda as object, generatedAt: now, createdById: actor.viewer.userId },
    });
    await appendAuditEvent(tx, {
      actorId: actor.viewer.userId,
      entity: "DispatchMeeting",
      entityId: meeting.id,
      action: "meeting.create",
      before: null,
      after: { title, date: input.date.toISOString().slice(0, 10), asOf: agenda.asOf, units: agenda.units.length, items: agenda.units.reduce((n, u) => n + u.items.length, 0) },
      requestId: actor.requestId,
    });
    return meeting;
  });
}

export interface AddTaskInput {
  meetingId: number;
  unitId: number;
  projectId: number | null;
  decision: string;
  deadline: Date;
}

export async function addMeetingTask(prisma: PrismaClient, actor: Actor, input: AddTaskInput): Promise<MeetingTask> {
  const decision = input.decision.trim();
  if (!decision || decision.length > 1000) throw new ValidationError("请填写议定事项（不超过 1000 字）", "decision");
  return inTransaction(prisma, async (tx) => {
    const meeting = await tx.dispatchMeeting.findUnique({ where: { id: input.meetingId } });
    if (!meeting) throw new NotFoundError("会议");
    if (input.deadline < meeting.date) throw new ValidationError("完成时限不能早于会议日期", "deadline");
    if (!(await tx.unit.findUnique({ where: { id: input.unitId } }))) throw new NotFoundError("责任单位");
    if (input.projectId && !(await tx.project.findUnique({ where: { id: input.projectId } }))) throw new NotFoundError("项目");
    const task = await tx.meetingTask.create({
      data: { meetingId: meeting.id, unitId: input.unitId, projectId: input.projectId, decision, deadline: input.deadline },
    });
    await appendAuditEvent(tx, {
      actorId: actor.viewer.userId,
      entity: "MeetingTask",
      entityId: task.id,
      projectId: input.projectId,
      action: "meeting-task.create",
      before: null,
      after: { meetingId: meeting.id, unitId: input.unitId, decision, deadline: input.deadline.toISOString().slice(0, 10) },
      requestId: actor.requestId,
    });
    return task;
  });
}

export async function closeMeetingTask(prisma: PrismaClient, actor: Actor, input: { taskId: number; note: string }): Promise<MeetingTask> {
  const note = input.note.trim();
  if (!note || note.length > 1000) throw new ValidationError("请填写办结情况（不超过 1000 字）", "note");
  return inTransaction(prisma, async (tx) => {
    await tx.$queryRaw`SELECT id FROM meeting_task WHERE id = ${input.taskId} FOR UPDATE`;
    const task = await tx.meetingTask.findUnique({ where: { id: input.taskId } });
    if (!task) throw new NotFoundError("交办事项");
    if (task.status === "DONE") throw new ValidationError("该事项已办结", "taskId");
    const closedAt = new Date();
    const closed = await tx.meetingTask.update({ where: { id: task.id }, data: { status: "DONE", closedAt, closeNote: note } });
    await appendAuditEvent(tx, {
      actorId: actor.viewer.userId,
      entity: "MeetingTask",
      entityId: task.id,
      projectId: task.projectId,
      action: "meeting-task.close",
      before: { status: task.status },
      after: { status: "DONE", closeNote: note, closedAt },
      requestId: actor.requestId,
    });
    return closed;
  });
}

/** An open task past its deadline (China's today). */
export function isTaskOverdue(task: Pick<MeetingTask, "status" | "deadline">, now = new Date()): boolean {
  return task.status === "OPEN" && task.deadline < todayInChina(now);
}
