// Labels and dates for the project drawer. Calendar dates are China's (the county's).
import { todayInChina } from "../../app/useActionParam";
import type { SchemaType } from "../../graphql";

type BlockerKind = SchemaType<"BlockerKind">;
type TransitionKind = SchemaType<"TransitionKind">;

/** 要素保障: the usual blockers, in the order the raise form offers them. */
export const BLOCKER_KINDS: readonly BlockerKind[] = ["LAND", "FUNDS", "APPROVAL", "DEMOLITION", "OTHER"];

export const BLOCKER_LABELS: Record<BlockerKind, string> = {
  LAND: "用地",
  FUNDS: "资金",
  APPROVAL: "审批",
  DEMOLITION: "征地拆迁",
  OTHER: "其他",
};

export const TRANSITION_LABELS: Record<TransitionKind, string> = {
  BACKWARD: "退回",
  CORRECTION: "补录更正",
  FORWARD: "推进",
  INTAKE: "入库",
};

const chinaDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" });

/** A DateTime as its date in China (YYYY-MM-DD). */
export function formatDateTime(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : chinaDate.format(date);
}

/** The current month in China (YYYY-MM): the month a progress report is for by default. */
export function currentMonthInChina(): string {
  return todayInChina().slice(0, 7);
}

/** "2025-06" → "2025年6月". */
export function formatMonth(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  return match ? `${match[1]}年${Number(match[2])}月` : month;
}
