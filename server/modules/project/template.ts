// The 项目清单 template offered for download beside the import: the sheet the import reads (its
// header row and one example row), and a sheet of notes listing the sub-tasks and units by the names
// the import accepts. Built from the database, so the lists are this deployment's.
import type { PrismaClient } from "@prisma/client";
import ExcelJS from "exceljs";
import { IMPORT_COLUMNS, MAX_IMPORT_ROWS } from "./xlsx.js";

export const TEMPLATE_FILENAME = "项目清单模板.xlsx";

type Column = keyof typeof IMPORT_COLUMNS;

const NOTES: Record<Column, string> = {
  code: "选填。留空则按子任务自动编号（如 QX-2.1-03）；填写时为 2–40 位字母、数字、点、下划线或连字符，且不能与已有项目重复",
  name: "必填，不超过 200 字",
  subTask: "必填。填子任务编号（如 2.1）或名称，见「填写说明」工作表中的子任务表",
  responsibleUnit: "必填。填单位全称、简称或代码，见「填写说明」工作表中的单位表；业主单位账号只能填本单位",
  ownerUnit: "选填，写法同责任单位；留空则与责任单位相同",
  township: "选填，填乡镇（街道）名称",
  totalInvestment: "必填，单位万元，大于 0，最多两位小数",
  plannedStart: "选填，日期，如 2026-03-01",
  plannedCompletion: "选填，日期，不能早于计划开工",
  description: "选填，不超过 2000 字",
};

const WIDTHS: Record<Column, number> = {
  code: 14,
  name: 36,
  subTask: 10,
  responsibleUnit: 16,
  ownerUnit: 16,
  township: 12,
  totalInvestment: 15,
  plannedStart: 12,
  plannedCompletion: 12,
  description: 40,
};

const REQUIRED: readonly Column[] = ["name", "subTask", "responsibleUnit", "totalInvestment"];

export async function buildImportTemplate(prisma: PrismaClient): Promise<Buffer> {
  const [subTasks, units] = await Promise.all([
    prisma.subTask.findMany({ include: { action: true }, orderBy: [{ action: { code: "asc" } }, { position: "asc" }] }),
    prisma.unit.findMany({ orderBy: [{ kind: "asc" }, { code: "asc" }] }),
  ]);
  const columns = Object.keys(IMPORT_COLUMNS) as Column[];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "推进";

  // The import reads the first sheet: a header row, then one project per row.
  const sheet = workbook.addWorksheet("项目清单", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ key: column, width: WIDTHS[column] }));
  const header = sheet.addRow(columns.map((column) => IMPORT_COLUMNS[column]));
  header.font = { bold: true };
  header.eachCell((cell, col) => {
    const column = columns[col - 1]!;
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: REQUIRED.includes(column) ? "FFDCE6FA" : "FFF2F4F8" } };
    cell.note = NOTES[column];
  });
  // A plausible example (a drainage project of 住建局 built by 城投公司), from whatever units there are.
  const pick = <T extends { code: string }>(items: T[], code: string, fallback: (item: T) => boolean) =>
    items.find((item) => item.code === code) ?? items.find(fallback);
  const subTask = pick(subTasks, "2.2", () => true);
  const bureau = pick(units, "zjj", (u) => u.kind === "BUREAU");
  const company = pick(units, "ctgs", (u) => u.kind === "COMPANY");
  const township = pick(units, "t-qujiang", (u) => u.kind === "TOWNSHIP");
  const example = sheet.addRow({
    code: "",
    name: "示例：雨污分流管网改造工程（导入前请删除本行）",
    subTask: subTask?.code ?? "",
    responsibleUnit: bureau?.shortName ?? "",
    ownerUnit: company?.shortName ?? "",
    township: township?.name ?? "",
    totalInvestment: 3500,
    plannedStart: new Date(Date.UTC(2026, 2, 1)),
    plannedCompletion: new Date(Date.UTC(2027, 5, 30)),
    description: "新建雨污分流管网约 12 公里（示例）",
  });
  example.font = { italic: true, color: { argb: "FF6B7280" } };
  for (const column of ["plannedStart", "plannedCompletion"] as const) sheet.getColumn(column).numFmt = "yyyy-mm-dd";

  const notes = workbook.addWorksheet("填写说明");
  notes.columns = [{ width: 16 }, { width: 64, style: { alignment: { wrapText: true, vertical: "top" } } }, { width: 16 }, { width: 16 }];
  const heading = (text: string) => {
    notes.addRow([]);
    notes.addRow([text]).font = { bold: true, size: 12 };
  };
  notes.addRow(["项目清单导入说明"]).font = { bold: true, size: 14 };
  notes.addRow([`第一个工作表的第一行为表头，以下每行一个项目，一次最多 ${MAX_IMPORT_ROWS} 行。导入前系统逐行检查，全部无误才会写入；有任何一行出错则一行也不写入。`]);
  heading("各列填写要求");
  notes.addRow(["列", "要求"]).font = { bold: true };
  for (const column of columns) notes.addRow([IMPORT_COLUMNS[column], NOTES[column]]);
  heading("子任务");
  notes.addRow(["编号", "名称", "所属行动"]).font = { bold: true };
  for (const s of subTasks) notes.addRow([s.code, s.name, s.action.shortName]);
  heading("单位（全称、简称、代码均可）");
  notes.addRow(["简称", "全称", "代码", "类别"]).font = { bold: true };
  const kinds = { BUREAU: "县级部门", TOWNSHIP: "乡镇、街道", COMPANY: "国有企业", OFFICE: "领导小组办公室" } as const;
  for (const u of units) notes.addRow([u.shortName, u.name, u.code, kinds[u.kind]]);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
