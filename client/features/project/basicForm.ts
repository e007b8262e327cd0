// The 基本信息 form as data: its values (strings, as the inputs hold them), its checks, which fields
// changed (only those are sent, with the version they were read at), and, after a 版本冲突, the
// user's edits carried over onto the current version.
import type { SchemaType, VariablesOf } from "../../graphql";
import { FUNDING_LABELS } from "../board/format";
import type { BasicProject } from "./BasicSection";
import type { UpdateProjectMutation } from "./useUpdateProject";
import { checkAmount, checkPastDate, checkText, failedChecks, normalizeAmount, type FieldErrors } from "./validation";

type FundingKind = SchemaType<"FundingKind">;
type UpdateProjectInput = VariablesOf<typeof UpdateProjectMutation>["input"];

export interface FundingRow {
  /** Tells the rows apart while they are edited (React's key, the error keys). */
  key: number;
  kind: FundingKind | "";
  /** 万元 */
  amount: string;
}

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

let lastRowKey = 0;

export function fundingRow(kind: FundingKind | "" = "", amount = ""): FundingRow {
  lastRowKey += 1;
  return { key: lastRowKey, kind, amount };
}

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

/** The error keys of a funding row's controls. */
export const fundingErrorKey = (row: FundingRow, part: "kind" | "amount") => `fundingSources.${row.key}.${part}`;

/** Every check of the form, in Chinese; `today` is China's date (YYYY-MM-DD). */
export function checkBasic(values: BasicValues, today: string): FieldErrors<string> {
  const errors: FieldErrors<string> = failedChecks<BasicField>({
    name: checkText(values.name, "项目名称", true),
    description: checkText(values.description, "项目简介"),
    totalInvestment: checkAmount(values.totalInvestment, "总投资"),
    plannedStart: null,
    plannedCompletion:
      values.plannedStart && values.plannedCompletion && values.plannedCompletion < values.plannedStart
        ? "计划竣工日期不能早于计划开工日期"
        : null,
    targetQuantity: checkAmount(values.targetQuantity, "目标数量", false),
    targetUnit: checkText(values.targetUnit, "计量单位"),
    acceptanceDate: checkPastDate(values.acceptanceDate, "验收日期", today),
    acceptanceRef: checkText(values.acceptanceRef, "验收文号"),
    fundingSources: null,
  });
  const seen = new Set<string>();
  for (const row of values.fundingSources) {
    const kind = !row.kind ? "请选择资金类型" : seen.has(row.kind) ? "每种资金来源只能填写一次" : null;
    const amount = checkAmount(row.amount, "金额");
    if (kind) errors[fundingErrorKey(row, "kind")] = kind;
    if (amount) errors[fundingErrorKey(row, "amount")] = amount;
    seen.add(row.kind);
  }
  return errors;
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
        patch.fundingSources = values.fundingSources.map((row) => ({ kind: row.kind as FundingKind, amount: normalizeAmount(row.amount) }));
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
