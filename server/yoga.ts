// The GraphQL server (graphql-yoga). It never listens: server/app.ts routes HTTP to it.
import { randomUUID } from "node:crypto";
import { PothosValidationError } from "@pothos/core";
import { createYoga, handleStreamOrSingleExecutionResult, type Plugin, type YogaInitialContext } from "graphql-yoga";
import { GraphQLError, type ExecutionResult } from "graphql";
import type { Context } from "./context.js";
import { useCompiledQueries } from "./compiled-execution.js";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "./db/availability.js";
import type { Database } from "./db/client.js";
import { statementsSoFar } from "./db/statement-counter.js";
import { hardeningPlugins, LIMITS, type PersistedOperationsOptions } from "./hardening.js";
import { useUtf8JsonAnswers } from "./json-answer.js";
import { log } from "./log.js";
import { resolveSession, tokenFromHeaders } from "./modules/auth/service.js";
import { useBoardCache } from "./modules/pipeline/board-cache.js";
import type { TokenSigner } from "./modules/auth/tokens.js";
import type { BoardPubSub } from "./pubsub.js";
import { markingFailure, markRequest, requestIdOf } from "./request-id.js";
import { schema } from "./schema.js";

// By name, not instanceof: graphql's ESM and CommonJS builds may both be loaded.
function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof Error && error.name === "GraphQLError";
}

/**
 * Errors about the request itself (a variable of the wrong type, a missing one) come from graphql-js
 * without a code; they name no field (no path). Every error a client sees carries a code (CONTRACT.md).
 */
function withRequestErrorCode(error: GraphQLError): GraphQLError {
  if (error.extensions.code !== undefined || error.path !== undefined) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    originalError: error.originalError,
    extensions: { ...error.extensions, code: "BAD_USER_INPUT" },
  });
}

/** What app.ts hands yoga with each request. */
interface ServerContext {
  req?: { socket?: { remoteAddress?: string } };
  requestId: string;
}

/** Marks the errors of an execution with their request's id before they are masked (request-id.ts). */
function useRequestIdOnErrors(): Plugin<Context> {
  const mark = ({ result, args }: { result: ExecutionResult; args: { contextValue: Context } }) => {
    for (const error of result.errors ?? []) markRequest(error, args.contextValue.requestId);
  };
  return {
    onExecute: () => ({ onExecuteDone: (payload) => handleStreamOrSingleExecutionResult(payload, mark) }),
    onSubscribe: ({ args }) => ({
      onSubscribeResult: (payload) => handleStreamOrSingleExecutionResult(payload, mark),
      onSubscribeError: ({ error }) => markRequest(error, args.contextValue.requestId),
    }),
  };
}

/** Sends the Set-Cookie values that resolvers asked for (and, in tests, the SQL statement count) with every response. */
function useResponseHeaders(contexts: WeakMap<Request, Context>): Plugin {
  return {
    onResponse: ({ request, response }) => {
      const context = contexts.get(request);
      if (!context) return;
      const statements = statementsSoFar();
      if (statements !== undefined) response.headers.set("x-sql-statements", String(statements));
      for (const cookie of context.responseCookies) response.headers.append("set-cookie", cookie);
    },
  };
}

export interface GraphQLServerOptions {
  /** Answer repeated reads of unchanged boards from memory (pipeline/board-cache.ts); on unless false. */
  boardCache?: boolean;
}

export function createGraphQLServer(
  db: Database,
  pubsub: BoardPubSub,
  tokens: TokenSigner,
  persisted: PersistedOperationsOptions,
  options: GraphQLServerOptions = {},
) {
  const contexts = new WeakMap<Request, Context>();
  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    // GraphiQL for a browser that asks for /graphql, bundled whole: nothing is fetched from a CDN.
    // Loaded when first asked for: its page is about 10 MB of script, which as a module's source
    // held about 30 MB of the server's heap.
    graphiql: { title: "推进 · GraphQL" },
    renderGraphiQL: (options) => import("@graphql-yoga/render-graphiql").then(({ renderGraphiQL }) => renderGraphiQL(options)),
    logging: false,
    context: async ({ request, req, requestId }: YogaInitialContext & ServerContext): Promise<Context> => {
      const token = tokenFromHeaders(request.headers.get("authorization"), request.headers.get("cookie"));
      const context: Context = {
        db,
        prisma: db.prisma,
        pubsub,
        tokens,
        viewer: token ? await markingFailure(requestId, resolveSession(db.sql, tokens, token)) : null,
        requestId,
        clientAddr: req?.socket?.remoteAddress ?? "unknown",
        responseCookies: [],
        secureCookies: new URL(request.url).protocol === "https:",
      };
      contexts.set(request, context);
      return context;
    },
    maskedErrors: {
      maskError: (error, message) => {
        const original = isGraphQLError(error) ? error.originalError : error;
        // Errors we raise on purpose (bad input, sign-in needed, forbidden) are already GraphQLErrors.
        if (isGraphQLError(error) && (!original || isGraphQLError(original))) return withRequestErrorCode(error);
        if (original instanceof PothosValidationError) {
          return new GraphQLError(original.message, { extensions: { code: "BAD_USER_INPUT" } });
        }
        // The same id as the response's x-request-id, so a user's report leads to the log line.
        const requestId = requestIdOf(error) ?? randomUUID();
        if (isDatabaseUnavailable(original ?? error)) {
          log.warn("database unavailable", { requestId, error: original ?? error });
          return new GraphQLError(DATABASE_UNAVAILABLE_MESSAGE, {
            extensions: { code: "DATABASE_UNAVAILABLE", requestId, http: { status: 503, headers: { "retry-after": "5" } } },
          });
        }
        log.error("unexpected error", { requestId, error: original ?? error });
        return new GraphQLError(message, { extensions: { code: "INTERNAL_SERVER_ERROR", requestId } });
      },
    },
    batching: { limit: LIMITS.maxBatch },
    // app.ts refuses a body over LIMITS.maxBodyBytes, or without a Content-Length, before reading it
    // (and node reads no more than that length); yoga's own limit would pass every body through a
    // stream pipeline of its own again, whose end creates an AbortError (with its stack): about 2% of
    // an uncached board's CPU.
    maxRequestBodySize: false,
    plugins: [
      useRequestIdOnErrors(),
      ...hardeningPlugins(persisted),
      // Before the board cache, which wraps whichever execution is set when it runs.
      useCompiledQueries(),
      ...(options.boardCache === false ? [] : [useBoardCache()]),
      useUtf8JsonAnswers(),
      useResponseHeaders(contexts),
    ],
  });
}
