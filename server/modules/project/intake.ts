// 入库: registering new projects in 储备, one from the form or many from the office's 项目清单 (XLSX).
// Every row is checked before anything is written; an import writes all its rows or none.
import { Prisma, type FundingKind, type PrismaClient, type Project } from "@prisma/client";
import type { Actor } from "../../context.js";
import { inTransaction, type Tx } from "../../db/transaction.js";
import { appendAuditEvents } from "../audit/service.js";
import { canChangeProject } from "../auth/policy.js";
import { ForbiddenError, ValidationError } from "../common/errors.js";
import { TEXT_LIMITS } from "./limits.js";

export interface NewProject {
  code?: string | null;
  name: string;
  subTaskId: number;
  responsibleUnitId: number;
  ownerUnitId?: number | null;
  townshipId?: number | null;
  description?: string | null;
  totalInvestment: string;
  plannedStart?: Date | null;
  plannedCompletion?: Date | null;
  targetQuantity?: string | null;
  targetUnit?: string | null;
  fundingSources?: { kind: FundingKind; amount: string }[];
}

export interface RowProblem {
  field: string;
  message: string;
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$/;
// The columns are numeric(14, 2): twelve digits before the point, two after.
const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;

/** Checks one new project against the rules and the reference data; returns its problems. */
export async function checkNewProject(tx: Tx, actor: Actor, input: NewProject): Promise<RowProblem[]> {
  const problems: RowProblem[] = [];
  const name = input.name?.trim() ?? "";
  if (!name) problems.push({ field: "name", message: "请填写项目名称" });
  else if (name.length > TEXT_LIMITS.name) problems.push({ field: "name", message: `项目名称不能超过 ${TEXT_LIMITS.name} 字` });
  if (input.code && !CODE.test(input.code)) problems.push({ field: "code", message: "项目编号为 2–40 位字母、数字、点、下划线或连字符" });
  if (input.code && (await tx.project.findUnique({ where: { code: input.code } }))) {
    problems.push({ field: "code", message: `项目编号 ${input.code} 已存在` });
  }
  let investment: Prisma.Decimal | null = null;
  try {
    investment = new Prisma.Decimal(input.totalInvestment);
  } catch {
    problems.push({ field: "totalInvestment", message: "总投资应为数字（万元）" });
  }
  if (investment && (investment.isNegative() || investment.isZero())) problems.push({ field: "totalInvestment", message: "总投资应大于 0" });
  if (investment && investment.decimalPlaces() > 2) problems.push({ field: "totalInvestment", message: "总投资最多保留两位小数（万元）" });
  const quantity = input.targetQuantity?.trim() ?? "";
  const targetUnit = input.targetUnit?.trim() ?? "";
  if (quantity && !AMOUNT.test(quantity)) problems.push({ field: "targetQuantity", message: "目标数量应为非负数，最多两位小数" });
  if (quantity && !targetUnit) problems.push({ field: "targetUnit", message: "填写了目标数量，请同时填写计量单位（如 个、公里）" });
  if (targetUnit && !quantity) problems.push({ field: "targetQuantity", message: "填写了计量单位，请同时填写目标数量" });
  if (targetUnit.length > TEXT_LIMITS.targetUnit) problems.push({ field: "targetUnit", message: `计量单位不能超过 ${TEXT_LIMITS.targetUnit} 字` });
  if ((input.description?.trim().length ?? 0) > TEXT_LIMITS.description) {
    problems.push({ field: "description", message: `项目简介不能超过 ${TEXT_LIMITS.description} 字` });
  }
  if (input.plannedStart && input.plannedCompletion && input.plannedCompletion < input.plannedStart) {
    problems.push({ field: "plannedCompletion", message: "计划竣工日期不能早于计划开工日期" });
  }
  if (!(await tx.subTask.findUnique({ where: { id: input.subTaskId } }))) problems.push({ field: "subTaskId", message: "子任务不存在" });
  const units = new Set(
    (await tx.unit.findMany({ where: { id: { in: [input.responsibleUnitId, input.ownerUnitId, input.townshipId].filter((id): id is number => !!id) } } })).map(
      (u) => u.id,
    ),
  );
  if (!units.has(input.responsibleUnitId)) problems.push({ field: "responsibleUnitId", message: "责任单位不存在" });
  else if (!canChangeProject(actor.viewer, { responsibleUnitId: input.responsibleUnitId })) {
    problems.push({ field: "responsibleUnitId", message: "只能为本单位登记项目" });
  }
  if (input.ownerUnitId && !units.has(input.ownerUnitId)) problems.push({ field: "ownerUnitId", message: "业主单位不存在" });
  if (input.townshipId && !units.has(input.townshipId)) problems.push({ field: "townshipId", message: "乡镇（街道）不存在" });
  const kinds = new Set<string>();
  for (const source of input.fundingSources ?? []) {
    if (kinds.has(source.kind)) problems.push({ field: "fundingSources", message: "每种资金来源只能填写一次" });
    kinds.add(source.kind);
    if (!AMOUNT.test(source.amount)) problems.push({ field: "fundingSources", message: "资金金额应为非负数（万元，最多两位小数）" });
  }
  return problems;
}

/** The next free code in the sub-task's series, e.g. QX-2.1-17. */
async function nextCode(tx: Tx, subTaskId: number): Promise<string> {
  const subTask = await tx.subTask.findUniqueOrThrow({ where: { id: subTaskId } });
  const prefix = `QX-${subTask.code}-`;
  const codes = await tx.project.findMany({ where: { code: { startsWith: prefix } }, select: { code: true } });
  const numbers = codes.map((c) => Number(c.code.slice(prefix.length))).filter(Number.isInteger);
  return `${prefix}${String(Math.max(0, ...numbers) + 1).padStart(2, "0")}`;
}

/** Writes checked projects, each entering 储备 now, with one audit event each. */
async function insertNewProjects(tx: Tx, actor: Actor, inputs: NewProject[]): Promise<Project[]> {
  // Codes are handed out one registration at a time.
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(7261002)::text`;
  const now = new Date();
  const created: Project[] = [];
  for (const input of inputs) {
    const subTask = await tx.subTask.findUniqueOrThrow({ where: { id: input.subTaskId } });
    const project = await tx.project.create({
      data: {
        code: input.code || (await nextCode(tx, input.subTaskId)),
        name: input.name.trim(),
        description: input.description?.trim() || null,
        actionId: subTask.actionId,
        subTaskId: subTask.id,
        responsibleUnitId: input.responsibleUnitId,
        ownerUnitId: input.ownerUnitId ?? input.responsibleUnitId,
        townshipId: input.townshipId ?? null,
        stage: "RESERVE",
        version: 1,
        stageEnteredAt: now,
        totalInvestment: input.totalInvestment,
        plannedStart: input.plannedStart ?? null,
        plannedCompletion: input.plannedCompletion ?? null,
        targetQuantity: input.targetQuantity?.trim() || null,
        targetUnit: input.targetUnit?.trim() || null,
        fundingSources: { create: (input.fundingSources ?? []).map((f) => ({ kind: f.kind, amount: f.amount })) },
        transitions: { create: { fromStage: null, toStage: "RESERVE", kind: "INTAKE", at: now, actorId: actor.viewer.userId } },
      },
    });
    created.push(project);
  }
  await appendAuditEvents(
    tx,
    created.map((p) => ({
      at: now,
      actorId: actor.viewer.userId,
      entity: "Project",
      entityId: p.id,
      projectId: p.id,
      action: "project.create",
      before: null,
      after: { code: p.code, name: p.name, stage: p.stage, totalInvestment: p.totalInvestment, responsibleUnitId: p.responsibleUnitId },
      requestId: actor.requestId,
    })),
  );
  return created;
}

export async function createProject(prisma: PrismaClient, actor: Actor, input: NewProject): Promise<Project> {
  return inTransaction(prisma, async (tx) => {
    const problems = await checkNewProject(tx, actor, input);
    if (problems.some((p) => p.field === "responsibleUnitId" && p.message.startsWith("只能"))) throw new ForbiddenError("只能为本单位登记项目");
    if (problems.length > 0) throw new ValidationError(problems[0]!.message, problems[0]!.field);
    const [project] = await insertNewProjects(tx, actor, [input]);
    return project!;
  });
}

export interface ImportRow {
  /** 1-based row number in the sheet, the header being row 1. */
  row: number;
  /** The row's 项目编号 and 项目名称 as written, so that even a row that cannot be read is recognisable. */
  code: string | null;
  name: string | null;
  input: NewProject | null;
  problems: RowProblem[];
  /** The project written from this row, once the import has been written. */
  project?: Project;
}

/** Checks every row; writes them all only when `write` is set and no row has a problem. */
export async function importProjects(prisma: PrismaClient, actor: Actor, rows: ImportRow[], write: boolean): Promise<{ rows: ImportRow[]; created: Project[] }> {
  return inTransaction(prisma, async (tx) => {
    const codes = new Map<string, number>();
    for (const row of rows) {
      if (!row.input) continue;
      row.problems.push(...(await checkNewProject(tx, actor, row.input)));
      const code = row.input.code;
      if (code) {
        if (codes.has(code)) row.problems.push({ field: "code", message: `与第 ${codes.get(code)} 行的项目编号重复` });
        else codes.set(code, row.row);
      }
    }
    if (!write || rows.some((r) => r.problems.length > 0)) return { rows, created: [] };
    const created = await insertNewProjects(tx, actor, rows.map((r) => r.input!));
    rows.forEach((row, i) => (row.project = created[i]));
    return { rows, created };
  });
}
