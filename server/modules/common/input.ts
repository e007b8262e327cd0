// Helpers for refusing bad input with a clear GraphQL error (extensions.code BAD_USER_INPUT).
import { GraphQLError } from "graphql";

export function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });
}

/** Global IDs arrive as { typename, id } from the relay plugin; our database ids are integers. */
export function databaseId(globalId: { id: string; typename: string }): number {
  const id = Number(globalId.id);
  if (!Number.isSafeInteger(id) || id <= 0) throw badInput(`Invalid ${globalId.typename} id`);
  return id;
}
