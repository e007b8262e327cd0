// Changes to a project's records, each audited and counted in its version (see change.ts).
import { Prisma, type BlockerKind, type FundingKind, type Project, type PrismaClient } from "@prisma/client";
import { inTransaction } from "../../db/transaction.js";
import { currentMonthInChina, todayInChina } from "../common/calendar.js";
import { NotFoundError, ValidationError } from "../common/errors.js";
import type { Actor } from "../../context.js";
import { loadForChange, recordChange } from "./change.js";
import { TEXT_LIMITS } from "./limits.js";

/** The limit of the free texts kept with a project's records (reports, blockers, gate items). */
const MAX_TEXT = 2000;

function text(value: string | null | undefined, field: string, label: string, required = false, max = MAX_TEXT): string | null {
  const trimmed = value?.trim() ?? "";
  if (required && !trimmed) throw new ValidationError(`请填写${label}`, field);
  if (trimmed.length > max) throw new ValidationError(`${label}不能超过 ${max} 字`, field);
  return trimmed || null;
}

function money(value: string, field: string, label: string): Prisma.Decimal {
  const amount = new Prisma.Decimal(value);
  if (amount.isNegative()) throw new ValidationError(`${label}不能为负数`, field);
  if (amount.decimalPlaces() > 2) throw new ValidationError(`${label}最多保留两位小数（万元）`, field);
  return amount;
}

// ---------------------------------------------------------------------------------------------
// Project fields

export interface ProjectPatch {
  name?: string;
  description?: string | null;
  totalInvestment?: string;
  plannedStart?: Date | null;
  plannedCompletion?: Date | null;
  targetQuantity?: string | null;
  targetUnit?: string | null;
  acceptanceDate?: Date | null;
  acceptanceRef?: string | null;
  fundingSources?: { kind: FundingKind; amount: string }[];
}

function pick(project: Project, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, (project as unknown as Record<string, unknown>)[k]]));
}

export async function updateProject(
  prisma: PrismaClient,
  actor: Actor,
  projectId: number,
  expectedVersion: number,
  patch: ProjectPatch,
): Promise<Project> {
  return inTransaction(prisma, async (tx) => {
    const project = await loadForChange(tx, actor, projectId, expectedVersion);
    const data: Prisma.ProjectUpdateInput = {};
    if (patch.name !== undefined) data.name = text(patch.name, "name", "项目名称", true, TEXT_LIMITS.name)!;
    if (patch.description !== undefined) data.description = text(patch.description, "description", "项目简介", false, TEXT_LIMITS.description);
    if (patch.totalInvestment !== undefined) data.totalInvestment = money(patch.totalInvestment, "totalInvestment", "总投资");
    if (patch.plannedStart !== undefined) data.plannedStart = patch.plannedStart;
    if (patch.plannedCompletion !== undefined) data.plannedCompletion = patch.plannedCompletion;
    if (patch.targetQuantity !== undefined) {
      data.targetQuantity = patch.targetQuantity === null ? null : money(patch.targetQuantity, "targetQuantity", "目标数量");
    }
    if (patch.targetUnit !== undefined) data.targetUnit = text(patch.targetUnit, "targetUnit", "计量单位", false, TEXT_LIMITS.targetUnit);
    if (patch.acceptanceDate !== undefined) data.acceptanceDate = patch.acceptanceDate;
    if (patch.acceptanceRef !== undefined) data.acceptanceRef = text(patch.acceptanceRef, "acceptanceRef", "验收文件文号", false, TEXT_LIMITS.acceptanceRef);

    const start = patch.plannedStart !== undefined ? patch.plannedStart : project.plannedStart;
    const end = patch.plannedCompletion !== undefined ? patch.plannedCompletion : project.plannedCompletion;
    if (start && end && end < start) throw new ValidationError("计划竣工日期不能早于计划开工日期", "plannedCompletion");
    if (patch.acceptanceDate && patch.acceptanceDate > todayInChina()) {
      throw new ValidationError("验收日期不能晚于今天", "acceptanceDate");
    }

    const keys = Object.keys(data);
    const before = pick(project, keys);
    const after: Record<string, unknown> = { ...data };
    if (patch.fundingSources !== undefined) {
      const kinds = new Set(patch.fundingSources.map((f) => f.kind));
      if (kinds.size !== patch.fundingSources.length) throw new ValidationError("每种资金来源只能填写一次", "fundingSources");
      const sources = patch.fundingSources.map((f) => ({ kind: f.kind, amount: money(f.amount, "fundingSources", "资金金额") }));
      const previous = await tx.projectFunding.findMany({ where: { projectId, removedAt: null }, orderBy: { kind: "asc" } });
      before.fundingSources = previous.map((f) => ({ kind: f.kind, amount: f.amount.toString() }));
      after.fundingSources = sources.map((f) => ({ kind: f.kind, amount: f.amount.toString() }));
      // One row per kind, kept: a source taken off is marked removed, one put back is active again.
      for (const source of sources) {
        await tx.projectFunding.upsert({
          where: { projectId_kind: { projectId, kind: source.kind } },
          create: { projectId, ...source },
          update: { amount: source.amount, removedAt: null },
        });
      }
      await tx.projectFunding.updateMany({
        where: { projectId, removedAt: null, kind: { notIn: sources.map((f) => f.kind) } },
        data: { removedAt: new Date() },
      });
    }
    if (Object.keys(after).length === 0) throw new ValidationError("没有需要保存的修改");
    return recordChange(tx, actor, project, { action: "project.update", before, after, data });
  });
}

