// Content encodings (HTTP compression): which one a request accepts, and bytes encoded with it.
// app.ts compresses answers as they are sent (the `compression` middleware, with these settings);
// the board cache (pipeline/board-cache.ts) keeps a board's answer encoded once, since encoding it for
// every reader cost more than the rest of a cached read (browsers always ask for it).
import { promisify } from "node:util";
import zlib from "node:zlib";

export type ContentEncoding = "br" | "gzip";

/** Answers this small are sent as they are: compressing them gains nothing. */
export const COMPRESSION_THRESHOLD = 1024;

/** Brotli's quality (0–11): the `compression` middleware's default, fast enough for every answer. */
export const BROTLI_QUALITY = 4;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * The encoding to answer a request with, of those kept (br, gzip), by its Accept-Encoding: the one it
 * weighs highest (q), br on a tie, as the `compression` middleware chooses; null for neither.
 */
export function preferredEncoding(acceptEncoding: string | null | undefined): ContentEncoding | null {
  if (!acceptEncoding) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [token, ...parameters] = part.trim().toLowerCase().split(";");
    if (!token) continue;
    const q = parameters.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p)).find(Boolean);
    weights.set(token, q ? Number(q[1]) : 1);
  }
  const weightOf = (encoding: ContentEncoding) => weights.get(encoding) ?? weights.get("*") ?? 0;
  const [first, second] = (["br", "gzip"] as const).map(weightOf) as [number, number];
  if (first <= 0 && second <= 0) return null;
  return first >= second ? "br" : "gzip";
}

/** The bytes encoded (off the main thread: zlib's work runs in libuv's pool). */
export function encode(bytes: Buffer, encoding: ContentEncoding): Promise<Buffer> {
  return encoding === "br" ? brotli(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } }) : gzip(bytes);
}
