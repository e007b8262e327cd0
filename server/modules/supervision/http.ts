// GET /export/supervision/<table>.xlsx: the 督办 and 红黑榜 tables as files, for the roles that read
// them in the API (session cookie or bearer token).
//   notices.xlsx?unitId=&state=&overdue=   (owners: their unit's)
//   scoreboard.xlsx?period=2025-Q2         (owners: published periods only)
//   publications.xlsx, exemptions.xlsx
import type http from "node:http";
import { decodeGlobalID } from "@pothos/plugin-relay";
import type { NoticeState } from "@prisma/client";
import type { Database } from "../../db/client.js";
import { log } from "../../log.js";
import { sendDownload, sendJsonError as fail, viewerOfRequest, XLSX_CONTENT_TYPE } from "../auth/http.js";
import { hasRole } from "../auth/policy.js";
import type { TokenSigner } from "../auth/tokens.js";
import { ValidationError } from "../common/errors.js";
import { workbook, type Sheet } from "../common/xlsx.js";
import { exemptionSheet, noticeSheet, publicationSheet, scoreboardSheets } from "./export.js";
import { parsePeriod } from "./period.js";
import { isPublished, readScoreboard } from "./publication.js";
import { NOTICE_READERS, SCORE_READERS } from "./roles.js";

export const SUPERVISION_EXPORT_PREFIX = "/export/supervision/";

const STATES = new Set<NoticeState>(["ISSUED", "REPLIED", "CLOSED", "ESCALATED"]);

function unitParam(value: string | null): number | null {
  if (!value) return null;
  try {
    const decoded = decodeGlobalID(value);
    const id = Number(decoded.id);
    if (decoded.typename === "Unit" && Number.isSafeInteger(id)) return id;
  } catch {
    // answered below
  }
  throw new ValidationError("unitId 不是有效的单位编号");
}

export async function handleSupervisionExport(db: Database, tokens: TokenSigner, req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
  const viewer = await viewerOfRequest(db.sql, tokens, req);
  if (!viewer) return fail(res, 401, "请先登录");
  if (!hasRole(viewer, NOTICE_READERS)) return fail(res, 403, "当前角色无权导出");
  const table = url.pathname.slice(SUPERVISION_EXPORT_PREFIX.length);
  const params = url.searchParams;
  try {
    let sheets: Sheet[];
    let filename: string;
    if (table === "notices.xlsx") {
      const state = params.get("state");
      if (state && !STATES.has(state as NoticeState)) throw new ValidationError("state 无效");
      const overdue = params.get("overdue");
      sheets = [await noticeSheet(db.prisma, viewer, { unitId: unitParam(params.get("unitId")), state: (state as NoticeState) || null, overdue: overdue === "true" ? true : overdue === "false" ? false : null })];
      filename = "督办单";
    } else if (table === "scoreboard.xlsx") {
      const period = parsePeriod(params.get("period") ?? "").key;
      if (!hasRole(viewer, SCORE_READERS) && !(await isPublished(db.prisma, period))) return fail(res, 403, "该考核期的红黑榜尚未发布");
      sheets = scoreboardSheets(await readScoreboard(db.prisma, period));
      filename = `红黑榜-${period}`;
    } else if (table === "publications.xlsx") {
      sheets = [await publicationSheet(db.prisma)];
      filename = "已发布红黑榜";
    } else if (table === "exemptions.xlsx" && hasRole(viewer, SCORE_READERS)) {
      sheets = [await exemptionSheet(db.prisma)];
      filename = "考核豁免";
    } else {
      return fail(res, 404, "没有这个导出");
    }
    sendDownload(res, await workbook(sheets), XLSX_CONTENT_TYPE, `${filename}-${new Date().toISOString().slice(0, 10)}.xlsx`);
  } catch (error) {
    if (error instanceof ValidationError) return fail(res, 400, error.message);
    log.error("supervision export failed", { error });
    fail(res, 500, "导出失败");
  }
}