// ---------------------------------------------------------------------------------------------
// Gate checklist items

export async function setGateItem(
  prisma: PrismaClient,
  actor: Actor,
  input: { projectId: number; requirementId: number; done: boolean; reference?: string | null },
): Promise<Project> {
  return inTransaction(prisma, async (tx) => {
    const project = await loadForChange(tx, actor, input.projectId);
    const requirement = await tx.gateRequirement.findUnique({ where: { id: input.requirementId } });
    if (!requirement) throw new NotFoundError("阶段条件");
    if (requirement.check !== "MANUAL") {
      throw new ValidationError(`「${requirement.label}」由系统根据项目资料自动判断，无需勾选`, "requirementId");
    }
    const reference = text(input.reference, "reference", "文号或说明");
    const key = { projectId_requirementId: { projectId: project.id, requirementId: requirement.id } };
    const previous = await tx.projectGateItem.findUnique({ where: key });
    const now = new Date();
    await tx.projectGateItem.upsert({
      where: key,
      create: { projectId: project.id, requirementId: requirement.id, done: input.done, reference, updatedAt: now },
      update: { done: input.done, reference, updatedAt: now },
    });
    return recordChange(tx, actor, project, {
      action: "project.gate-item",
      entity: { name: "ProjectGateItem", id: `${project.id}:${requirement.id}` },
      before: previous ? { key: requirement.key, done: previous.done, reference: previous.reference } : null,
      after: { key: requirement.key, label: requirement.label, done: input.done, reference },
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Monthly progress reports (月度进度)

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export async function submitProgressReport(
  prisma: PrismaClient,
  actor: Actor,
  input: { projectId: number; month: string; investmentThisMonth: string; narrative: string; problems?: string | null },
): Promise<Project> {
  if (!MONTH.test(input.month)) throw new ValidationError("月份格式应为 YYYY-MM", "month");
  if (input.month > currentMonthInChina()) throw new ValidationError("不能填报未来月份的进度", "month");
  if (input.month < "2020-01") throw new ValidationError("月份不能早于 2020 年", "month");
  const investment = money(input.investmentThisMonth, "investmentThisMonth", "本月完成投资");
  const narrative = text(input.narrative, "narrative", "形象进度", true)!;
  const problems = text(input.problems, "problems", "存在问题");
  return inTransaction(prisma, async (tx) => {
    const project = await loadForChange(tx, actor, input.projectId);
    const key = { projectId_month: { projectId: project.id, month: input.month } };
    const previous = await tx.progressReport.findUnique({ where: key });
    const report = await tx.progressReport.upsert({
      where: key,
      create: { projectId: project.id, month: input.month, investmentThisMonth: investment, narrative, problems, reportedAt: new Date() },
      update: { investmentThisMonth: investment, narrative, problems, reportedAt: new Date() },
    });
    // Completed investment is the sum of the monthly reports.
    const total = await tx.progressReport.aggregate({ where: { projectId: project.id }, _sum: { investmentThisMonth: true } });
    const completedInvestment = total._sum.investmentThisMonth ?? new Prisma.Decimal(0);
    if (completedInvestment.greaterThan(project.totalInvestment)) {
      throw new ValidationError("累计完成投资不能超过项目总投资", "investmentThisMonth");
    }
    return recordChange(tx, actor, project, {
      action: previous ? "progress-report.revise" : "progress-report.submit",
      entity: { name: "ProgressReport", id: report.id },
      before: previous && { month: previous.month, investmentThisMonth: previous.investmentThisMonth, narrative: previous.narrative, problems: previous.problems },
      after: { month: input.month, investmentThisMonth: investment, narrative, problems, completedInvestment },
      data: { completedInvestment },
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Blockers (要素保障)

export async function raiseBlocker(
  prisma: PrismaClient,
  actor: Actor,
  input: { projectId: number; kind: BlockerKind; description: string },
): Promise<Project> {
  const description = text(input.description, "description", "问题描述", true)!;
  return inTransaction(prisma, async (tx) => {
    const project = await loadForChange(tx, actor, input.projectId);
    const blocker = await tx.blocker.create({ data: { projectId: project.id, kind: input.kind, description, raisedAt: new Date() } });
    return recordChange(tx, actor, project, {
      action: "blocker.raise",
      entity: { name: "Blocker", id: blocker.id },
      before: null,
      after: { kind: blocker.kind, description },
    });
  });
}

export async function resolveBlocker(
  prisma: PrismaClient,
  actor: Actor,
  input: { blockerId: number; resolution: string },
): Promise<Project> {
  const resolution = text(input.resolution, "resolution", "解决情况", true)!;
  return inTransaction(prisma, async (tx) => {
    const found = await tx.blocker.findUnique({ where: { id: input.blockerId } });
    if (!found) throw new NotFoundError("问题");
    const project = await loadForChange(tx, actor, found.projectId);
    const blocker = await tx.blocker.findUniqueOrThrow({ where: { id: input.blockerId } });
    if (blocker.resolvedAt) throw new ValidationError("该问题已解决", "blockerId");
    await tx.blocker.update({ where: { id: blocker.id }, data: { resolvedAt: new Date(), resolution } });
    return recordChange(tx, actor, project, {
      action: "blocker.resolve",
      entity: { name: "Blocker", id: blocker.id },
      before: { resolvedAt: null },
      after: { kind: blocker.kind, resolution },
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Archiving: nothing is ever deleted; an archived project leaves the boards and keeps its record.

export async function setArchived(
  prisma: PrismaClient,
  actor: Actor,
  input: { projectId: number; expectedVersion: number; archived: boolean; reason: string },
): Promise<Project> {
  const reason = text(input.reason, "reason", input.archived ? "归档原因" : "恢复原因", true)!;
  return inTransaction(prisma, async (tx) => {
    const project = await loadForChange(tx, actor, input.projectId, input.expectedVersion, { allowArchived: true });
    if ((project.archivedAt !== null) === input.archived) {
      throw new ValidationError(input.archived ? "项目已归档" : "项目未归档", "projectId");
    }
    const archivedAt = input.archived ? new Date() : null;
    return recordChange(tx, actor, project, {
      action: input.archived ? "project.archive" : "project.restore",
      before: { archivedAt: project.archivedAt },
      after: { archivedAt, reason },
      data: { archivedAt },
    });
  });
}
