// Client-side checks for the project's forms (the drawer's and 项目入库's), in Chinese, mirroring the
// server's rules (server/modules/project/intake.ts, service.ts, pipeline/service.ts, and the Date and
// Decimal scalars in common/schema.ts) so that most mistakes are caught before anything is sent. The
// server checks again and has the last word.

/** The server's limit on the free texts of a project's records: reports, blockers, gate items (MAX_TEXT). */
export const MAX_TEXT = 2000;

/** The server's limits on a project's own texts, the same for a new project and an edit (project/limits.ts). */
export const PROJECT_TEXT_LIMITS = { name: 200, description: 2000, targetUnit: 20, acceptanceRef: 200 } as const;

/** An error message, or null when the value is acceptable. */
export type Check = string | null;

/** A free text: required or not, at most `max` characters once trimmed. */
export function checkText(value: string, label: string, required = false, max = MAX_TEXT): Check {
  const trimmed = value.trim();
  if (required && !trimmed) return `请填写${label}`;
  if (trimmed.length > max) return `${label}不能超过 ${max} 字`;
  return null;
}

/** Full-width digits and points (typed with a Chinese input method), spaces and thousands separators. */
function halfWidth(value: string): string {
  return value
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, ".")
    .replace(/[\s,，]/g, "");
}

const AMOUNT = /^\d+(\.\d+)?$/;

/**
 * An amount in 万元 (or a quantity) as the database keeps it, numeric(14, 2): not negative (with
 * `positive`, not 0 either: a new project's 总投资), at most two decimals, at most twelve digits before
 * the point.
 */
export function checkAmount(value: string, label: string, required = true, { positive = false } = {}): Check {
  const amount = halfWidth(value);
  if (!amount) return required ? `请填写${label}` : null;
  if (amount.startsWith("-")) return positive ? `${label}应大于 0` : `${label}不能为负数`;
  if (!AMOUNT.test(amount)) return `${label}应为数字，如 1200 或 35.5`;
  const [whole = "", fraction = ""] = amount.split(".");
  if (fraction.length > 2) return `${label}最多保留两位小数`;
  if (whole.replace(/^0+(?=\d)/, "").length > 12) return `${label}过大（最多 12 位整数）`;
  if (positive && hundredths(amount) === 0) return `${label}应大于 0`;
  return null;
}

/** A checked amount as the API's Decimal takes it, without redundant zeros: "０１２０.５０" → "120.5". */
export function normalizeAmount(value: string): string {
  const amount = halfWidth(value);
  if (!AMOUNT.test(amount)) return amount;
  const [whole = "0", fraction = ""] = amount.split(".");
  const integer = whole.replace(/^0+(?=\d)/, "");
  const decimals = fraction.replace(/0+$/, "");
  return decimals ? `${integer}.${decimals}` : integer;
}

/** A checked amount in hundredths, for exact sums (twelve digits and two decimals fit a double). */
export function hundredths(value: string): number {
  const [whole = "0", fraction = ""] = normalizeAmount(value).split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

const DATE = /^(\d{4})-\d{2}-\d{2}$/;

/** A date as the API's Date takes it (YYYY-MM-DD, 1900 to 2200); "" (empty or incomplete) is no date. */
export function checkDate(value: string, label: string, required = false): Check {
  if (!value) return required ? `请选择${label}` : null;
  const match = DATE.exec(value);
  if (!match) return "请填写有效的日期";
  const year = Number(match[1]);
  return year < 1900 || year > 2200 ? "日期应在 1900 年至 2200 年之间" : null;
}

/** A date that may not be in the future (`today` is China's date, YYYY-MM-DD). */
export function checkPastDate(value: string, label: string, today: string, required = false): Check {
  const problem = checkDate(value, label, required);
  if (problem || !value) return problem;
  if (value > today) return `${label}不能晚于今天`;
  return null;
}

/** 计划开工 and 计划竣工: each a valid date, the completion not before the start. */
export function checkPlannedDates(start: string, completion: string): { plannedStart: Check; plannedCompletion: Check } {
  const plannedStart = checkDate(start, "计划开工日期");
  const plannedCompletion = checkDate(completion, "计划竣工日期");
  if (!plannedStart && !plannedCompletion && start && completion && completion < start) {
    return { plannedStart, plannedCompletion: "计划竣工日期不能早于计划开工日期" };
  }
  return { plannedStart, plannedCompletion };
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The month of a progress report: from 2020-01 up to the current month. */
export function checkMonth(value: string, currentMonth: string): Check {
  if (!value) return "请选择月份";
  if (!MONTH.test(value)) return "月份格式应为 YYYY-MM，如 2025-06";
  if (value > currentMonth) return "不能填报未来月份的进度";
  if (value < "2020-01") return "月份不能早于 2020 年";
  return null;
}

/** The checks that failed, by field; empty when the form may be sent. */
export type FieldErrors<Field extends string> = Partial<Record<Field, string>>;

/** Keeps the failed checks only. */
export function failedChecks<Field extends string>(checks: Record<Field, Check>): FieldErrors<Field> {
  return Object.fromEntries(Object.entries(checks).filter(([, message]) => message !== null)) as FieldErrors<Field>;
}

export function hasErrors(errors: FieldErrors<string>): boolean {
  return Object.keys(errors).length > 0;
}
