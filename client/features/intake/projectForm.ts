// The registration form's values, its checks (in Chinese, before anything is sent, with the checks
// every project form shares; the server checks again, see server/modules/project/intake.ts) and the
// createProject input built from it.
import type { VariablesOf } from "../../graphql";
import { checkFundingRows, fundingInput, type FundingRow, type FundingRowErrors } from "../project/fundingRows";
import { checkAmount, checkPlannedDates, checkText, failedChecks, normalizeAmount, PROJECT_TEXT_LIMITS, type FieldErrors } from "../project/validation";
import type { CreateProjectMutation } from "./useCreateProject";

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
  fields: FieldErrors<FieldName>;
  /** The funding rows' own (checkFundingRows); `fields.fundingSources` says there are some. */
  fundingRows: FundingRowErrors;
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

export const MAX_DESCRIPTION = PROJECT_TEXT_LIMITS.description;
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$/;

export function validateProjectForm(values: ProjectFormValues): FormErrors {
  const quantity = values.targetQuantity.trim();
  const unit = values.targetUnit.trim();
  const code = values.code.trim();
  const fundingRows = checkFundingRows(values.fundingSources);
  const fields = failedChecks<FieldName>({
    subTaskId: values.subTaskId ? null : "请选择子任务",
    name: checkText(values.name, "项目名称", true, PROJECT_TEXT_LIMITS.name),
    code: code && !CODE.test(code) ? "项目编号为 2–40 位字母、数字、点、下划线或连字符" : null,
    responsibleUnitId: values.responsibleUnitId ? null : "请选择责任单位",
    ownerUnitId: null,
    townshipId: null,
    totalInvestment: checkAmount(values.totalInvestment, "总投资", true, { positive: true }),
    ...checkPlannedDates(values.plannedStart, values.plannedCompletion),
    // A quantity and its unit go together (充电桩 1000 个), as createProject requires.
    targetQuantity: checkAmount(quantity, "目标数量", false) ?? (unit && !quantity ? "填写了计量单位，请同时填写目标数量" : null),
    targetUnit: checkText(unit, "计量单位", false, PROJECT_TEXT_LIMITS.targetUnit) ?? (quantity && !unit ? "填写了目标数量，请同时填写计量单位（如 个、公里）" : null),
    fundingSources: Object.keys(fundingRows).length > 0 ? "请修改上面标出的资金来源" : null,
    description: checkText(values.description, "项目简介", false, PROJECT_TEXT_LIMITS.description),
  });
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
    fundingSources: fundingInput(values.fundingSources),
  };
}
