// npm run schema: prints the GraphQL schema from the builder into server/schema.graphql (committed;
// a test fails when it is stale).
import { writeFileSync } from "node:fs";
import { printSchema } from "graphql";
import { schema } from "../server/schema.js";

export const schemaFile = new URL("../server/schema.graphql", import.meta.url);

writeFileSync(schemaFile, printSchema(schema) + "\n");
console.log(`wrote ${schemaFile.pathname}`);
