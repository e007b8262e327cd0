// Field options that declare who may run a mutation (scope-auth), answering anyone else as data.
import type { Role } from "@prisma/client";
import { GraphQLError } from "graphql";
import type { Context } from "../../context.js";
import { ForbiddenError } from "../common/errors.js";

/**
 * Field options that let only `roles` run a mutation; anyone else gets ForbiddenError as data.
 * (The type-level `signedIn` scope still answers a stranger with UNAUTHENTICATED.)
 */
export function onlyFor(roles: readonly Role[], message = "当前角色无权执行此操作") {
  return {
    authScopes: { role: roles },
    // Thrown, so that the errors plugin returns it as the field's ForbiddenError member; a stranger
    // gets the GraphQL error every other field gives.
    unauthorizedResolver: (_parent: unknown, _args: unknown, context: Context): never => {
      if (!context.viewer) throw new GraphQLError("请先登录", { extensions: { code: "UNAUTHENTICATED" } });
      throw new ForbiddenError(message);
    },
  } as const;
}
