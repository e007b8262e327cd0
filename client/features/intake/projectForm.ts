// The registration form's values, its checks (in Chinese, before anything is sent; the server checks
// again, see server/modules/project/intake.ts) and the createProject input built from it.
import type { SchemaType, VariablesOf } from "../../graphql";
import type { CreateProjectMutation } from "./useCreateProject";

type FundingKind = SchemaType<"FundingKind">;

export interface FundingRow {
  /** Stable across edits, for React keys and the row's field ids. */
  key: string;
  kind: FundingKind | "";
  amount: string;
}

export interface ProjectFormValues {
  subTaskId: string;
  name: string;
  code: string;
  responsibleUnitId: string;
  ownerUnitId: string;
  townshipId: string;
  totalInvestment: string;
  plannedStart: string;
  plannedCompletion: string;
  targetQuantity: string;
  targetUnit: string;
  description: string;
  fundingSources: FundingRow[];
}

/** The form's fields, named as createProject's input (the server's ValidationError names them so). */
export type FieldName = Exclude<keyof ProjectFormValues, "fundingSources"> | "fundingSources";

export interface FormErrors {
  fields: Partial<Record<FieldName, string>>;
  /** By funding row key. */
  fundingRows: Partial<Record<string, string>>;
}

export const NO_ERRORS: FormErrors = { fields: {}, fundingRows: {} };

export function emptyProjectForm(responsibleUnitId = ""): ProjectFormValues {
  return {
    subTaskId: "",
    name: "",
    code: "",
    responsibleUnitId,
    ownerUnitId: "",
    townshipId: "",
    totalInvestment: "",
    plannedStart: "",
    plannedCompletion: "",
    targetQuantity: "",
    targetUnit: "",
    description: "",
    fundingSources: [],
  };
}

/** The order fields appear in, so that the first one in error gets the focus. */
export const FIELD_ORDER: readonly FieldName[] = [
  "name",
  "subTaskId",
  "code",
  "responsibleUnitId",
  "ownerUnitId",
  "townshipId",
  "totalInvestment",
  "plannedStart",
  "plannedCompletion",
  "targetQuantity",
  "targetUnit",
  "fundingSources",
  "description",
];

export function isFieldName(value: string | null | undefined): value is FieldName {
  return FIELD_ORDER.includes(value as FieldName);
}

export const MAX_NAME = 200;
export const MAX_DESCRIPTION = 2000;
export const MAX_TARGET_UNIT = 20;
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$/;
// numeric(14, 2) in the database: twelve digits before the point, two after.
const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;

/** An amount as typed ("1,200.50", " 35 ") as the Decimal the API takes ("1200.50"). */
export function normalizeAmount(text: string): string {
  return text.replace(/[,，\s]/g, "");
}

/** Why an amount in 万元 is not acceptable, or null; `positive` refuses 0 too. */
function amountProblem(text: string, label: string, positive: boolean): string | null {
  const value = normalizeAmount(text);
  if (value.startsWith("-")) return positive ? `${label}应大于 0` : `${label}不能为负数`;
  if (!AMOUNT.test(value)) {
    if (/^\d{13,}(\.\d*)?$/.test(value)) return `${label}过大（万元，最多 12 位整数）`;
    return /^\d*\.\d{3,}$/.test(value) ? `${label}最多保留两位小数` : `${label}应为数字，如 1200 或 35.5`;
  }
  if (positive && Number(value) === 0) return `${label}应大于 0`;
  return null;
}

/** A date the API accepts (YYYY-MM-DD between 1900 and 2200). */
function dateProblem(value: string): string | null {
  if (!value) return null;
  const match = /^(\d{4})-\d{2}-\d{2}$/.exec(value);
  if (!match) return "请填写有效的日期";
  const year = Number(match[1]);
  return year < 1900 || year > 2200 ? "日期应在 1900 年至 2200 年之间" : null;
}

