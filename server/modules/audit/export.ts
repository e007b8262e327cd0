// Exports a filtered audit query as CSV (UTF-8 with BOM, for Excel and WPS) or XLSX, with Chinese
// headers and times in China Standard Time.
import type { PrismaClient } from "@prisma/client";
import ExcelJS from "exceljs";
import { auditWhere, type AuditFilter } from "./query.js";

export const EXPORT_LIMIT = 200_000;

const HEADERS = ["序号", "时间（北京时间）", "操作人", "对象类型", "对象编号", "项目编号", "操作", "变更前", "变更后", "请求编号", "哈希"];

const beijing = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

export class ExportTooLargeError extends Error {}

/** The rows of the export, oldest first, read in pages. */
export async function auditRows(prisma: PrismaClient, filter: AuditFilter): Promise<string[][]> {
  const where = auditWhere(filter);
  const total = await prisma.auditEvent.count({ where });
  if (total > EXPORT_LIMIT) throw new ExportTooLargeError(`导出最多 ${EXPORT_LIMIT} 条，本次 ${total} 条，请缩小时间范围`);
  const rows: string[][] = [];
  let after = 0;
  for (;;) {
    const page = await prisma.auditEvent.findMany({
      where: { AND: [where, { seq: { gt: after } }] },
      orderBy: { seq: "asc" },
      take: 5000,
      include: { actor: { select: { username: true, displayName: true } } },
    });
    if (page.length === 0) break;
    const projectIds = [...new Set(page.map((e) => e.projectId).filter((id): id is number => id !== null))];
    const codes = new Map(
      (await prisma.project.findMany({ where: { id: { in: projectIds } }, select: { id: true, code: true } })).map((p) => [p.id, p.code]),
    );
    for (const e of page) {
      rows.push([
        String(e.seq),
        beijing.format(e.at),
        e.actor ? `${e.actor.displayName}（${e.actor.username}）` : "系统",
        e.entity,
        e.entityId,
        e.projectId !== null ? (codes.get(e.projectId) ?? String(e.projectId)) : "",
        e.action,
        e.before === null ? "" : JSON.stringify(e.before),
        e.after === null ? "" : JSON.stringify(e.after),
        e.requestId ?? "",
        e.hash,
      ]);
    }
    after = page[page.length - 1]!.seq;
  }
  return rows;
}

/** A cell as CSV: quoted when needed, and never read as a formula by a spreadsheet. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: string[][]): string {
  return "\uFEFF" + [HEADERS, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

export async function toXlsx(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "推进";
  const sheet = workbook.addWorksheet("审计记录");
  sheet.addRow(HEADERS).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((column, i) => (column.width = [8, 20, 18, 14, 12, 14, 22, 40, 40, 38, 66][i] ?? 16));
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
