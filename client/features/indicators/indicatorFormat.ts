// Labels and number formats for the indicators. Values are Decimal strings; a measure's `format`
// shows ratios as the plan writes them ("1:{value}" for 师生比, "{value}:1" for 收入比).
import type { SchemaType } from "../../graphql";

export type ProgressStatus = SchemaType<"IndicatorProgressStatus">;
export type Direction = SchemaType<"IndicatorDirection">;

export const STATUS_LABELS: Record<ProgressStatus, string> = {
  NO_DATA: "暂无数据",
  ACHIEVED: "已达标",
  ON_TRACK: "符合序时",
  BEHIND: "滞后",
  WRONG_WAY: "反向变化",
};

export const DIRECTION_LABELS: Record<Direction, string> = { HIGHER: "越高越好", LOWER: "越低越好" };

/** The years the office enters actuals for. */
export const ACTUAL_YEARS = [2023, 2024, 2025] as const;

/** A Decimal as the plan writes it: no trailing zeros ("12.5000" → "12.5"). */
export function trimDecimal(value: string): string {
  return value.includes(".") ? value.replace(/\.?0+$/, "") : value;
}

interface Shown {
  unit: string;
  format: string | null;
}

/** "1:12.5", "48.2%", "530 亿元". */
export function formatMeasureValue(measure: Shown, value: string): string {
  const v = trimDecimal(value);
  if (measure.format) return measure.format.replace("{value}", v);
  if (measure.unit === "%") return `${v}%`;
  return measure.unit ? `${v} ${measure.unit}` : v;
}

/** A progress ratio as a percentage, "40.0%"; "—" without data. */
export function formatRatio(ratio: number | null): string {
  return ratio === null ? "—" : `${(ratio * 100).toFixed(1)}%`;
}

/** The filled share of a progress bar: the ratio held within 0..100%. */
export function barPercent(ratio: number | null): number {
  return ratio === null ? 0 : Math.round(Math.min(1, Math.max(0, ratio)) * 1000) / 10;
}
