// The HTTP application: /graphql (GraphQL over HTTP and SSE), /healthz, the file downloads
// (/export/audit.*, /import/project-template.xlsx) and the web client at /.
// It does not listen; server/index.ts does (and tests listen on a free port).
import { randomBytes } from "node:crypto";
import { createReadStream, existsSync, readFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import compression from "compression";
import type { Database } from "./db/client.js";
import { admission, readBody } from "./admission.js";
import { BROTLI_QUALITY, COMPRESSION_THRESHOLD } from "./encoding.js";
import { DEFAULT_GRAPHQL_CONCURRENCY } from "./config.js";
import { withStatementCounter } from "./db/statement-counter.js";
import type { InFlight } from "./in-flight.js";
import { requestIdFrom } from "./request-id.js";
import { LIMITS, type PersistedOperationsOptions } from "./hardening.js";
import { log } from "./log.js";
import { handleAuditExport } from "./modules/audit/http.js";
import { BOTTLENECK_XLSX_PATH, handleBottleneckExport } from "./modules/bottleneck/http.js";
import { handleMeetingExport, MEETING_DOCX_PATH, MEETING_XLSX_PATH } from "./modules/meeting/http.js";
import { createTokenSigner } from "./modules/auth/tokens.js";
import { handleIndicatorExport, INDICATOR_EXPORT_PATH } from "./modules/indicator/http.js";
import { handleImportTemplate, TEMPLATE_PATH } from "./modules/project/http.js";
import { handleSupervisionExport, SUPERVISION_EXPORT_PREFIX } from "./modules/supervision/http.js";
import { createLiveEvents, type BoardPubSub } from "./pubsub.js";
import { createGraphQLServer } from "./yoga.js";

export const clientDist = fileURLToPath(new URL("../dist/client", import.meta.url));
const persistedOperationsFile = fileURLToPath(new URL("../dist/persisted-operations.json", import.meta.url));

/** The documents the built client sends by hash; `only` refuses all others (and needs the file). */
export function loadPersistedOperations(only: boolean): PersistedOperationsOptions {
  if (!existsSync(persistedOperationsFile)) {
    if (only) throw new Error("PERSISTED_OPERATIONS_ONLY=1 needs dist/persisted-operations.json: run `npm run build`");
    return { documents: {}, only };
  }
  return { documents: JSON.parse(readFileSync(persistedOperationsFile, "utf8")) as Record<string, string>, only };
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

async function healthz(db: Database, res: http.ServerResponse): Promise<void> {
  let ok = false;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.sql.query("SELECT 1"),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("timeout")), 2000))),
    ]);
    ok = true;
  } catch {
    ok = false;
  } finally {
    clearTimeout(timer);
  }
  res.writeHead(ok ? 200 : 503, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(ok ? { status: "ok" } : { status: "unavailable", reason: "database does not answer" }));
}

/** Serves a file of the built client; unknown paths get index.html (client-side routes). */
async function serveClient(pathname: string, res: http.ServerResponse): Promise<void> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    res.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
    res.end("Bad path");
    return;
  }
  const relative = path.normalize(decoded).replace(/^(\.\.[/\\])+/, "");
  let file = path.join(clientDist, relative);
  if (!file.startsWith(clientDist)) file = path.join(clientDist, "index.html");
  let info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    file = path.join(clientDist, "index.html");
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) {
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
    res.end("The web client is not built: run `npm run build`.");
    return;
  }
  const hashed = file.includes(`${path.sep}assets${path.sep}`);
  res.writeHead(200, {
    "content-type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
    "content-length": info.size,
    "cache-control": hashed ? "public, max-age=31536000, immutable" : "no-cache",
    "x-content-type-options": "nosniff",
  });
  createReadStream(file).pipe(res);
}

export interface AppOptions {
  /** Operations the web client sends by hash; with `only`, nothing else is accepted. */
  persistedOperations?: PersistedOperationsOptions;
  /** Signs session tokens; every process of one deployment needs the same (see auth/tokens.ts). */
  sessionSecret?: Buffer;
  /** Where live board events go (in memory, or Redis). */
  pubsub?: BoardPubSub;
  /** Report the SQL statements each GraphQL request issued in an `x-sql-statements` header (tests, benchmarks). */
  statementHeader?: boolean;
  /** Answer repeated reads of unchanged boards from memory; on unless false (BOARD_CACHE=off). */
  boardCache?: boolean;
  /** GraphQL requests executing at once (GRAPHQL_CONCURRENCY); the others wait their turn. */
  graphqlConcurrency?: number;
  /** Hears of every request's work (not live-update streams), so that a stop can wait for it. */
  inFlight?: InFlight;
}

