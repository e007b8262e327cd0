// server/schema.graphql is printed from the builder (npm run schema) and must match it.
import { readFileSync } from "node:fs";
import { isObjectType, printSchema, type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLResolveInfo } from "graphql";
import { expect, it } from "vitest";
import { schema } from "../server/schema.js";

it("server/schema.graphql is current (run `npm run schema` after changing the schema)", () => {
  const committed = readFileSync(new URL("../server/schema.graphql", import.meta.url), "utf8");
  expect(committed).toBe(printSchema(schema) + "\n");
});

it("has the names of the public contract", () => {
  const printed = printSchema(schema);
  for (const name of [
    "enum Stage",
    "enum Role",
    "interface Node",
    "interface Error",
    "type Board",
    "type BoardColumn",
    "union MoveProjectResult = ForbiddenError | GateNotMetError | MoveProjectSuccess | NotFoundError | StaleVersionError | TransitionNotAllowedError",
    "union LoginResult = AccountLockedError | InvalidCredentialsError | LoginSuccess | TooManyAttemptsError",
    "input MoveProjectInput",
    "type ProjectConnection",
    "type StageTransitionConnection",
    "type AuditEventConnection",
  ]) {
    expect(printed).toContain(name);
  }
});

it("answers every Node's id as the relay plugin does, without a promise", async () => {
  const { getDatamodel } = await import("../server/generated/pothos-prisma-types.js");
  const models = getDatamodel().datamodel.models as Record<string, { fields: readonly { name: string; kind: string }[] }>;
  const nodes = Object.values(schema.getTypeMap()).filter((type) => isObjectType(type) && type.getInterfaces().some((face) => face.name === "Node"));
  expect(nodes.length).toBeGreaterThan(10);
  for (const type of nodes as GraphQLObjectType[]) {
    const field = type.getFields().id!;
    const pothos = field.extensions.pothosOriginalResolve as GraphQLFieldResolver<unknown, unknown>;
    expect(pothos, type.name).toBeTypeOf("function");
    // A row whose every scalar differs from the others: an id built from another field would differ.
    const model = models[(type.extensions as { pothosPrismaModel: string }).pothosPrismaModel]!;
    const row = Object.fromEntries(model.fields.filter((f) => f.kind === "scalar").map((f, i) => [f.name, 1000 + i]));
    const info = { parentType: type, fieldName: "id" } as unknown as GraphQLResolveInfo;
    const answered = field.resolve!(row, {}, {}, info);
    expect(answered, type.name).not.toBeInstanceOf(Promise);
    expect(answered, type.name).toBe(await pothos(row, {}, {}, info));
  }
});
