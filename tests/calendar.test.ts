// "Today" and "this month" for the rules (no future progress month, no milestone or acceptance
// after today) are China's: at 03:00 in China on the 1st the new month has begun, though UTC is
// still on the last day of the old one.
import { describe, expect, it } from "vitest";
import { currentMonthInChina, todayInChina, yearElapsedShare } from "../server/modules/common/calendar.js";

describe("the calendar in China Standard Time", () => {
  it("is a day ahead of UTC from 00:00 to 08:00 in China", () => {
    const earlyMorningInChina = new Date("2026-11-30T19:00:00Z"); // 2026-12-01 03:00 in China
    expect(todayInChina(earlyMorningInChina).toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(currentMonthInChina(earlyMorningInChina)).toBe("2026-12");
  });

  it("matches the UTC date for the rest of the day", () => {
    const afternoon = new Date("2026-11-30T07:00:00Z"); // 15:00 in China
    expect(todayInChina(afternoon).toISOString()).toBe("2026-11-30T00:00:00.000Z");
    expect(currentMonthInChina(afternoon)).toBe("2026-11");
  });
});

describe("China's date by arithmetic (UTC+8, no daylight saving)", () => {
  it("agrees with the Asia/Shanghai time zone of the platform at every hour of two years", () => {
    const zone = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" });
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2026, 0, 1); t += 3_600_000 + 17_000) {
      const instant = new Date(t);
      expect(todayInChina(instant).toISOString().slice(0, 10), instant.toISOString()).toBe(zone.format(instant));
    }
  });
});

describe("序时进度", () => {
  it("is the share of the year gone by at the end of the day in China", () => {
    expect(yearElapsedShare(new Date("2025-01-01T03:00:00+08:00"))).toEqual({ year: 2025, share: 1 / 365 });
    // 2025-06-30 is day 181 of 365; at 07:00 in China it is still 06-29 in UTC.
    expect(yearElapsedShare(new Date("2025-06-30T07:00:00+08:00"))).toEqual({ year: 2025, share: 181 / 365 });
    expect(yearElapsedShare(new Date("2024-12-31T23:30:00+08:00"))).toEqual({ year: 2024, share: 1 });
  });
});
