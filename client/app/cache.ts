// Graphcache configuration. Types with an `id` are normalised by it; the ones without are
// embedded in their parent (`key: () => null`). The `keys` object is checked against the schema:
// a new id-less object type in server/schema.graphql makes `tsc` fail here until it is listed.
import type { CacheExchangeOpts } from "@urql/exchange-graphcache";
import type { introspection } from "../graphql-env.d.ts";

type SchemaTypes = introspection["types"];
type RootTypeName = introspection["query"] | introspection["mutation"];

/** Object types without an `id` field (connections, edges, payloads, errors, value objects). */
type EmbeddedTypeName = {
  [Name in keyof SchemaTypes]: SchemaTypes[Name] extends { kind: "OBJECT"; fields: infer Fields }
    ? "id" extends keyof Fields
      ? never
      : Name
    : never;
}[keyof SchemaTypes];

const embedded = () => null;

const keys: Record<Exclude<EmbeddedTypeName, RootTypeName>, typeof embedded> = {
  AnnualPlan: embedded,
  AuditChainStatus: embedded,
  AuditEventConnection: embedded,
  AuditEventEdge: embedded,
  Board: embedded,
  BoardColumn: embedded,
  ForbiddenError: embedded,
  FundingSource: embedded,
  GateNotMetError: embedded,
  IndicatorMeasure: embedded,
  IndicatorValue: embedded,
  InvalidCredentialsError: embedded,
  LoginSuccess: embedded,
  MoveProjectSuccess: embedded,
  NotFoundError: embedded,
  PageInfo: embedded,
  ProjectConnection: embedded,
  ProjectEdge: embedded,
  StageTransitionConnection: embedded,
  StageTransitionEdge: embedded,
  StaleVersionError: embedded,
  TransitionNotAllowedError: embedded,
};

export const cacheConfig = { keys } satisfies Partial<CacheExchangeOpts>;
