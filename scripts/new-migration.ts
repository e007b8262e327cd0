// npm run db:new-migration <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql with the
// SQL that brings the committed migrations to prisma/schema.prisma. Prisma diffs them on an in-memory
// embedded shadow database (prisma.config.ts), so no server and no engine download are needed.
// Hand-written SQL (triggers, functions) can be appended to the file before it is committed.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:new-migration <name>   (lowercase letters, digits and _)");
  process.exit(2);
}
const root = fileURLToPath(new URL("..", import.meta.url));
const sql = execFileSync(
  "npx",
  ["prisma", "migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
);
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const dir = fileURLToPath(new URL(`../prisma/migrations/${stamp}_${name}/`, import.meta.url));
mkdirSync(dir, { recursive: true });
writeFileSync(`${dir}migration.sql`, sql);
console.log(`wrote ${dir}migration.sql${sql.includes("empty migration") ? " (no schema change: add your SQL)" : ""}`);
