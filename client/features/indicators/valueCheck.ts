// The entry form's checks before sending, as the server's (server/modules/indicator/values.ts): the
// year 2023–2025; a number of at most 4 decimals; a ratio's number part in its range; a percentage
// 0–100 (a growth rate −100–100); other amounts not negative. The server checks again.

interface Rule {
  label: string;
  unit: string;
  format: string | null;
}

/** What was typed, reduced to its number: a ratio may be typed whole ("1:12.5", "1.88：1"). */
export function valueNumber(rule: Rule, typed: string): string {
  let text = typed.replace(/\s+/g, "").replace(/：/g, ":").replace(/%$/, "");
  if (rule.format === "1:{value}" && text.startsWith("1:")) text = text.slice(2);
  if (rule.format === "{value}:1" && text.endsWith(":1")) text = text.slice(0, -2);
  return text;
}

function bounds(rule: Rule): [number, number, string] {
  switch (true) {
    case rule.format === "1:{value}":
      return [1, 100, "师生比按“1:x”填写 x（如 1:12.5 填 12.5），x 应在 1 至 100 之间"];
    case rule.format === "{value}:1":
      return [1, 10, "收入比按“x:1”填写 x（如 1.88:1 填 1.88），x 应在 1 至 10 之间"];
    case rule.unit === "%" && rule.label.includes("增速"):
      return [-100, 100, "增速应在 -100% 至 100% 之间"];
    case rule.unit === "%":
      return [0, 100, "百分比应在 0 至 100 之间"];
    default:
      return [0, 9_999_999_999, "数值不能为负数，且不超过 99 亿"];
  }
}

/** Why the typed value cannot be sent, in Chinese; null when it can. */
export function checkValue(rule: Rule, typed: string): string | null {
  if (!typed.trim()) return "请填写数值";
  const number = valueNumber(rule, typed);
  if (!/^-?\d+(\.\d+)?$/.test(number)) return "请输入数字";
  if ((number.split(".")[1] ?? "").length > 4) return "最多保留 4 位小数";
  const [min, max, message] = bounds(rule);
  const value = Number(number);
  return value < min || value > max ? message : null;
}

export function checkNote(note: string): string | null {
  return note.trim().length > 500 ? "说明不能超过 500 字" : null;
}
