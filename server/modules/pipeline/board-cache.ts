// Caching of board reads. A query that asks only for today's boards (`board` fields without `at`)
// is answered from memory while what those boards show is unchanged. Before each such query one cheap
// statement reads their fingerprint (audit/fingerprint.ts: the last audit event of their actions'
// projects or of no one action, such as a change of the traffic-light thresholds; every change,
// whoever makes it and through whichever server process, appends one in its own transaction), so a
// changed board never matches a fingerprint taken before the change, and a change to another
// action's projects does not send this board back to the database. The fingerprint is read before
// the board is, so an answer is never filed under a newer fingerprint than its data: a board is never
// stale after a move, an edit or a change of the traffic-light thresholds.
import { createHash } from "node:crypto";
import type { Plugin } from "graphql-yoga";
import {
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  Kind,
  print,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
} from "graphql";
import { log } from "../../log.js";
import { markingFailure } from "../../request-id.js";
import { boardsFingerprint } from "../audit/fingerprint.js";
import type { Context } from "../../context.js";
import { todayInChina } from "../common/calendar.js";
import { COMPRESSION_THRESHOLD, encode, preferredEncoding, type ContentEncoding } from "../../encoding.js";
import { jsonUtf8, withUtf8Json } from "../../json-answer.js";

// Bounded by the size of the answers kept, not only their number: a board answer is about 85 KB of
// UTF-8 at province scale, so 500 of them (as many roles × actions × filters) would hold over 40 MB.
// About 180 such boards fit in this budget, with their compressed answers (a tenth of that each).
const MAX_ENTRIES = 500;
const MAX_BYTES = 16 * 1024 * 1024;

/**
 * The action codes of a query made only of today's `board` fields (and `__typename`), or null when
 * the operation asks for anything else (which is then executed as usual).
 */
export function boardActionCodes(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined): number[] | null {
  const operation = getOperationAST(document, operationName);
  if (!operation || operation.operation !== "query") return null;
  const boardField = schema.getQueryType()?.getFields().board;
  if (!boardField) return null;
  // Variables that do not fit the operation are left to execution, which answers with their error.
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) return null;
  const codes: number[] = [];
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return null;
    if (selection.name.value === "__typename") continue;
    if (selection.name.value !== "board" || selection.directives?.length) return null;
    const args = getArgumentValues(boardField, selection, coerced.coerced);
    if (args.at !== undefined && args.at !== null) return null;
    codes.push(args.actionCode as number);
  }
  return codes.length > 0 ? codes : null;
}

const documentTexts = new WeakMap<DocumentNode, string>();

function cacheKey(document: DocumentNode, operationName: string | null | undefined, variables: unknown, role: string): string {
  let text = documentTexts.get(document);
  if (text === undefined) {
    text = print(document);
    documentTexts.set(document, text);
  }
  // Days in stage and overdue milestones change with the date in China.
  const day = todayInChina().toISOString().slice(0, 10);
  return createHash("sha256")
    .update(JSON.stringify([text, operationName ?? null, variables ?? {}, role, day]))
    .digest("base64url");
}

interface Entry {
  key: string;
  fingerprint: string;
  /** The result, serialised once: its answer's body is `body` for every reader. */
  result: ExecutionResult;
  /** The answer's body as sent: its JSON in UTF-8. */
  body: Buffer;
  /** The body compressed, by encoding, made when a reader first asks for it (browsers always do). */
  encoded: Partial<Record<ContentEncoding, Promise<Buffer>>>;
  /** Bytes kept: the body and the encodings made so far. */
  size: number;
}

/** The result with its JSON made once and kept as UTF-8 (json-answer.ts), not again for each reader. */
function serialisedOnce(result: ExecutionResult, key: string, fingerprint: string): Entry {
  const body = jsonUtf8(result);
  return { key, fingerprint, result: withUtf8Json(result, () => body), body, encoded: {}, size: body.length };
}

