// Plain HTTP routes beside /graphql (file downloads) authenticate as GraphQL does: the bearer token
// or the web client's session cookie. Their refusals are small JSON bodies in Chinese.
import type http from "node:http";
import type { Viewer } from "../../context.js";
import type { SqlRunner } from "../../db/client.js";
import { resolveSession, tokenFromHeaders } from "./service.js";
import type { TokenSigner } from "./tokens.js";

/** The signed-in user of a plain HTTP request, or null. */
export async function viewerOfRequest(sql: SqlRunner, tokens: TokenSigner, req: http.IncomingMessage): Promise<Viewer | null> {
  const token = tokenFromHeaders(req.headers.authorization, req.headers.cookie);
  return token ? resolveSession(sql, tokens, token) : null;
}

export function sendJsonError(res: http.ServerResponse, status: number, message: string): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify({ error: message }));
}

/** Sends a file to download, named in Chinese (RFC 5987). */
export function sendDownload(res: http.ServerResponse, body: Buffer, contentType: string, filename: string): void {
  res.writeHead(200, {
    "content-type": contentType,
    "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
    "content-length": body.length,
    "cache-control": "no-store",
  });
  res.end(body);
}

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
