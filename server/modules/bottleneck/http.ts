// GET /export/bottlenecks.xlsx?table=stuck|overdue|blockers|investment|funnel|cycle&asOf=…&actionCode=…&subTaskId=…&unitId=…:
// each table of the bottleneck page as a workbook, computed by the same SQL as the API.
import type http from "node:http";
import { decodeGlobalID } from "@pothos/plugin-relay";
import type { PrismaClient } from "@prisma/client";
import ExcelJS from "exceljs";
import type { Database } from "../../db/client.js";
import { log } from "../../log.js";
import { sendDownload, sendJsonError as fail, viewerOfRequest, XLSX_CONTENT_TYPE } from "../auth/http.js";
import { hasRole } from "../auth/policy.js";
import { actionByCode } from "../catalog/actions.js";
import type { TokenSigner } from "../auth/tokens.js";
import { STAGE_NAMES } from "../common/stage.js";
import { BLOCKER_KIND_NAMES } from "../meeting/labels.js";
import { BOTTLENECK_READERS } from "./access.js";
import { lightsOf, type LightColor } from "./lights.js";
import {
  blockerList,
  completedShare,
  cycleTimes,
  investmentProgress,
  overdueMilestones,
  stageFunnel,
  stuckProjects,
  type BottleneckScope,
} from "./service.js";

export const BOTTLENECK_XLSX_PATH = "/export/bottlenecks.xlsx";

class BadRequest extends Error {}

const LIGHT_NAMES: Record<LightColor, string> = { GREEN: "绿灯", YELLOW: "黄灯", RED: "红灯" };

interface Sheet {
  title: string;
  header: string[];
  rows: (string | number)[][];
}

function globalIdParam(params: URLSearchParams, name: string, typename: string): number | null {
  const value = params.get(name);
  if (!value) return null;
  try {
    const decoded = decodeGlobalID(value);
    const id = Number(decoded.id);
    if (decoded.typename === typename && Number.isSafeInteger(id) && id > 0) return id;
  } catch {
    // fall through
  }
  throw new BadRequest(`${name} 不是有效的编号`);
}

async function scopeOf(prisma: PrismaClient, params: URLSearchParams): Promise<BottleneckScope> {
  const asOf = new Date(params.get("asOf") ?? Date.now());
  if (Number.isNaN(asOf.getTime())) throw new BadRequest("asOf 应为 ISO 8601 时间");
  const now = new Date();
  let actionId: number | null = null;
  const code = params.get("actionCode");
  if (code) {
    const action = await actionByCode(prisma, Number(code) || 0);
    if (!action) throw new BadRequest("没有这个行动");
    actionId = action.id;
  }
  return {
    asOf: asOf > now ? now : asOf,
    actionId,
    subTaskId: globalIdParam(params, "subTaskId", "SubTask"),
    unitId: globalIdParam(params, "unitId", "Unit"),
  };
}

/** Code, name, unit and light of each project, in one read each. */
async function projectColumns({ prisma, sql }: Database, ids: number[], asOf: Date) {
  const [projects, lights] = await Promise.all([
    prisma.project.findMany({ where: { id: { in: ids } }, select: { id: true, code: true, name: true, responsibleUnit: { select: { name: true } } } }),
    lightsOf(sql, ids, { asOf, present: false }),
  ]);
  const byId = new Map(projects.map((p) => [p.id, p]));
  return (id: number) => {
    const p = byId.get(id)!;
    const light = lights.get(id);
    return [p.code, p.name, p.responsibleUnit.name, light ? LIGHT_NAMES[light.color] : "", light?.reasons.join("；") ?? ""];
  };
}

const PROJECT_HEADER = ["项目编号", "项目名称", "责任单位", "红黄绿灯", "亮灯原因"];
const pct = (share: number) => Math.round(share * 1000) / 10;

