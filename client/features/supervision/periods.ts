// Scoring periods as the API names them: "2025", "2025-Q2", "2025-06".
import { todayInChina } from "../../app/useActionParam";

export interface PeriodOption {
  key: string;
  label: string;
}

export function periodLabel(key: string): string {
  const [year, part] = key.split("-");
  if (!part) return `${year} 年度`;
  if (part.startsWith("Q")) return `${year} 年第${"一二三四"[Number(part.slice(1)) - 1]}季度`;
  return `${year} 年 ${Number(part)} 月`;
}

/** The periods from 2023 (the plan's first year) to the current year, newest first, grouped by year. */
export function periodOptions(today = todayInChina()): { year: number; periods: PeriodOption[] }[] {
  const thisYear = Number(today.slice(0, 4));
  const groups = [];
  for (let year = thisYear; year >= 2023; year--) {
    const keys = [String(year), ...[4, 3, 2, 1].map((q) => `${year}-Q${q}`), ...Array.from({ length: 12 }, (_, i) => `${year}-${String(12 - i).padStart(2, "0")}`)];
    groups.push({ year, periods: keys.map((key) => ({ key, label: periodLabel(key) })) });
  }
  return groups;
}

/** The last quarter that has ended. */
export function lastEndedQuarter(today = todayInChina()): string {
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  return quarter === 0 ? `${year - 1}-Q4` : `${year}-Q${quarter}`;
}
