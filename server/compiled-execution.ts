// Queries executed by code compiled for their document (graphql-jit) instead of graphql-js's
// interpreter, which walks the document anew for every object of every answer: on a board's hundred
// cards, about a quarter of an uncached board's CPU (`npm run bench -- board-cpu`). A document is
// compiled once, when first executed (yoga hands the same parsed document for the same text); the
// last MAX_COMPILED documents executed are kept (the web client has some twenty queries), so that
// documents sent by the thousand cannot fill the heap with generated code.
// Not compiled, and executed by graphql-js as before:
// - mutations and subscriptions: few, and a mutation's fields must run one after another;
// - a query that selects a relation Pothos loads ahead with its parent (a field with a
//   `pothosPrismaSelect`, such as a project's history or milestones): Pothos finds what was loaded for
//   it by the identity of graphql-js's response-path objects, which compiled code builds otherwise,
//   so each such field would read its rows again, row by row.
// A request whose variables do not fit the operation is left to graphql-js, whose errors (with their
// locations, and HTTP status 400) the clients know; the compiled code's errors of execution are made
// graphql-js's (with their extensions), as the error masking expects.
// tests/compiled-execution.test.ts holds compiled answers to the interpreter's.
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";
import {
  getOperationAST,
  GraphQLError,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  BREAK,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type SourceLocation,
} from "graphql";
import type { Plugin } from "graphql-yoga";

const MAX_COMPILED = 100;
/** By document, then operation name; in the order last used (the first is forgotten first). */
const compiled = new Map<DocumentNode, Map<string, CompiledQuery | null>>();

/** Whether the document selects a field whose rows Pothos loads ahead with its parent's. */
function selectsPlannedRelation(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let found = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        if (typeInfo.getFieldDef()?.extensions?.pothosPrismaSelect) {
          found = true;
          return BREAK;
        }
        return undefined;
      },
    }),
  );
  return found;
}

/** The document's operation compiled, or null when it is to be interpreted (see above). */
export function compiledQuery(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): CompiledQuery | null {
  let byOperation = compiled.get(document);
  if (byOperation) compiled.delete(document);
  else byOperation = new Map();
  compiled.set(document, byOperation);
  if (compiled.size > MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
  const key = operationName ?? "";
  let found = byOperation.get(key);
  if (found === undefined) {
    found = null;
    if (getOperationAST(document, operationName)?.operation === "query" && !selectsPlannedRelation(schema, document)) {
      const result = compileQuery(schema, document, operationName ?? undefined);
      if (isCompiledQuery(result)) found = result;
    }
    byOperation.set(key, found);
  }
  return found;
}

/** The offset in `body` of a 1-based line and column. */
function positionOf(body: string, { line, column }: SourceLocation): number {
  let offset = 0;
  for (let at = 1; at < line; at++) offset = body.indexOf("\n", offset) + 1;
  return offset + column - 1;
}

/**
 * graphql-jit's error as graphql-js makes it: with extensions (its own has none unless its cause
 * had), and its locations as positions in the document's source (they are given again from those).
 */
function asGraphQLError(error: GraphQLError, document: DocumentNode): GraphQLError {
  const source = document.loc?.source;
  return new GraphQLError(error.message, {
    source,
    positions: source && error.locations?.map((location) => positionOf(source.body, location)),
    path: error.path,
    originalError: error.originalError,
    extensions: error.extensions,
  });
}

function withGraphQLErrors(result: ExecutionResult, document: DocumentNode): ExecutionResult {
  return result.errors ? { ...result, errors: result.errors.map((error) => asGraphQLError(error, document)) } : result;
}

export function useCompiledQueries(): Plugin {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const query = compiledQuery(args.schema, args.document, args.operationName);
      if (!query) return;
      setExecuteFn(async (run) => {
        const result = await query.query(run.rootValue, run.contextValue, run.variableValues);
        // No data at all: the variables did not fit, and nothing was executed.
        if (result.data === undefined) return executeFn(run);
        return withGraphQLErrors(result, run.document);
      });
    },
  };
}
