// GET /export/indicators.xlsx: the indicator table, for everyone signed in (as the dashboard is).
import type http from "node:http";
import type { Database } from "../../db/client.js";
import { log } from "../../log.js";
import { sendDownload, sendJsonError, viewerOfRequest, XLSX_CONTENT_TYPE } from "../auth/http.js";
import type { TokenSigner } from "../auth/tokens.js";
import { todayInChina } from "../common/calendar.js";
import { indicatorWorkbook } from "./export.js";

export const INDICATOR_EXPORT_PATH = "/export/indicators.xlsx";

export async function handleIndicatorExport(db: Database, tokens: TokenSigner, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const viewer = await viewerOfRequest(db.sql, tokens, req);
  if (!viewer) return sendJsonError(res, 401, "请先登录");
  try {
    const stamp = todayInChina().toISOString().slice(0, 10);
    sendDownload(res, await indicatorWorkbook(db.prisma), XLSX_CONTENT_TYPE, `指标监测-${stamp}.xlsx`);
  } catch (error) {
    log.error("indicator export failed", { error });
    sendJsonError(res, 500, "导出失败");
  }
}