export function validateProjectForm(values: ProjectFormValues): FormErrors {
  const fields: FormErrors["fields"] = {};
  const fundingRows: FormErrors["fundingRows"] = {};
  const name = values.name.trim();
  if (!values.subTaskId) fields.subTaskId = "请选择子任务";
  if (!name) fields.name = "请填写项目名称";
  else if (name.length > MAX_NAME) fields.name = `项目名称不能超过 ${MAX_NAME} 字`;
  const code = values.code.trim();
  if (code && !CODE.test(code)) fields.code = "项目编号为 2–40 位字母、数字、点、下划线或连字符";
  if (!values.responsibleUnitId) fields.responsibleUnitId = "请选择责任单位";

  if (!values.totalInvestment.trim()) fields.totalInvestment = "请填写总投资";
  else {
    const problem = amountProblem(values.totalInvestment, "总投资", true);
    if (problem) fields.totalInvestment = problem;
  }

  const startProblem = dateProblem(values.plannedStart);
  const completionProblem = dateProblem(values.plannedCompletion);
  if (startProblem) fields.plannedStart = startProblem;
  if (completionProblem) fields.plannedCompletion = completionProblem;
  if (!startProblem && !completionProblem && values.plannedStart && values.plannedCompletion && values.plannedCompletion < values.plannedStart) {
    fields.plannedCompletion = "计划竣工日期不能早于计划开工日期";
  }

  const quantity = values.targetQuantity.trim();
  const unit = values.targetUnit.trim();
  if (quantity) {
    const problem = amountProblem(quantity, "目标数量", false);
    if (problem) fields.targetQuantity = problem;
  }
  if (quantity && !unit) fields.targetUnit = "填写了目标数量，请同时填写计量单位（如 个、公里）";
  if (unit && !quantity) fields.targetQuantity = "填写了计量单位，请同时填写目标数量";
  if (unit.length > MAX_TARGET_UNIT) fields.targetUnit = `计量单位不能超过 ${MAX_TARGET_UNIT} 字`;

  const seen = new Set<string>();
  for (const row of values.fundingSources) {
    if (!row.kind) fundingRows[row.key] = "请选择资金类型";
    else if (seen.has(row.kind)) fundingRows[row.key] = "每种资金来源只能填写一次";
    else if (!row.amount.trim()) fundingRows[row.key] = "请填写金额";
    else {
      const problem = amountProblem(row.amount, "金额", false);
      if (problem) fundingRows[row.key] = problem;
    }
    if (row.kind) seen.add(row.kind);
  }
  if (Object.keys(fundingRows).length > 0) fields.fundingSources = "请修改上面标出的资金来源";

  if (values.description.trim().length > MAX_DESCRIPTION) fields.description = `项目简介不能超过 ${MAX_DESCRIPTION} 字`;
  return { fields, fundingRows };
}

export function errorCount(errors: FormErrors): number {
  return Object.keys(errors.fields).length;
}

type CreateProjectInput = VariablesOf<typeof CreateProjectMutation>["input"];

/** The checked form as createProject's input; empty optional fields are left out. */
export function toCreateProjectInput(values: ProjectFormValues): CreateProjectInput {
  const optional = (text: string) => (text.trim() === "" ? null : text.trim());
  return {
    subTaskId: values.subTaskId,
    name: values.name.trim(),
    code: optional(values.code),
    responsibleUnitId: values.responsibleUnitId,
    ownerUnitId: optional(values.ownerUnitId),
    townshipId: optional(values.townshipId),
    totalInvestment: normalizeAmount(values.totalInvestment),
    plannedStart: optional(values.plannedStart),
    plannedCompletion: optional(values.plannedCompletion),
    targetQuantity: optional(normalizeAmount(values.targetQuantity)),
    targetUnit: optional(values.targetUnit),
    description: optional(values.description),
    fundingSources: values.fundingSources.map((row) => ({ kind: row.kind as FundingKind, amount: normalizeAmount(row.amount) })),
  };
}
