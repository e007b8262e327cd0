// Progress to target of one indicator measure: (latest − baseline) / (target − baseline), where the
// plan's baseline is 2022 and its target 2025. Plain functions, no I/O.
//
// Direction matters: for a better-lower measure (师生比, 收入比, the first industry's share) the target
// lies below the baseline, so a fall is progress and a rise is a negative ratio ("moving the wrong
// way"). A target equal to the baseline (供水普及率 100 → 100), or one on the wrong side of the baseline
// for its direction, is a level to hold: the ratio is 1 while it is held and 0 when it is not.
import { Prisma, type IndicatorDirection } from "@prisma/client";

export const BASELINE_YEAR = 2022;
export const TARGET_YEAR = 2025;

type Num = Prisma.Decimal | string | number;

export type ProgressStatus =
  /** No yearly actual yet. */
  | "NO_DATA"
  /** The latest actual reaches the target (or passes it in the right direction). */
  | "ACHIEVED"
  /** At least as far along as the years elapsed since 2022 ask (序时). */
  | "ON_TRACK"
  /** Moving the right way, but slower than the years elapsed ask; or a held level that slipped. */
  | "BEHIND"
  /** Further from the target than the baseline was. */
  | "WRONG_WAY";

export interface MeasureProgress {
  /** (latest − baseline) / (target − baseline), rounded to 4 decimals; may be negative or above 1. */
  ratio: number | null;
  /** The share of the way expected by the latest year: (year − 2022) / (2025 − 2022). */
  expected: number | null;
  achieved: boolean | null;
  status: ProgressStatus;
  latestYear: number | null;
}

export interface MeasureTarget {
  baseline: Num;
  target: Num;
  direction: IndicatorDirection;
}

const dec = (value: Num) => new Prisma.Decimal(value.toString());
const round4 = (value: Prisma.Decimal) => value.toDecimalPlaces(4, Prisma.Decimal.ROUND_HALF_UP).toNumber();

/** The share of the way from baseline to target expected after `year` (a straight line from 2022 to 2025). */
export function expectedShare(year: number): number {
  const share = (year - BASELINE_YEAR) / (TARGET_YEAR - BASELINE_YEAR);
  return Math.min(1, Math.max(0, Math.round(share * 10_000) / 10_000));
}

export function measureProgress(measure: MeasureTarget, latest: { year: number; value: Num } | null): MeasureProgress {
  if (!latest) return { ratio: null, expected: null, achieved: null, status: "NO_DATA", latestYear: null };
  const baseline = dec(measure.baseline);
  const target = dec(measure.target);
  const value = dec(latest.value);
  const sign = measure.direction === "LOWER" ? -1 : 1;
  const expected = expectedShare(latest.year);
  // Reached when the value is at or beyond the target on the better side.
  const achieved = value.minus(target).times(sign).gte(0);
  const gap = target.minus(baseline);
  if (gap.times(sign).lte(0)) {
    // A level to hold (target equal to baseline, or not beyond it in the measure's direction).
    return { ratio: achieved ? 1 : 0, expected, achieved, status: achieved ? "ACHIEVED" : "BEHIND", latestYear: latest.year };
  }
  // Compared at the precision shown: two thirds of the way is on track in 2024.
  const ratio = round4(value.minus(baseline).dividedBy(gap));
  const status: ProgressStatus = achieved
    ? "ACHIEVED"
    : ratio < 0
      ? "WRONG_WAY"
      : ratio >= expected
        ? "ON_TRACK"
        : "BEHIND";
  return { ratio, expected, achieved, status, latestYear: latest.year };
}

/** The latest yearly actual (highest year) of a list, or null. */
export function latestValue<V extends { year: number }>(values: readonly V[]): V | null {
  let latest: V | null = null;
  for (const v of values) if (!latest || v.year > latest.year) latest = v;
  return latest;
}
