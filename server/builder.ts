// The SchemaBuilder and its plugins: configuration only. Types live in server/modules/*/schema.ts.
import SchemaBuilder from "@pothos/core";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import type { Prisma, Role } from "@prisma/client";
import { GraphQLError } from "graphql";
import type { Context } from "./context.js";
import { hasRole } from "./modules/auth/policy.js";
import { decodeNodeId, encodeNodeId } from "./modules/common/input.js";
import type PrismaTypes from "./generated/pothos-prisma-types.js";
import { getDatamodel } from "./generated/pothos-prisma-types.js";

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  /** signedIn: any signed-in user; role: one of the roles listed (see modules/auth/policy.ts). */
  AuthScopes: { signedIn: boolean; role: readonly Role[] };
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    /** A calendar date (YYYY-MM-DD), held as a Date at UTC midnight. */
    Date: { Input: Date; Output: Date };
    /** Exact decimal (money in 万元), carried as a string so no precision is lost. */
    Decimal: { Input: string; Output: Prisma.Decimal | string };
  };
  /** Every connection has a totalCount (CONTRACT.md); resolvers pass it as a value or a thunk. */
  Connection: { totalCount: number | (() => number | Promise<number>) };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  // Errors first so that it also catches the ForbiddenError thrown for a refused mutation.
  plugins: [ErrorsPlugin, ScopeAuthPlugin, PrismaPlugin, RelayPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: async (context) => ({
      signedIn: context.viewer !== null,
      role: (roles: readonly Role[]) => hasRole(context.viewer, roles),
    }),
    authorizeOnSubscribe: true,
    unauthorizedError: (_parent, context) =>
      context.viewer
        ? new GraphQLError("无权访问", { extensions: { code: "FORBIDDEN" } })
        : new GraphQLError("请先登录", { extensions: { code: "UNAUTHENTICATED" } }),
  },
  // No type here has a `select` of its own, so every Prisma-backed object is a whole row: a field
  // declares `select` only for the relations it reads, never for scalars (Pothos wraps each field
  // that declares one in a per-row lookup, which on the board's hundred cards cost a fifth of the CPU;
  // the relations a card shows are plain fields for that reason: pipeline/card-rows.ts).
  prisma: {
    client: (context) => context.prisma,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === "production" ? null : "warn",
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    encodeGlobalID: encodeNodeId,
    // An ID naming no object type is refused before the relay plugin looks the type up.
    decodeGlobalID: (globalID: string): { typename: string; id: string } =>
      decodeNodeId(globalID, (typename) => builder.configStore.hasConfig(typename) && builder.configStore.getTypeConfig(typename).kind === "Object"),
  },
});

builder.globalConnectionField("totalCount", (t) =>
  t.int({
    resolve: (connection) =>
      typeof connection.totalCount === "function" ? connection.totalCount() : connection.totalCount,
  }),
);

// Every root field needs a signed-in user unless it says otherwise (login, viewer).
builder.queryType({ authScopes: { signedIn: true } });
builder.mutationType({ authScopes: { signedIn: true } });
builder.subscriptionType({ authScopes: { signedIn: true } });
