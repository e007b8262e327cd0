// npm run client:cache: writes the lists of client/app/cache.ts from server/schema.graphql — the
// object types without an id (embedded in their parents) and the members of every union and
// interface. tsc checks the lists against the schema; this writes them when the schema grows.
import { readFileSync, writeFileSync } from "node:fs";
import { buildSchema, isInterfaceType, isObjectType, isUnionType } from "graphql";

const inRoot = (path: string) => new URL(`../${path}`, import.meta.url);
const schema = buildSchema(readFileSync(inRoot("server/schema.graphql"), "utf8"));
const roots = new Set(["Query", "Mutation", "Subscription"]);
const types = Object.values(schema.getTypeMap()).filter((type) => !type.name.startsWith("__"));

const embedded = types
  .filter((type) => isObjectType(type) && !roots.has(type.name) && !("id" in type.getFields()))
  .map((type) => `  ${type.name}: embedded,`)
  .sort();
const possible = types
  .filter((type) => isUnionType(type) || isInterfaceType(type))
  .sort((a, b) => a.name.localeCompare(b.name))
  .map((type) => {
    const members = schema.getPossibleTypes(type as never).map((member) => `    ${member.name}: true,`).sort();
    return `  ${type.name}: {\n${members.join("\n")}\n  },`;
  });

const file = inRoot("client/app/cache.ts");
const source = readFileSync(file, "utf8")
  .replace(/(const keys: Record<[^\n]*\n)[\s\S]*?\n\};/, `$1${embedded.join("\n")}\n};`)
  .replace(/(const possibleTypeSets: PossibleTypeSets = \{\n)[\s\S]*?\n\};/, `$1${possible.join("\n")}\n};`);
writeFileSync(file, source);
console.log(`client/app/cache.ts: ${embedded.length} embedded types, ${possible.length} unions and interfaces`);
