// Labels and number formats for the board. Money is in 万元 throughout the schema.
import type { SchemaType } from "../../graphql";

type Stage = SchemaType<"Stage">;
type FundingKind = SchemaType<"FundingKind">;

/** The pipeline (谋储争推), in order. */
export const STAGES: readonly Stage[] = ["RESERVE", "PREPARATION", "STARTED", "UNDER_CONSTRUCTION", "COMPLETED"];

export const STAGE_LABELS: Record<Stage, string> = {
  RESERVE: "储备",
  PREPARATION: "准备",
  STARTED: "开工",
  UNDER_CONSTRUCTION: "在建",
  COMPLETED: "竣工",
};

export const FUNDING_KINDS: readonly FundingKind[] = ["BOND", "HIGHER_LEVEL_SPECIAL", "BANK_LOAN", "FISCAL", "SOCIAL_CAPITAL"];

export const FUNDING_LABELS: Record<FundingKind, string> = {
  BOND: "债券",
  HIGHER_LEVEL_SPECIAL: "上级专项",
  BANK_LOAN: "银行贷款",
  FISCAL: "财政资金",
  SOCIAL_CAPITAL: "社会资本",
};

const wanFormat = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 2 });
const yiFormat = new Intl.NumberFormat("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** An amount in 万元, shown as 亿元 from 10,000 万元 up: "12.35 亿元", "3,500 万元". */
export function formatInvestment(wan: string | number): string {
  const value = typeof wan === "number" ? wan : Number(wan);
  if (!Number.isFinite(value)) return `${wan} 万元`;
  if (Math.abs(value) >= 10_000) return `${yiFormat.format(value / 10_000)} 亿元`;
  return `${wanFormat.format(value)} 万元`;
}

/** Sums Decimal strings for display (not for bookkeeping: floating point is fine at 2 decimals). */
export function sumInvestment(values: readonly string[]): number {
  return values.reduce((total, value) => total + (Number(value) || 0), 0);
}

/** A target quantity as written in the plan: "1000", "2.5" (no trailing zeros). */
export function formatQuantity(decimal: string): string {
  return decimal.includes(".") ? decimal.replace(/\.?0+$/, "") : decimal;
}
