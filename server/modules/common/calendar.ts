// The county keeps China Standard Time: "today" and "this month" are China's, whatever zone the
// server's clock is in. Between 00:00 and 08:00 in China the UTC date is still yesterday's, so a UTC
// "today" would refuse a milestone done today or the month just begun.
const chinaDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" });

/** Today's date in China, held as Date scalars are: a Date at UTC midnight. */
export function todayInChina(now = new Date()): Date {
  return new Date(`${chinaDate.format(now)}T00:00:00Z`);
}

/** The current month in China, YYYY-MM. */
export function currentMonthInChina(now = new Date()): string {
  return chinaDate.format(now).slice(0, 7);
}
