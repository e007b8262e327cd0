// GET /export/audit.csv and /export/audit.xlsx: the audit query of the API (same filter, as query
// parameters: entity, projectId, actorId, action, from, to) as a file auditors open in Excel or WPS.
import type http from "node:http";
import { decodeGlobalID } from "@pothos/plugin-relay";
import type { Database } from "../../db/client.js";
import { log } from "../../log.js";
import { sendDownload, sendJsonError as fail, viewerOfRequest, XLSX_CONTENT_TYPE } from "../auth/http.js";
import { AUDIT_READERS, hasRole } from "../auth/policy.js";
import type { TokenSigner } from "../auth/tokens.js";
import { auditRows, ExportTooLargeError, toCsv, toXlsx } from "./export.js";
import type { AuditFilter } from "./query.js";

class BadRequest extends Error {}

function idParam(params: URLSearchParams, name: string, typename: string): number | undefined {
  const value = params.get(name);
  if (!value) return undefined;
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(value);
  } catch {
    throw new BadRequest(`${name} 不是有效的编号`);
  }
  const id = Number(decoded.id);
  if (decoded.typename !== typename || !Number.isSafeInteger(id)) throw new BadRequest(`${name} 不是有效的${typename}编号`);
  return id;
}

function dateParam(params: URLSearchParams, name: string): Date | undefined {
  const value = params.get(name);
  if (!value) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new BadRequest(`${name} 应为 ISO 8601 时间`);
  return date;
}

export function parseAuditFilter(params: URLSearchParams): AuditFilter {
  const text = (name: string) => {
    const value = params.get(name) ?? undefined;
    if (value && value.length > 100) throw new BadRequest(`${name} 过长`);
    return value || undefined;
  };
  return {
    entity: text("entity"),
    action: text("action"),
    projectId: idParam(params, "projectId", "Project"),
    actorId: idParam(params, "actorId", "User"),
    from: dateParam(params, "from"),
    to: dateParam(params, "to"),
  };
}

export async function handleAuditExport(
  db: Database,
  tokens: TokenSigner,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
): Promise<void> {
  const format = url.pathname.endsWith(".xlsx") ? "xlsx" : "csv";
  const viewer = await viewerOfRequest(db.sql, tokens, req);
  if (!viewer) return fail(res, 401, "请先登录");
  if (!hasRole(viewer, AUDIT_READERS)) return fail(res, 403, "当前角色无权导出审计记录");
  try {
    const rows = await auditRows(db.prisma, parseAuditFilter(url.searchParams));
    const stamp = new Date().toISOString().slice(0, 10);
    const body = format === "csv" ? Buffer.from(toCsv(rows), "utf8") : await toXlsx(rows);
    sendDownload(res, body, format === "csv" ? "text/csv; charset=utf-8" : XLSX_CONTENT_TYPE, `审计记录-${stamp}.${format}`);
  } catch (error) {
    if (error instanceof BadRequest || error instanceof ExportTooLargeError) return fail(res, 400, error.message);
    log.error("audit export failed", { error });
    fail(res, 500, "导出失败");
  }
}