const SECURITY_HEADERS: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
  // Everything the client needs is served from here; nothing is loaded from elsewhere.
  "content-security-policy":
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; " +
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'",
};

// The bundled GraphiQL page runs inline scripts and web workers from blob: URLs.
const GRAPHIQL_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline' blob:; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

/** Refuses a body that is too large (413) or of unknown length (411) before reading it. */
function refuseBody(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  if (req.method !== "POST") return false;
  const length = req.headers["content-length"];
  const error = (status: number, message: string) => {
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", connection: "close" });
    res.end(JSON.stringify({ errors: [{ message, extensions: { code: "BAD_REQUEST" } }] }));
    req.resume();
    return true;
  };
  if (length === undefined) return error(411, "请求须带 Content-Length");
  if (Number(length) > LIMITS.maxBodyBytes) return error(413, `请求体不能超过 ${LIMITS.maxBodyBytes / 1024} KB`);
  return false;
}

/**
 * Brotli, gzip or deflate for what the client asks compressed: GraphQL answers, the built client,
 * exports (encoding.ts). Not for server-sent events, which must reach the browser as they happen; nor
 * for answers under 1 KB, which gain nothing; nor for an answer sent already encoded (a kept board:
 * pipeline/board-cache.ts).
 */
const compress = compression({
  threshold: COMPRESSION_THRESHOLD,
  brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } },
  filter: (req, res) =>
    !String(res.getHeader("content-type") ?? "").startsWith("text/event-stream") &&
    compression.filter(req as never, res as never),
}) as unknown as (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;

export function createApp(db: Database, options: AppOptions = {}): http.Server {
  const tokens = createTokenSigner(options.sessionSecret ?? randomBytes(32));
  const yoga = createGraphQLServer(
    db,
    options.pubsub ?? createLiveEvents().pubsub,
    tokens,
    options.persistedOperations ?? loadPersistedOperations(false),
    { boardCache: options.boardCache },
  );
  const gate = admission(options.graphqlConcurrency ?? DEFAULT_GRAPHQL_CONCURRENCY);
  const work = options.inFlight;
  return http.createServer((req, res) =>
    compress(req, res, () => {
      const answering = route(req, res);
      if (answering) work?.add(answering);
    }),
  );

  /** Answers a request; returns the answer's work, unless it is a live-update stream. */
  function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<unknown> | undefined {
    const url = new URL(req.url ?? "/", "http://localhost");
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (url.pathname === "/graphql") {
      if (refuseBody(req, res)) return;
      if (req.method === "GET" && req.headers.accept?.includes("text/html")) res.setHeader("content-security-policy", GRAPHIQL_CSP);
      const requestId = requestIdFrom(req.headers["x-request-id"]);
      res.setHeader("x-request-id", requestId);
      const handle = () => yoga(req, res, { requestId });
      // Yoga answers some requests at once (a refused GET) and returns no promise for them.
      const execute = async () => {
        await (options.statementHeader ? withStatementCounter(handle).result : handle());
      };
      // A subscription stays open while its client listens: it takes no place (admission.ts).
      if (req.headers.accept?.includes("text/event-stream")) {
        void execute();
        return;
      }
      if (req.method !== "POST") return gate.admit(res, execute);
      // Yoga reads a body given on the request (whatwg-node) instead of the stream.
      return readBody(req).then(
        (body) => {
          (req as http.IncomingMessage & { body?: Buffer }).body = body;
          return gate.admit(res, execute);
        },
        () => res.destroy(),
      );
    }
    if (req.method === "GET" && (url.pathname === "/export/audit.csv" || url.pathname === "/export/audit.xlsx")) {
      return handleAuditExport(db, tokens, req, res, url);
    }
    if (req.method === "GET" && url.pathname === INDICATOR_EXPORT_PATH) {
      return handleIndicatorExport(db, tokens, req, res);
    }
    if (req.method === "GET" && url.pathname === BOTTLENECK_XLSX_PATH) {
      return handleBottleneckExport(db, tokens, req, res, url);
    }
    if (req.method === "GET" && (url.pathname === MEETING_DOCX_PATH || url.pathname === MEETING_XLSX_PATH)) {
      return handleMeetingExport(db, tokens, req, res, url);
    }
    if (req.method === "GET" && url.pathname.startsWith(SUPERVISION_EXPORT_PREFIX)) {
      return handleSupervisionExport(db, tokens, req, res, url);
    }
    if (req.method === "GET" && url.pathname === TEMPLATE_PATH) {
      return handleImportTemplate(db, tokens, req, res);
    }
    if (url.pathname === "/healthz") return healthz(db, res);
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" });
      res.end();
      return;
    }
    return serveClient(url.pathname, res).catch((error: unknown) => {
      log.error("static file error", { error, path: url.pathname });
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  }
}
