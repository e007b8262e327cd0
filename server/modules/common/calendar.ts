// The county keeps China Standard Time: "today" and "this month" are China's, whatever zone the
// server's clock is in. Between 00:00 and 08:00 in China the UTC date is still yesterday's, so a UTC
// "today" would refuse a milestone done today or the month just begun.
// China keeps one offset all year (UTC+8, no daylight saving since 1991): the arithmetic is exact,
// and far cheaper than Intl, which the board's traffic lights called for every card.
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** Today's date in China, held as Date scalars are: a Date at UTC midnight. */
export function todayInChina(now = new Date()): Date {
  return new Date(Math.floor((now.getTime() + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS);
}

/** The current month in China, YYYY-MM. */
export function currentMonthInChina(now = new Date()): string {
  return todayInChina(now).toISOString().slice(0, 7);
}

/**
 * 序时进度: how much of the year has gone by at the end of `asOf`'s day in China, as a share (0..1].
 * A project on schedule has completed this share of its year's planned investment.
 */
export function yearElapsedShare(asOf: Date): { year: number; share: number } {
  const day = todayInChina(asOf);
  const year = day.getUTCFullYear();
  const start = Date.UTC(year, 0, 1);
  const days = (Date.UTC(year + 1, 0, 1) - start) / 86_400_000;
  const elapsed = (day.getTime() - start) / 86_400_000 + 1;
  return { year, share: elapsed / days };
}

/** The last millisecond of a China calendar day (given as Date scalars are: UTC midnight), as an instant. */
export function endOfChinaDay(day: Date): Date {
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + 1) - CHINA_OFFSET_MS - 1);
}
