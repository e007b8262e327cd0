// The 基本信息 form as data: its values (strings, as the inputs hold them), its checks, which fields
// changed (only those are sent, with the version they were read at), and, after a 版本冲突, the
// user's edits carried over onto the current version.
import type { SchemaType, VariablesOf } from "../../graphql";
import { FUNDING_LABELS } from "../board/format";
import type { BasicProject } from "./BasicSection";
import type { UpdateProjectMutation } from "./useUpdateProject";
import { checkFundingRows, fundingInput, fundingRow, type FundingRow } from "./fundingRows";
import { checkAmount, checkPastDate, checkPlannedDates, checkText, failedChecks, normalizeAmount, PROJECT_TEXT_LIMITS, type FieldErrors } from "./validation";

type FundingKind = SchemaType<"FundingKind">;
type UpdateProjectInput = VariablesOf<typeof UpdateProjectMutation>["input"];

export interface BasicValues {
  name: string;
  description: string;
  totalInvestment: string;
  plannedStart: string;
  plannedCompletion: string;
  targetQuantity: string;
  targetUnit: string;
  acceptanceDate: string;
  acceptanceRef: string;
  fundingSources: FundingRow[];
}

export type BasicField = keyof BasicValues;

export const BASIC_FIELDS: readonly BasicField[] = [
  "name",
  "description",
  "totalInvestment",
  "plannedStart",
  "plannedCompletion",
  "targetQuantity",
  "targetUnit",
  "acceptanceDate",
  "acceptanceRef",
  "fundingSources",
];

export function basicValues(project: BasicProject): BasicValues {
  return {
    name: project.name,
    description: project.description ?? "",
    totalInvestment: project.totalInvestment,
    plannedStart: project.plannedStart ?? "",
    plannedCompletion: project.plannedCompletion ?? "",
    targetQuantity: project.targetQuantity ?? "",
    targetUnit: project.targetUnit ?? "",
    acceptanceDate: project.acceptanceDate ?? "",
    acceptanceRef: project.acceptanceRef ?? "",
    fundingSources: project.fundingSources.map((source) => fundingRow(source.kind, source.amount)),
  };
}

/** Every check of the form, in Chinese, as updateProject checks (service.ts); `today` is China's date. */
export function checkBasic(values: BasicValues, today: string): FieldErrors<string> {
  return {
    ...failedChecks<Exclude<BasicField, "fundingSources">>({
      name: checkText(values.name, "项目名称", true, PROJECT_TEXT_LIMITS.name),
      description: checkText(values.description, "项目简介", false, PROJECT_TEXT_LIMITS.description),
      totalInvestment: checkAmount(values.totalInvestment, "总投资"),
      ...checkPlannedDates(values.plannedStart, values.plannedCompletion),
      targetQuantity: checkAmount(values.targetQuantity, "目标数量", false),
      targetUnit: checkText(values.targetUnit, "计量单位", false, PROJECT_TEXT_LIMITS.targetUnit),
      acceptanceDate: checkPastDate(values.acceptanceDate, "验收日期", today),
      acceptanceRef: checkText(values.acceptanceRef, "验收文号", false, PROJECT_TEXT_LIMITS.acceptanceRef),
    }),
    ...checkFundingRows(values.fundingSources),
  };
}

/** A field's value as it would be saved, to compare two versions of the form. */
function saved(values: BasicValues, field: BasicField): string {
  switch (field) {
    case "totalInvestment":
    case "targetQuantity":
      return normalizeAmount(values[field]);
    case "fundingSources":
      return values.fundingSources
        .map((row) => `${row.kind}:${normalizeAmount(row.amount)}`)
        .sort()
        .join(";");
    default:
      return values[field].trim();
  }
}

export function changedFields(from: BasicValues, to: BasicValues): BasicField[] {
  return BASIC_FIELDS.filter((field) => saved(from, field) !== saved(to, field));
}

/** The changed fields as updateProject takes them: an emptied optional field is cleared (null). */
export function projectPatch(values: BasicValues, fields: readonly BasicField[]): Omit<UpdateProjectInput, "projectId" | "expectedVersion"> {
  const patch: Omit<UpdateProjectInput, "projectId" | "expectedVersion"> = {};
  const orNull = (value: string) => value.trim() || null;
  for (const field of fields) {
    switch (field) {
      case "name":
        patch.name = values.name.trim();
        break;
      case "totalInvestment":
        patch.totalInvestment = normalizeAmount(values.totalInvestment);
        break;
      case "targetQuantity":
        patch.targetQuantity = values.targetQuantity.trim() ? normalizeAmount(values.targetQuantity) : null;
        break;
      case "fundingSources":
        patch.fundingSources = fundingInput(values.fundingSources);
        break;
      default:
        patch[field] = orNull(values[field]);
    }
  }
  return patch;
}

/** How a field reads in a note ("他人已改为 …"). */
export function describeValue(values: BasicValues, field: BasicField): string {
  if (field === "fundingSources") {
    const rows = values.fundingSources.filter((row) => row.kind);
    return rows.length === 0 ? "未填写" : rows.map((row) => `${FUNDING_LABELS[row.kind as FundingKind]} ${row.amount} 万元`).join("；");
  }
  return values[field].trim() || "空";
}

/**
 * After a 版本冲突: the current version's values, except the fields the user had changed, which keep
 * what they typed. `conflicts` are the fields someone else changed too (the user should look again).
 */
export function rebase(
  base: BasicValues,
  draft: BasicValues,
  current: BasicValues,
): { values: BasicValues; conflicts: BasicField[] } {
  const edited = new Set(changedFields(base, draft));
  const theirs = new Set(changedFields(base, current));
  const values = { ...current };
  for (const field of edited) (values as Record<BasicField, unknown>)[field] = draft[field];
  return { values, conflicts: [...edited].filter((field) => theirs.has(field) && saved(draft, field) !== saved(current, field)) };
}
