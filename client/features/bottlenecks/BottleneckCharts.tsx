// The charts of the bottleneck page (ECharts): the stage funnel, the cumulative flow, cycle times and
// 序时进度 per unit, each with its export.
import { useMemo } from "react";
import { EChart, type EChartOption } from "../../app/EChart";
import { graphql, readFragment, type FragmentOf, type ResultOf } from "../../graphql";
import { STAGE_LABELS, STAGES } from "../board/format";
import { ExportLink, type BottleneckFilter, type ExportTable } from "./ExportLink";

export const BottleneckChartsFragment = graphql(`
  fragment BottleneckCharts_report on BottleneckReport {
    funnel { stage reached conversion }
    cumulativeFlow(months: 12) { month counts { stage count } }
    cycleTimes { stage stays medianDays p85Days }
    investment {
      year
      elapsedShare
      total { planned completed completedShare lagPoints }
      byUnit { unit { id shortName } planned completed completedShare lagPoints }
    }
  }
`);

type Report = ResultOf<typeof BottleneckChartsFragment>;

const STAGE_COLORS = ["#8a96a8", "#d08a12", "#0e8fa8", "#1d4ed8", "#2f8a4a"];
const pct = (share: number) => Math.round(share * 1000) / 10;

function funnelOption(report: Report): EChartOption {
  return {
    tooltip: { trigger: "item" },
    color: STAGE_COLORS,
    series: [
      {
        type: "funnel",
        sort: "none",
        minSize: "28%",
        left: "8%",
        width: "84%",
        label: { position: "inside", color: "#fff", formatter: "{b} {c}" },
        data: report.funnel.map((f) => ({ name: STAGE_LABELS[f.stage], value: f.reached })),
      },
    ],
  };
}

function flowOption(report: Report): EChartOption {
  return {
    tooltip: { trigger: "axis" },
    legend: { bottom: 0 },
    color: STAGE_COLORS,
    grid: { left: 44, right: 16, top: 16, bottom: 48 },
    xAxis: { type: "category", boundaryGap: false, data: report.cumulativeFlow.map((p) => p.month) },
    yAxis: { type: "value" },
    series: STAGES.map((stage) => ({
      name: STAGE_LABELS[stage],
      type: "line",
      stack: "flow",
      areaStyle: {},
      symbol: "none",
      data: report.cumulativeFlow.map((p) => p.counts.find((c) => c.stage === stage)?.count ?? 0),
    })),
  };
}

function cycleOption(report: Report): EChartOption {
  return {
    tooltip: { trigger: "axis" },
    legend: { bottom: 0 },
    color: ["#1d4ed8", "#d08a12"],
    grid: { left: 44, right: 16, top: 16, bottom: 48 },
    xAxis: { type: "category", data: report.cycleTimes.map((c) => STAGE_LABELS[c.stage]) },
    yAxis: { type: "value", name: "天" },
    series: [
      { name: "中位数", type: "bar", data: report.cycleTimes.map((c) => (c.medianDays === null ? null : Math.round(c.medianDays))) },
      { name: "85分位", type: "bar", data: report.cycleTimes.map((c) => (c.p85Days === null ? null : Math.round(c.p85Days))) },
    ],
  };
}

function investmentOption(report: Report): EChartOption {
  const units = report.investment.byUnit.slice(0, 12);
  return {
    tooltip: { trigger: "axis" },
    grid: { left: 44, right: 16, top: 24, bottom: 64 },
    xAxis: { type: "category", data: units.map((u) => u.unit?.shortName ?? ""), axisLabel: { rotate: 30 } },
    yAxis: { type: "value", name: "%", max: (v: { max: number }) => Math.max(100, Math.ceil(v.max / 10) * 10) },
    series: [
      {
        name: "完成比例",
        type: "bar",
        color: "#1d4ed8",
        data: units.map((u) => pct(u.completedShare)),
        markLine: { symbol: "none", lineStyle: { color: "#c0262d" }, label: { position: "insideEndTop", formatter: `序时进度 ${pct(report.investment.elapsedShare)}%` }, data: [{ yAxis: pct(report.investment.elapsedShare) }] },
      },
    ],
  };
}

function ChartPanel({ id, title, note, table, filter, option, label }: { id: string; title: string; note?: string; table?: ExportTable; filter: BottleneckFilter; option: EChartOption; label: string }) {
  return (
    <section className="bn-panel bn-chart" aria-labelledby={id}>
      <header className="bn-panel__head">
        <h2 id={id}>{title}</h2>
        {table && <ExportLink table={table} filter={filter} />}
      </header>
      {note && <p className="bn-note">{note}</p>}
      <EChart option={option} label={label} height={260} />
    </section>
  );
}

export function BottleneckCharts({ report: data, filter }: { report: FragmentOf<typeof BottleneckChartsFragment>; filter: BottleneckFilter }) {
  const report = readFragment(BottleneckChartsFragment, data);
  const options = useMemo(
    () => ({ funnel: funnelOption(report), flow: flowOption(report), cycle: cycleOption(report), investment: investmentOption(report) }),
    [report],
  );
  const total = report.investment.total;
  const conversions = report.funnel
    .filter((f) => f.conversion !== null)
    .map((f, i) => `${STAGE_LABELS[f.stage]}→${STAGE_LABELS[STAGES[i + 1]!]} ${pct(f.conversion!)}%`)
    .join("，");
  return (
    <div className="bn-charts">
      <ChartPanel id="bn-funnel" title="阶段漏斗" note={`转化率：${conversions}`} table="funnel" filter={filter} option={options.funnel} label="各阶段到达项目数" />
      <ChartPanel id="bn-flow" title="累计流量图（近 12 个月月末）" filter={filter} option={options.flow} label="每月末各阶段项目数" />
      <ChartPanel id="bn-cycle" title="阶段周期（天）" table="cycle" filter={filter} option={options.cycle} label="各阶段停留天数的中位数和85分位" />
      <ChartPanel
        id="bn-investment"
        title={`${report.investment.year}年投资序时进度`}
        note={`年度计划 ${total.planned} 万元，已完成 ${total.completed} 万元（${pct(total.completedShare)}%），序时进度 ${pct(report.investment.elapsedShare)}%，${total.lagPoints > 0 ? `落后 ${total.lagPoints} 个百分点` : "已达序时进度"}`}
        table="investment"
        filter={filter}
        option={options.investment}
        label="各责任单位投资完成比例与序时进度"
      />
    </div>
  );
}
