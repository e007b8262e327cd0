// A measure's yearly values against its target (ECharts): the 2022 baseline and the actuals as a
// line, the straight path from baseline to the 2025 target dashed, and the target as a level.
import { useMemo } from "react";
import { EChart, type EChartOption } from "../../app/EChart";
import { graphql, readFragment, type FragmentOf, type ResultOf } from "../../graphql";
import { ACTUAL_YEARS, formatMeasureValue, trimDecimal } from "./indicatorFormat";

export const IndicatorChartFragment = graphql(`
  fragment IndicatorChart_measure on IndicatorMeasure {
    id
    label
    unit
    format
    direction
    baseline
    target
    values {
      year
      value
    }
  }
`);

type Measure = ResultOf<typeof IndicatorChartFragment>;

const YEARS = [2022, ...ACTUAL_YEARS];

function chartOption(measure: Measure): EChartOption {
  const baseline = Number(measure.baseline);
  const target = Number(measure.target);
  const byYear = new Map(measure.values.map((v) => [v.year, Number(v.value)]));
  const actual = YEARS.map((year) => (year === 2022 ? baseline : (byYear.get(year) ?? null)));
  const path = YEARS.map((_, i) => Math.round((baseline + ((target - baseline) * i) / (YEARS.length - 1)) * 10_000) / 10_000);
  const show = (value: number) => formatMeasureValue(measure, trimDecimal(String(value)));
  return {
    color: ["#1d4ed8", "#8a95a5"],
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, data: ["实际值", "目标路径"] },
    tooltip: {
      trigger: "axis",
      valueFormatter: (value: unknown) => (typeof value === "number" ? show(value) : "—"),
    },
    xAxis: { type: "category", data: YEARS.map((y) => `${y}年`), boundaryGap: false },
    yAxis: { type: "value", scale: true, axisLabel: { formatter: (value: number) => trimDecimal(String(value)) } },
    series: [
      {
        name: "实际值",
        type: "line",
        data: actual,
        connectNulls: true,
        symbolSize: 8,
        label: { show: true, formatter: ({ value }: { value: number }) => show(value) },
        markLine: {
          symbol: "none",
          silent: true,
          lineStyle: { color: "#2f8a4a", type: "solid" },
          label: { formatter: `2025年目标 ${show(target)}`, position: "insideEndTop" },
          data: [{ yAxis: target }],
        },
      },
      { name: "目标路径", type: "line", data: path, symbol: "none", lineStyle: { type: "dashed" } },
    ],
  };
}

export function IndicatorChart({ measure: data }: { measure: FragmentOf<typeof IndicatorChartFragment> }) {
  const measure = readFragment(IndicatorChartFragment, data);
  const option = useMemo(() => chartOption(measure), [measure]);
  const described = measure.values.map((v) => `${v.year}年 ${formatMeasureValue(measure, v.value)}`).join("，") || "暂无实际值";
  return <EChart option={option} height={240} label={`${measure.label}：2022年基期 ${formatMeasureValue(measure, measure.baseline)}，${described}，2025年目标 ${formatMeasureValue(measure, measure.target)}`} />;
}
