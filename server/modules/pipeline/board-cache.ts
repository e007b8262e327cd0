// Caching of board reads. A query that asks only for today's boards (`board` fields without `at`)
// is answered from memory while the record is unchanged. Before each such query one cheap statement
// reads the record's fingerprint (audit/fingerprint.ts: the audit chain's head, which every change,
// whoever makes it and through whichever server process, advances in its own transaction), so a
// changed board never matches a fingerprint taken before the change. The fingerprint is read before
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
import { recordFingerprint } from "../audit/fingerprint.js";
import type { Context } from "../../context.js";
import { todayInChina } from "../common/calendar.js";

// Bounded by the size of the answers kept, not only their number: a board answer is about 80 KB of
// JSON at province scale (several times that as objects in memory), so 500 of them (as many roles ×
// actions × filters) would have held over 100 MB. About 100 such boards fit in this budget.
const MAX_ENTRIES = 500;
const MAX_JSON_CHARS = 8 * 1024 * 1024;

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

/**
 * The result with its JSON text made once and kept: graphql-yoga serialises a result with its own
 * `stringify` when it has one, so a cached answer is not serialised again for every reader.
 */
function serialisedOnce(result: ExecutionResult): { result: ExecutionResult; text: string } {
  const text = JSON.stringify(result);
  return { result: { ...result, stringify: () => text } as ExecutionResult, text };
}

export function useBoardCache(): Plugin<Context> {
  const entries = new Map<string, { fingerprint: string; result: ExecutionResult; size: number }>();
  let size = 0;
  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    size -= entry.size;
  };
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const context = args.contextValue;
      // Strangers get UNAUTHENTICATED from the schema itself; only signed-in users are served here.
      if (!context.viewer) return;
      const codes = boardActionCodes(args.schema, args.document, args.operationName, args.variableValues);
      if (!codes) return;
      const key = cacheKey(args.document, args.operationName, args.variableValues, context.viewer.role);
      const fingerprint = await recordFingerprint(context.db.sql);
      const cached = entries.get(key);
      if (cached?.fingerprint === fingerprint) {
        // Most recently used last: the oldest entries go first when the cache is full.
        entries.delete(key);
        entries.set(key, cached);
        setResultAndStopExecution(cached.result);
        return;
      }
      return {
        onExecuteDone({ result }) {
          if (Symbol.asyncIterator in result || result.errors?.length) return;
          // Serialised once per miss (which has just read the board from the database anyway): the
          // text is both the entry's size and what every later reader is sent.
          const entry = serialisedOnce(result);
          remove(key);
          if (entry.text.length > MAX_JSON_CHARS) return;
          entries.set(key, { fingerprint, result: entry.result, size: entry.text.length });
          size += entry.text.length;
          while (entries.size > MAX_ENTRIES || size > MAX_JSON_CHARS) remove(entries.keys().next().value!);
        },
      };
    },
  };
}