export function useBoardCache(): Plugin<Context> {
  const entries = new Map<string, Entry>();
  let size = 0;
  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    size -= entry.size;
  };
  /** Keeps a board's answer (serialised once) under its fingerprint; returns the result to send. */
  const keep = (key: string, fingerprint: string, result: ExecutionResult | AsyncIterable<unknown>) => {
    if (Symbol.asyncIterator in result || result.errors?.length) return result;
    // Serialised once per miss (which has just read the board from the database anyway), and this
    // reader is sent the same bytes as every later one.
    const entry = serialisedOnce(result, key, fingerprint);
    entryOf.set(entry.result, entry);
    remove(key);
    if (entry.size <= MAX_BYTES) {
      entries.set(key, entry);
      size += entry.size;
      evict();
    }
    return entry.result;
  };
  const evict = () => {
    while (entries.size > MAX_ENTRIES || size > MAX_BYTES) remove(entries.keys().next().value!);
  };
  /** The entry's body in the encoding, made once (and counted in the budget while the entry is kept). */
  const encoded = (entry: Entry, encoding: ContentEncoding): Promise<Buffer> =>
    (entry.encoded[encoding] ??= encode(entry.body, encoding).then(
      (bytes) => {
        entry.size += bytes.length;
        if (entries.get(entry.key) === entry) {
          size += bytes.length;
          evict();
        }
        return bytes;
      },
      (error: unknown) => {
        // Not kept: the next reader tries again (this one is sent the answer as it is).
        delete entry.encoded[encoding];
        throw error;
      },
    ));
  // The reads of boards under way, by key: a reader of a board that is not in memory waits for the
  // read of it under the same fingerprint, if one is under way, and takes its answer. A change sends
  // every client showing the board back to it at once (live updates), and each of them would
  // otherwise read the whole board from the database.
  const flights = new Map<string, { fingerprint: string; read: Promise<unknown> }>();
  // A kept answer's entry, by its result; then by request, from the result's processing to its response.
  const entryOf = new WeakMap<ExecutionResult, Entry>();
  const answering = new WeakMap<Request, Entry>();
  return {
    async onExecute({ args, executeFn, setExecuteFn, setResultAndStopExecution }) {
      const context = args.contextValue;
      // Strangers get UNAUTHENTICATED from the schema itself; only signed-in users are served here.
      if (!context.viewer) return;
      const codes = boardActionCodes(args.schema, args.document, args.operationName, args.variableValues);
      if (!codes) return;
      const key = cacheKey(args.document, args.operationName, args.variableValues, context.viewer.role);
      // Read outside execution: a failure is marked, so its masked error names this request (request-id.ts).
      const fingerprint = await markingFailure(context.requestId, boardsFingerprint(context.db.sql, codes));
      const flight = flights.get(key);
      // A read that fails, or whose answer is not kept (errors), leaves each waiting reader to read for itself.
      if (flight?.fingerprint === fingerprint) await flight.read.catch(() => undefined);
      const cached = entries.get(key);
      if (cached?.fingerprint === fingerprint) {
        // Most recently used last: the oldest entries go first when the cache is full.
        entries.delete(key);
        entries.set(key, cached);
        setResultAndStopExecution(cached.result);
        return;
      }
      // Registered as execution starts: between this hook's end and then only promise callbacks run,
      // so no reader of the same fingerprint can look for the flight in between.
      setExecuteFn((executionArgs) => {
        const read = Promise.resolve(executeFn(executionArgs)).then((result) => keep(key, fingerprint, result));
        const own = { fingerprint, read };
        flights.set(key, own);
        const land = () => {
          if (flights.get(key) === own) flights.delete(key);
        };
        read.then(land, land);
        return read;
      });
    },
    // A kept answer alone (not one of a batch) to a client that accepts compression: sent compressed
    // as kept, with graphql-yoga's status and headers (app.ts's compression leaves an encoded answer).
    onResultProcess({ request, result }) {
      const entry = Array.isArray(result) ? undefined : entryOf.get(result as ExecutionResult);
      if (entry) answering.set(request, entry);
    },
    async onResponse({ request, response, setResponse, fetchAPI }) {
      const entry = answering.get(request);
      if (!entry || response.status !== 200 || !response.headers.get("content-type")?.includes("json")) return;
      const encoding = preferredEncoding(request.headers.get("accept-encoding"));
      if (!encoding || entry.body.length < COMPRESSION_THRESHOLD) return;
      const headers = new fetchAPI.Headers(response.headers);
      headers.delete("content-length");
      headers.set("content-encoding", encoding);
      headers.set("vary", "Accept-Encoding");
      const bytes = await encoded(entry, encoding).catch((error: unknown) => {
        log.error("could not compress a kept board", { error });
        return null;
      });
      // zlib's buffers are never shared memory.
      if (bytes) setResponse(new fetchAPI.Response(bytes as Uint8Array<ArrayBuffer>, { status: 200, headers }));
    },
  };
}
