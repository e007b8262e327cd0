// The indicator table as an XLSX workbook (指标监测表): one row per measure with its baseline, yearly
// actuals, target, progress and linked projects, as the dashboard's table shows it.
import type { PrismaClient } from "@prisma/client";
import ExcelJS from "exceljs";
import { latestValue, measureProgress, type ProgressStatus } from "./progress.js";
import { formatMeasureValue, FIRST_ACTUAL_YEAR, LAST_ACTUAL_YEAR } from "./values.js";

export const STATUS_NAMES: Record<ProgressStatus, string> = {
  NO_DATA: "暂无数据",
  ACHIEVED: "已达标",
  ON_TRACK: "符合序时",
  BEHIND: "滞后",
  WRONG_WAY: "反向变化",
};

const YEARS = Array.from({ length: LAST_ACTUAL_YEAR - FIRST_ACTUAL_YEAR + 1 }, (_, i) => FIRST_ACTUAL_YEAR + i);

export const INDICATOR_HEADERS = [
  "序号",
  "指标",
  "计量",
  "单位",
  "2022 年基期",
  ...YEARS.map((y) => `${y} 年`),
  "2025 年目标",
  "方向",
  "目标进度",
  "状态",
  "关联项目",
];

/** The rows of the table, in the plan's order. */
export async function indicatorRows(prisma: PrismaClient): Promise<string[][]> {
  const indicators = await prisma.indicator.findMany({
    orderBy: { code: "asc" },
    include: {
      measures: { orderBy: { position: "asc" }, include: { values: true } },
      projects: { where: { unlinkedAt: null, project: { archivedAt: null } }, include: { project: { select: { name: true } } } },
    },
  });
  return indicators.flatMap((indicator) =>
    indicator.measures.map((measure) => {
      const byYear = new Map(measure.values.map((v) => [v.year, v.value.toString()]));
      const progress = measureProgress(measure, latestValue(measure.values));
      const show = (value: string | undefined) => (value === undefined ? "" : formatMeasureValue(measure, value));
      return [
        String(indicator.code),
        indicator.name,
        measure.label,
        measure.unit,
        show(measure.baseline.toString()),
        ...YEARS.map((y) => show(byYear.get(y))),
        show(measure.target.toString()),
        measure.direction === "LOWER" ? "越低越好" : "越高越好",
        progress.ratio === null ? "" : `${(progress.ratio * 100).toFixed(1)}%`,
        STATUS_NAMES[progress.status],
        indicator.projects.map((link) => link.project.name).join("、"),
      ];
    }),
  );
}

export async function indicatorWorkbook(prisma: PrismaClient): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "推进";
  const sheet = workbook.addWorksheet("指标监测");
  sheet.addRow(INDICATOR_HEADERS).font = { bold: true };
  for (const row of await indicatorRows(prisma)) sheet.addRow(row);
  sheet.columns.forEach((column, i) => (column.width = [6, 28, 24, 10, 12, 12, 12, 12, 12, 10, 10, 10, 60][i] ?? 12));
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
