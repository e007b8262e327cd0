// Imports every module (each registers its types on the builder) and builds the schema.
import { defaultFieldResolver, isObjectType, type GraphQLSchema } from "graphql";
import { builder } from "./builder.js";
import { getDatamodel } from "./generated/pothos-prisma-types.js";
import { encodeNodeId } from "./modules/common/input.js";
import "./modules/common/schema.js";
import "./modules/auth/schema.js";
import "./modules/catalog/schema.js";
import "./modules/project/schema.js";
import "./modules/pipeline/schema.js";
import "./modules/indicator/schema.js";
import "./modules/audit/schema.js";
import "./modules/bottleneck/schema.js";
import "./modules/meeting/schema.js";
import "./modules/supervision/schema.js";

/**
 * Node ids answered without a promise. The relay plugin's id field awaits its resolver, so every
 * object with an id (a board's hundred cards, their units) was completed through a promise, and the
 * board's cards with it. Every Node here is a prismaNode whose id is its model's primary key,
 * encoded as the relay plugin encodes it (base64 of `Type:key`, encodeNodeId): a Node without one fails here, at
 * start, and tests/schema.test.ts holds every id to what the relay plugin answers.
 */
function withSyncNodeIds(schema: GraphQLSchema): GraphQLSchema {
  const models = getDatamodel().datamodel.models;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || !type.getInterfaces().some((face) => face.name === "Node")) continue;
    const model = (type.extensions as { pothosPrismaModel?: keyof typeof models }).pothosPrismaModel;
    const key = model && models[model]?.fields.find((f) => f.isId)?.name;
    if (!key) throw new Error(`${type.name} is a Node without a model's primary key for its id`);
    type.getFields().id!.resolve = (row: Record<string, unknown>) => encodeNodeId(type.name, row[key] as number);
  }
  return schema;
}

/**
 * Fields that read their parent's property of the same name (Pothos's `expose`, which sets graphql's
 * defaultFieldResolver when no plugin wraps it) left without a resolver, as graphql-js then reads
 * them the same way: compiled queries (compiled-execution.ts) read such a field inline instead of
 * calling a resolver for it, and a board's hundred cards have some twenty of them each.
 */
function withInlineDefaultFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.resolve === defaultFieldResolver) field.resolve = undefined;
    }
  }
  return schema;
}

export const schema = withInlineDefaultFields(withSyncNodeIds(builder.toSchema({ sortSchema: true })));
