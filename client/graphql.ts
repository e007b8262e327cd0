// gql.tada: documents are typed from the server's schema (graphql-env.d.ts is generated from
// ../server/schema.graphql by `gql.tada generate output`; see tsconfig.json in this folder).
import { initGraphQLTada } from "gql.tada";
import type { introspection } from "./graphql-env.d.ts";

export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: {
    DateTime: string;
    Date: string;
    /** Exact decimals (money in 万元) travel as strings so no precision is lost. */
    Decimal: string;
  };
}>();

/** The TypeScript type of a schema enum or scalar, e.g. `SchemaType<"Stage">`. */
export type SchemaType<Name extends string> = ReturnType<typeof graphql.scalar<Name>>;

export type { FragmentOf, ResultOf, VariablesOf } from "gql.tada";
export { readFragment } from "gql.tada";
