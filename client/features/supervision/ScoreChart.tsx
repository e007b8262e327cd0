// The ranked scores as bars, red and black list entries in their colours, the pass mark as a line.
import { useMemo } from "react";
import { EChart } from "../../app/EChart";
import type { ResultOf } from "../../graphql";
import type { ScoreboardFragment } from "./scoreboardFragment";

type Entry = ResultOf<typeof ScoreboardFragment>["entries"][number];

const COLORS = { RED: "#c0262d", BLACK: "#1c2533", NONE: "#8aa4d6" } as const;

export function ScoreChart({ entries, passMark }: { entries: Entry[]; passMark: number }) {
  const option = useMemo(
    () => ({
      grid: { left: 40, right: 64, top: 24, bottom: 72 },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: entries.map((e) => e.unit.shortName), axisLabel: { rotate: 40, interval: 0, fontSize: 11 } },
      yAxis: { type: "value", min: 0, max: 100 },
      series: [
        {
          type: "bar",
          name: "得分",
          // A score of 0 still shows its colour (a black-list entry).
          barMinHeight: 3,
          data: entries.map((e) => ({ value: e.score, itemStyle: { color: COLORS[e.mark] } })),
          markLine: { symbol: "none", data: [{ yAxis: passMark, name: "达标线" }], lineStyle: { type: "dashed", color: "#d08a12" }, label: { formatter: "达标线 {c}" } },
        },
      ],
    }),
    [entries, passMark],
  );
  if (entries.length === 0) return null;
  return <EChart option={option} height={300} label="各单位得分柱状图（红色为红榜，黑色为黑榜）" />;
}
