// GET /import/project-template.xlsx: the 项目清单 template, for those who may register projects.
import type http from "node:http";
import type { Database } from "../../db/client.js";
import { log } from "../../log.js";
import { sendDownload, sendJsonError, viewerOfRequest, XLSX_CONTENT_TYPE } from "../auth/http.js";
import { hasRole, PROJECT_EDITORS } from "../auth/policy.js";
import type { TokenSigner } from "../auth/tokens.js";
import { buildImportTemplate, TEMPLATE_FILENAME } from "./template.js";

export const TEMPLATE_PATH = "/import/project-template.xlsx";

export async function handleImportTemplate(db: Database, tokens: TokenSigner, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const viewer = await viewerOfRequest(db.sql, tokens, req);
  if (!viewer) return sendJsonError(res, 401, "请先登录");
  if (!hasRole(viewer, PROJECT_EDITORS)) return sendJsonError(res, 403, "当前角色无权登记项目");
  try {
    sendDownload(res, await buildImportTemplate(db.prisma), XLSX_CONTENT_TYPE, TEMPLATE_FILENAME);
  } catch (error) {
    log.error("import template failed", { error });
    sendJsonError(res, 500, "模板生成失败");
  }
}
