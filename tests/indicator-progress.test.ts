// Progress to target as a plain function: better-higher and better-lower measures, a target equal to
// its baseline, moving the wrong way, overshooting, and no data yet.
import { describe, expect, it } from "vitest";
import { expectedShare, latestValue, measureProgress } from "../server/modules/indicator/progress.js";
import { checkIndicatorValue } from "../server/modules/indicator/values.js";

const gdp = { baseline: "401.23", target: "530", direction: "HIGHER" as const };
const teachers = { baseline: "13", target: "12.5", direction: "LOWER" as const }; // 师生比 1:13 → 1:12.5
const water = { baseline: "100", target: "100", direction: "HIGHER" as const }; // 供水普及率

describe("measureProgress", () => {
  it("is (latest − baseline) / (target − baseline) for a better-higher measure", () => {
    const p = measureProgress(gdp, { year: 2024, value: "465.615" });
    expect(p.ratio).toBe(0.5);
    expect(p.expected).toBe(0.6667);
    expect(p.status).toBe("BEHIND");
    expect(p.achieved).toBe(false);
    expect(measureProgress(gdp, { year: 2023, value: "465.615" }).status).toBe("ON_TRACK");
  });

  it("counts a fall as progress for a better-lower measure", () => {
    expect(measureProgress(teachers, { year: 2024, value: "12.75" }).ratio).toBe(0.5);
    const worse = measureProgress(teachers, { year: 2024, value: "13.2" });
    expect(worse.ratio).toBe(-0.4);
    expect(worse.status).toBe("WRONG_WAY");
    const beyond = measureProgress(teachers, { year: 2025, value: "12.4" });
    expect(beyond.ratio).toBe(1.2);
    expect(beyond).toMatchObject({ achieved: true, status: "ACHIEVED" });
  });

  it("overshoots above 1 and moves the wrong way below 0 for a better-higher measure", () => {
    expect(measureProgress(gdp, { year: 2025, value: "555.754" })).toMatchObject({ ratio: 1.2, status: "ACHIEVED" });
    expect(measureProgress(gdp, { year: 2023, value: "388.353" })).toMatchObject({ ratio: -0.1, status: "WRONG_WAY" });
  });

  it("holds a target equal to its baseline: 1 while held, 0 when it slips", () => {
    expect(measureProgress(water, { year: 2023, value: "100" })).toMatchObject({ ratio: 1, achieved: true, status: "ACHIEVED" });
    expect(measureProgress(water, { year: 2024, value: "99.5" })).toMatchObject({ ratio: 0, achieved: false, status: "BEHIND" });
  });

  it("treats a target on the wrong side of the baseline for its direction as a level to hold", () => {
    const oddlyLower = { baseline: "10", target: "12", direction: "LOWER" as const };
    expect(measureProgress(oddlyLower, { year: 2024, value: "11" })).toMatchObject({ ratio: 1, achieved: true });
    expect(measureProgress(oddlyLower, { year: 2024, value: "13" })).toMatchObject({ ratio: 0, achieved: false });
  });

  it("has no progress without data", () => {
    expect(measureProgress(gdp, null)).toEqual({ ratio: null, expected: null, achieved: null, status: "NO_DATA", latestYear: null });
  });

  it("takes the latest year, whatever the order, and expects a straight line from 2022 to 2025", () => {
    expect(latestValue([{ year: 2024 }, { year: 2025 }, { year: 2023 }])).toEqual({ year: 2025 });
    expect(latestValue([])).toBeNull();
    expect([2023, 2024, 2025].map(expectedShare)).toEqual([0.3333, 0.6667, 1]);
  });
});

describe("checkIndicatorValue", () => {
  type Rule = { label: string; unit: string; format: string | null };
  const percent: Rule = { label: "县城常住人口城镇化率", unit: "%", format: null };
  const growth = { label: "全社会固定资产投资增速", unit: "%", format: null };
  const ratio = { label: "普通中小学师生比", unit: "", format: "1:{value}" };
  const income = { label: "城乡居民人均可支配收入比", unit: "", format: "{value}:1" };
  const fail = (measure: Rule, value: string, year = 2024) => {
    try {
      checkIndicatorValue(measure, { year, value });
    } catch (error) {
      return { field: (error as { field: string }).field, message: (error as Error).message };
    }
    throw new Error(`accepted ${value}`);
  };

  it("takes a ratio typed whole or as its number, and normalises", () => {
    expect(checkIndicatorValue(ratio, { year: 2024, value: "1:12.5" }).value).toBe("12.5");
    expect(checkIndicatorValue(ratio, { year: 2024, value: " 12.80 " }).value).toBe("12.80");
    expect(checkIndicatorValue(income, { year: 2024, value: "1.9：1" }).value).toBe("1.9");
    expect(checkIndicatorValue(percent, { year: 2025, value: "048.5%", note: "  统计公报 " })).toEqual({ year: 2025, value: "48.5", note: "统计公报" });
    expect(checkIndicatorValue(growth, { year: 2023, value: "-3.2" }).value).toBe("-3.2");
  });

  it("refuses, in Chinese and at the field, what cannot be right", () => {
    expect(fail(percent, "48", 2022)).toEqual({ field: "year", message: "年份应为 2023 至 2025 年" });
    expect(fail(percent, "abc")).toMatchObject({ field: "value", message: expect.stringContaining("请输入数字") });
    expect(fail(percent, "")).toEqual({ field: "value", message: "请填写数值" });
    expect(fail(percent, "101")).toEqual({ field: "value", message: "百分比应在 0 至 100 之间" });
    expect(fail(percent, "-1")).toEqual({ field: "value", message: "百分比应在 0 至 100 之间" });
    expect(fail(growth, "-120")).toEqual({ field: "value", message: "增速应在 -100% 至 100% 之间" });
    expect(fail(ratio, "0.08")).toMatchObject({ field: "value", message: expect.stringContaining("师生比") });
    expect(fail(income, "0.5")).toMatchObject({ field: "value", message: expect.stringContaining("收入比") });
    expect(fail(percent, "48.12345")).toEqual({ field: "value", message: "最多保留 4 位小数" });
  });
});
