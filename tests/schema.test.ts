// server/schema.graphql is printed from the builder (npm run schema) and must match it.
import { readFileSync } from "node:fs";
import { printSchema } from "graphql";
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
