// What a yearly actual may be: checked in Chinese against the measure's unit and format, before
// anything is written. Plain functions, no I/O.
import type { IndicatorMeasure } from "@prisma/client";
import { ValidationError } from "../common/errors.js";

export const FIRST_ACTUAL_YEAR = 2023;
export const LAST_ACTUAL_YEAR = 2025;
export const NOTE_MAX = 500;

type MeasureRule = Pick<IndicatorMeasure, "label" | "unit" | "format">;

/** How a value is shown: "1:12.5" for 师生比, "1.88:1" for 收入比, "48%" for a share. */
export function formatMeasureValue(measure: Pick<IndicatorMeasure, "unit" | "format">, value: string): string {
  if (measure.format) return measure.format.replace("{value}", value);
  return measure.unit === "%" ? `${value}%` : `${value}${measure.unit ? ` ${measure.unit}` : ""}`;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/** The number part of what was typed: a ratio may be typed whole ("1:12.5", "1.88：1"). */
function numberPart(measure: MeasureRule, text: string): string {
  const compact = text.replace(/\s+/g, "").replace(/：/g, ":").replace(/%$/, "");
  if (measure.format === "1:{value}" && compact.startsWith("1:")) return compact.slice(2);
  if (measure.format === "{value}:1" && compact.endsWith(":1")) return compact.slice(0, -2);
  return compact;
}

function range(measure: MeasureRule): { min: number; max: number; message: string } {
  if (measure.format === "1:{value}") {
    return { min: 1, max: 100, message: "师生比按“1:x”填写 x（如 1:12.5 填 12.5），x 应在 1 至 100 之间" };
  }
  if (measure.format === "{value}:1") {
    return { min: 1, max: 10, message: "收入比按“x:1”填写 x（如 1.88:1 填 1.88），x 应在 1 至 10 之间" };
  }
  if (measure.unit === "%" && measure.label.includes("增速")) {
    return { min: -100, max: 100, message: "增速应在 -100% 至 100% 之间" };
  }
  if (measure.unit === "%") return { min: 0, max: 100, message: "百分比应在 0 至 100 之间" };
  return { min: 0, max: 9_999_999_999, message: "数值不能为负数，且不超过 99 亿" };
}

/** The value to store, as a decimal string; throws ValidationError (field "value" or "year" or "note"). */
export function checkIndicatorValue(
  measure: MeasureRule,
  input: { year: number; value: string; note?: string | null },
): { year: number; value: string; note: string | null } {
  if (!Number.isInteger(input.year) || input.year < FIRST_ACTUAL_YEAR || input.year > LAST_ACTUAL_YEAR) {
    throw new ValidationError(`年份应为 ${FIRST_ACTUAL_YEAR} 至 ${LAST_ACTUAL_YEAR} 年`, "year");
  }
  const text = input.value.trim();
  if (!text) throw new ValidationError("请填写数值", "value");
  const number = numberPart(measure, text);
  if (!NUMBER.test(number)) {
    const example = measure.format ? formatMeasureValue(measure, "12.5").replace("12.5", measure.format.startsWith("1:") ? "12.5" : "1.88") : "48.2";
    throw new ValidationError(`请输入数字，例如 ${example}`, "value");
  }
  if ((number.split(".")[1]?.length ?? 0) > 4) throw new ValidationError("最多保留 4 位小数", "value");
  const { min, max, message } = range(measure);
  const parsed = Number(number);
  if (parsed < min || parsed > max) throw new ValidationError(message, "value");
  const note = input.note?.trim() || null;
  if (note && note.length > NOTE_MAX) throw new ValidationError(`说明不能超过 ${NOTE_MAX} 字`, "note");
  // Normalised: no leading zeros or trailing "."; "-0" is 0.
  const value = parsed === 0 ? "0" : number.replace(/^(-?)0+(?=\d)/, "$1");
  return { year: input.year, value, note };
}
