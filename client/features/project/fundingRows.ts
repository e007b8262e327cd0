// 资金来源 as both project forms edit it (项目入库 and the drawer's 编辑): rows of kind + amount in 万元,
// each kind at most once, checked as the server checks them (intake.ts, service.ts).
import type { SchemaType } from "../../graphql";
import { checkAmount, hundredths, normalizeAmount, type FieldErrors } from "./validation";

type FundingKind = SchemaType<"FundingKind">;

export interface FundingRow {
  /** Stable while the row is edited (React's key, the error keys); kept in 项目入库's draft. */
  key: string;
  kind: FundingKind | "";
  /** 万元, as typed */
  amount: string;
}

let lastRowKey = 0;

/** A new row; its key is unique across reloads too (a restored draft keeps its rows' keys). */
export function fundingRow(kind: FundingKind | "" = "", amount = ""): FundingRow {
  lastRowKey += 1;
  return { key: `f${Date.now().toString(36)}${lastRowKey}`, kind, amount };
}

/**
 * The rows' failed checks, by `fundingRowErrorKey`: one shape for both forms, flat like their field
 * errors, so that a row's kind and its amount are marked each on its own control.
 */
export type FundingRowErrors = FieldErrors<string>;

/** The error key of a row's control. */
export const fundingRowErrorKey = (row: FundingRow, part: "kind" | "amount") => `fundingSources.${row.key}.${part}`;

export function checkFundingRows(rows: readonly FundingRow[]): FundingRowErrors {
  const errors: FundingRowErrors = {};
  const seen = new Set<string>();
  for (const row of rows) {
    const kind = !row.kind ? "请选择资金类型" : seen.has(row.kind) ? "每种资金来源只能填写一次" : null;
    const amount = checkAmount(row.amount, "金额");
    if (kind) errors[fundingRowErrorKey(row, "kind")] = kind;
    if (amount) errors[fundingRowErrorKey(row, "amount")] = amount;
    seen.add(row.kind);
  }
  return errors;
}

/** The rows' total in 万元, exact; null while an amount typed is not a valid one (an empty one counts 0). */
export function fundingTotal(rows: readonly FundingRow[]): number | null {
  const typed = rows.filter((row) => row.amount.trim() !== "");
  if (typed.some((row) => checkAmount(row.amount, "") !== null)) return null;
  return typed.reduce((sum, row) => sum + hundredths(row.amount), 0) / 100;
}

/** The rows as the API's FundingSourceInput list (sent once checked). */
export function fundingInput(rows: readonly FundingRow[]): { kind: FundingKind; amount: string }[] {
  return rows.map((row) => ({ kind: row.kind as FundingKind, amount: normalizeAmount(row.amount) }));
}
