// Reads the office's existing 项目清单 from an XLSX sheet into import rows. The first row holds the
// headers (below); units and sub-tasks may be given by name, short name or code.
import ExcelJS from "exceljs";
import type { PrismaClient } from "@prisma/client";
import type { ImportRow, NewProject } from "./intake.js";

export const IMPORT_COLUMNS = {
  code: "项目编号",
  name: "项目名称",
  subTask: "子任务",
  responsibleUnit: "责任单位",
  ownerUnit: "业主单位",
  township: "所在乡镇",
  totalInvestment: "总投资（万元）",
  plannedStart: "计划开工",
  plannedCompletion: "计划竣工",
  description: "项目简介",
} as const;

type Column = keyof typeof IMPORT_COLUMNS;
export const MAX_IMPORT_ROWS = 2000;

export class ImportFileError extends Error {}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("text" in value && typeof value.text === "string") return value.text.trim();
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("richText" in value) return value.richText.map((r) => r.text).join("").trim();
    return "";
  }
  return String(value).trim();
}

function parseDate(text: string): Date | null | "invalid" {
  if (!text) return null;
  const normalized = text.replace(/[./年月]/g, "-").replace(/日$/, "");
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(normalized);
  if (!match) return "invalid";
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2026-13-01 over into 2027; a real date reads back the same.
  const same = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return same && year >= 1900 && year <= 2200 ? date : "invalid";
}

export async function readImportSheet(prisma: PrismaClient, base64: string): Promise<ImportRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(base64, "base64") as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileError("无法读取文件：请上传 Excel（.xlsx）格式的项目清单");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount < 2) throw new ImportFileError("文件中没有项目数据");
  if (sheet.rowCount - 1 > MAX_IMPORT_ROWS) throw new ImportFileError(`一次最多导入 ${MAX_IMPORT_ROWS} 个项目`);

  const headers = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => headers.set(cellText(cell.value), col));
  const missing = (["name", "subTask", "responsibleUnit", "totalInvestment"] as Column[]).filter((c) => !headers.has(IMPORT_COLUMNS[c]));
  if (missing.length > 0) throw new ImportFileError(`缺少列：${missing.map((c) => IMPORT_COLUMNS[c]).join("、")}`);

  const [subTasks, units] = await Promise.all([prisma.subTask.findMany(), prisma.unit.findMany()]);
  const subTaskBy = new Map(subTasks.flatMap((s) => [[s.code, s.id], [s.name, s.id]] as [string, number][]));
  const unitBy = new Map(units.flatMap((u) => [[u.code, u.id], [u.name, u.id], [u.shortName, u.id]] as [string, number][]));

  const rows: ImportRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const get = (column: Column) => {
      const col = headers.get(IMPORT_COLUMNS[column]);
      return col ? cellText(row.getCell(col).value) : "";
    };
    if (Object.keys(IMPORT_COLUMNS).every((c) => !get(c as Column))) continue; // a blank line
    const problems: ImportRow["problems"] = [];
    const lookup = (column: Column, map: Map<string, number>, what: string, required: boolean) => {
      const text = get(column);
      if (!text) {
        if (required) problems.push({ field: column, message: `请填写${IMPORT_COLUMNS[column]}` });
        return null;
      }
      const id = map.get(text);
      if (id === undefined) problems.push({ field: column, message: `找不到${what}「${text}」` });
      return id ?? null;
    };
    // Reported with the row's other problems (the rules' own check runs only on a row that could be read).
    if (!get("name")) problems.push({ field: "name", message: `请填写${IMPORT_COLUMNS.name}` });
    const subTaskId = lookup("subTask", subTaskBy, "子任务", true);
    const responsibleUnitId = lookup("responsibleUnit", unitBy, "单位", true);
    const ownerUnitId = lookup("ownerUnit", unitBy, "单位", false);
    const townshipId = lookup("township", unitBy, "乡镇（街道）", false);
    const dates: Record<"plannedStart" | "plannedCompletion", Date | null> = { plannedStart: null, plannedCompletion: null };
    for (const column of ["plannedStart", "plannedCompletion"] as const) {
      const parsed = parseDate(get(column));
      if (parsed === "invalid") problems.push({ field: column, message: `${IMPORT_COLUMNS[column]}应为日期，如 2025-06-30` });
      else dates[column] = parsed;
    }
    const investment = get("totalInvestment").replace(/,/g, "");
    if (!/^\d{1,12}(\.\d+)?$/.test(investment)) problems.push({ field: "totalInvestment", message: "总投资应为数字（万元）" });
    const input: NewProject | null =
      subTaskId && responsibleUnitId
        ? {
            code: get("code") || null,
            name: get("name"),
            subTaskId,
            responsibleUnitId,
            ownerUnitId,
            townshipId,
            description: get("description") || null,
            totalInvestment: /^\d{1,12}(\.\d+)?$/.test(investment) ? investment : "0",
            ...dates,
          }
        : null;
    rows.push({ row: r, code: get("code") || null, name: get("name") || null, input: problems.length > 0 ? null : input, problems });
  }
  if (rows.length === 0) throw new ImportFileError("文件中没有项目数据");
  return rows;
}
