// Defences of the GraphQL endpoint against abusive requests. Limits are generous for the web client's
// own documents (its deepest, a board with card histories, is 9 levels) and tight for anything else.
import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { usePersistedOperations } from "@graphql-yoga/plugin-persisted-operations";
import { GraphQLError, Kind, visit, type DocumentNode, type ValidationRule } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Context } from "./context.js";

export const LIMITS = {
  /** Request bodies larger than this are refused before they are read (413). */
  maxBodyBytes: 1024 * 1024,
  maxDepth: 12,
  maxAliases: 15,
  maxTokens: 3000,
  // The web client's board (five columns of twenty cards) costs about 27,000.
  maxCost: 60_000,
  maxDirectives: 20,
  /** Operations in one batched request. */
  maxBatch: 10,
} as const;

function hasIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === "__schema" || node.name.value === "__type") found = true;
    },
    [Kind.FRAGMENT_DEFINITION]: undefined,
  });
  return found;
}

/** Introspection only for signed-in users: strangers learn nothing of the schema. */
function useIntrospectionForSignedInUsers(): Plugin<Context> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (!(args.contextValue as Context).viewer && hasIntrospection(args.document)) {
        setResultAndStopExecution({
          errors: [new GraphQLError("请先登录", { extensions: { code: "UNAUTHENTICATED" } })],
        });
      }
    },
  };
}

// A lone UTF-16 surrogate: not Unicode text, and stored as U+FFFD (a silent change of what was sent).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a value holds text the database cannot store as sent: NUL, or a lone surrogate. */
export function hasMalformedText(value: unknown): boolean {
  const pending = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === "string") {
      if (next.includes("\u0000") || LONE_SURROGATE.test(next)) return true;
    } else if (next !== null && typeof next === "object") {
      for (const [key, item] of Object.entries(next)) pending.push(key, item);
    }
  }
  return false;
}

const MALFORMED_TEXT = "文本含有无法保存的字符（NUL 或不成对的代理项）";

function requestError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_REQUEST", http: { status: 400 } } });
}

/** String literals in a document must be well-formed text too (an escaped \u0000 is one). */
const wellFormedLiterals: ValidationRule = (context) => ({
  StringValue(node) {
    if (hasMalformedText(node.value)) context.reportError(new GraphQLError(MALFORMED_TEXT, { nodes: [node] }));
  },
});

/**
 * Refuses, before anything runs, requests whose text the database would refuse (NUL) or change (lone
 * surrogates), and an empty batch (which would be answered with nothing at all).
 */
function useWellFormedRequests(): Plugin<Context> {
  return {
    onRequestParse: () => ({
      onRequestParseDone({ requestParserResult }) {
        if (Array.isArray(requestParserResult)) {
          if (requestParserResult.length === 0) throw requestError("批量请求不能为空");
          if (requestParserResult.some((params) => typeof params !== "object" || params === null || Array.isArray(params))) {
            throw requestError("批量请求的每一项都应是一个 GraphQL 请求对象");
          }
        }
        if (hasMalformedText(requestParserResult)) throw requestError(MALFORMED_TEXT);
      },
    }),
    onValidate({ addValidationRule }) {
      addValidationRule(wellFormedLiterals);
    },
  };
}

export interface PersistedOperationsOptions {
  /** Hash → document, from dist/persisted-operations.json (written by the client build). */
  documents: Record<string, string>;
  /** Refuse every document that is not in `documents` (production: PERSISTED_OPERATIONS_ONLY=1). */
  only: boolean;
}

export function hardeningPlugins(persisted: PersistedOperationsOptions): Plugin<Context>[] {
  return [
    useWellFormedRequests(),
    usePersistedOperations({
      getPersistedOperation: (hash) => persisted.documents[hash] ?? null,
      allowArbitraryOperations: !persisted.only,
      customErrors: {
        notFound: { message: "未知的持久化操作：请刷新页面以加载最新版本", extensions: { code: "PERSISTED_QUERY_NOT_FOUND" } },
        persistedQueryOnly: { message: "本服务只接受已登记的操作", extensions: { code: "PERSISTED_QUERY_ONLY" } },
      },
    }) as Plugin<Context>,
    EnvelopArmorPlugin({
      maxDepth: { n: LIMITS.maxDepth, ignoreIntrospection: true },
      maxAliases: { n: LIMITS.maxAliases },
      maxTokens: { n: LIMITS.maxTokens },
      costLimit: { maxCost: LIMITS.maxCost, ignoreIntrospection: true },
      maxDirectives: { n: LIMITS.maxDirectives },
      // No "did you mean …?" hints that map the schema for a stranger.
      blockFieldSuggestion: { enabled: true },
    }) as Plugin<Context>,
    // Requests a browser could send cross-site without a preflight (GET, forms) must carry this header.
    useCSRFPrevention({ requestHeaders: ["x-tuijin-csrf"] }) as Plugin<Context>,
    useIntrospectionForSignedInUsers(),
  ];
}
