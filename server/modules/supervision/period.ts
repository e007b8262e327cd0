// Scoring periods (考核期): a year "2025", a quarter "2025-Q2" or a month "2025-06", in China time.
import { ValidationError } from "../common/errors.js";

export interface Period {
  key: string;
  year: number;
  /** First and last day, as Date scalars are held: UTC midnight of the calendar day. */
  startDate: Date;
  endDate: Date;
  /** The first instant of the first day and the last of the last day in China (UTC+8). */
  startInstant: Date;
  endInstant: Date;
  /** The last month of the period, YYYY-MM. */
  lastMonth: string;
}

const PERIOD = /^(\d{4})(?:-(?:Q([1-4])|(0[1-9]|1[0-2])))?$/;
const CHINA_OFFSET_MS = 8 * 3_600_000;

export function parsePeriod(key: string): Period {
  const match = PERIOD.exec(key);
  if (!match) throw new ValidationError("考核期格式应为 2025、2025-Q2 或 2025-06", "period");
  const year = Number(match[1]);
  if (year < 2000 || year > 2100) throw new ValidationError("考核期年份超出范围", "period");
  const [firstMonth, months] = match[2] ? [(Number(match[2]) - 1) * 3, 3] : match[3] ? [Number(match[3]) - 1, 1] : [0, 12];
  const startDate = new Date(Date.UTC(year, firstMonth, 1));
  const next = new Date(Date.UTC(year, firstMonth + months, 1));
  const endDate = new Date(next.getTime() - 86_400_000);
  return {
    key,
    year,
    startDate,
    endDate,
    startInstant: new Date(startDate.getTime() - CHINA_OFFSET_MS),
    endInstant: new Date(next.getTime() - CHINA_OFFSET_MS - 1),
    lastMonth: endDate.toISOString().slice(0, 7),
  };
}

/** The end of a calendar day (a Date scalar) in China, as an instant. */
export function endOfChinaDay(day: Date): Date {
  return new Date(day.getTime() + 86_400_000 - CHINA_OFFSET_MS - 1);
}

export function isoDate(day: Date): string {
  return day.toISOString().slice(0, 10);
}
