// Defences of the GraphQL endpoint against abusive requests. Limits are generous for the web client's
// own documents (its deepest, a board with card histories, is 9 levels) and tight for anything else.
import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { usePersistedOperations } from "@graphql-yoga/plugin-persisted-operations";
import { GraphQLError, Kind, visit, type DocumentNode } from "graphql";
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

export interface PersistedOperationsOptions {
  /** Hash → document, from dist/persisted-operations.json (written by the client build). */
  documents: Record<string, string>;
  /** Refuse every document that is not in `documents` (production: PERSISTED_OPERATIONS_ONLY=1). */
  only: boolean;
}

export function hardeningPlugins(persisted: PersistedOperationsOptions): Plugin<Context>[] {
  return [
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