async function sheetOf(db: Database, table: string, scope: BottleneckScope): Promise<Sheet> {
  const { prisma } = db;
  switch (table) {
    case "stuck": {
      const { rows } = await stuckProjects(db.sql, scope, 5000);
      const cols = await projectColumns(db, rows.map((r) => r.projectId), scope.asOf);
      return {
        title: "滞留项目",
        header: [...PROJECT_HEADER, "阶段", "滞留天数", "阈值（天）"],
        rows: rows.map((r) => [...cols(r.projectId), STAGE_NAMES[r.stage], r.dwellDays, r.thresholdDays]),
      };
    }
    case "overdue": {
      const { rows } = await overdueMilestones(db.sql, scope, 5000);
      const cols = await projectColumns(db, rows.map((r) => r.projectId), scope.asOf);
      return {
        title: "逾期节点",
        header: [...PROJECT_HEADER, "节点", "计划完成日期", "逾期天数"],
        rows: rows.map((r) => [...cols(r.projectId), r.name, r.plannedDate.toISOString().slice(0, 10), r.daysOverdue]),
      };
    }
    case "blockers": {
      const rows = await blockerList(db.sql, scope, 5000);
      const cols = await projectColumns(db, rows.map((r) => r.projectId), scope.asOf);
      return {
        title: "未解决堵点",
        header: [...PROJECT_HEADER, "类别", "堵点", "提出时间", "已持续天数"],
        rows: rows.map((r) => [...cols(r.projectId), BLOCKER_KIND_NAMES[r.kind], r.description, r.raisedAt.toISOString().slice(0, 10), r.ageDays]),
      };
    }
    case "investment": {
      const progress = await investmentProgress(db.sql, scope);
      const units = await prisma.unit.findMany({ where: { id: { in: progress.byUnit.map((r) => r.unitId!) } } });
      const names = new Map(units.map((u) => [u.id, u.name]));
      const elapsed = pct(progress.elapsedShare);
      return {
        title: `${progress.year}年序时进度`,
        header: ["责任单位", "年度计划投资（万元）", "已完成投资（万元）", "完成比例（%）", "序时进度（%）", "落后（百分点）"],
        rows: [progress.total, ...progress.byUnit].map((r) => [
          r.unitId ? (names.get(r.unitId) ?? "") : "合计",
          r.planned.toNumber(),
          r.completed.toNumber(),
          pct(completedShare(r)),
          elapsed,
          Math.round((elapsed - pct(completedShare(r))) * 10) / 10,
        ]),
      };
    }
    case "funnel": {
      const rows = await stageFunnel(db.sql, scope);
      return {
        title: "阶段漏斗",
        header: ["阶段", "到达项目数", "转化到下一阶段（%）"],
        rows: rows.map((r) => [STAGE_NAMES[r.stage], r.reached, r.conversion === null ? "" : pct(r.conversion)]),
      };
    }
    case "cycle": {
      const rows = await cycleTimes(db.sql, scope);
      return {
        title: "阶段周期",
        header: ["阶段", "已结束的停留次数", "中位数（天）", "85分位（天）"],
        rows: rows.map((r) => [STAGE_NAMES[r.stage], r.stays, r.medianDays ?? "", r.p85Days ?? ""]),
      };
    }
    default:
      throw new BadRequest("table 应为 stuck、overdue、blockers、investment、funnel 或 cycle");
  }
}

async function toXlsx(sheet: Sheet, asOf: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "推进";
  const ws = workbook.addWorksheet(sheet.title);
  ws.addRow([`${sheet.title}（截至 ${asOf.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false })}）`]).font = { bold: true, size: 13 };
  ws.addRow(sheet.header).font = { bold: true };
  for (const row of sheet.rows) ws.addRow(row);
  ws.columns.forEach((column, i) => (column.width = i === 1 ? 36 : i === 4 ? 40 : 16));
  ws.views = [{ state: "frozen", ySplit: 2 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function handleBottleneckExport(db: Database, tokens: TokenSigner, req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
  const viewer = await viewerOfRequest(db.sql, tokens, req);
  if (!viewer) return fail(res, 401, "请先登录");
  if (!hasRole(viewer, BOTTLENECK_READERS)) return fail(res, 403, "当前角色无权导出堵点分析");
  try {
    const scope = await scopeOf(db.prisma, url.searchParams);
    const sheet = await sheetOf(db, url.searchParams.get("table") ?? "", scope);
    sendDownload(res, await toXlsx(sheet, scope.asOf), XLSX_CONTENT_TYPE, `${sheet.title}-${scope.asOf.toISOString().slice(0, 10)}.xlsx`);
  } catch (error) {
    if (error instanceof BadRequest) return fail(res, 400, error.message);
    log.error("bottleneck export failed", { error });
    fail(res, 500, "导出失败");
  }
}
