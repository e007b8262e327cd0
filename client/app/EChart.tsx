// One ECharts chart (the charting library of Chinese government dashboards), bundled: only the chart
// types and components registered here are in the build, in the chunk of the pages that chart.
import { BarChart, FunnelChart, LineChart, PieChart } from "echarts/charts";
import { DatasetComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

echarts.use([
  BarChart,
  FunnelChart,
  LineChart,
  PieChart,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type EChartOption = echarts.EChartsCoreOption;

interface EChartProps {
  option: EChartOption;
  /** CSS height; the width follows the container. */
  height?: number | string;
  /** What the chart shows, for screen readers (the data should also be in a table nearby). */
  label: string;
}

export function EChart({ option, height = 320, label }: EChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const node = element.current;
    if (!node) return;
    const instance = echarts.init(node, undefined, { renderer: "canvas" });
    chart.current = instance;
    // Follows the container's width (a phone turned, a sidebar closed).
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(node);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ textStyle: { fontFamily: "inherit" }, ...option }, { notMerge: true });
  }, [option]);

  return <div ref={element} role="img" aria-label={label} style={{ width: "100%", height }} />;
}
