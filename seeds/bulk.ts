// Multi-row INSERTs through the raw SQL runner: loading tens of thousands of generated rows through
// Prisma's createMany costs about 0.3 ms a row in query compilation alone, ten times this.
import type { SqlRunner } from "../server/db/client.js";

// PostgreSQL takes up to 65,535 parameters a statement, but PGlite reads the count as a signed
// 16-bit number: past 32,767 it fails ("Invalid array length").
const MAX_PARAMETERS = 32_000;

function param(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString(); // UTC, as Prisma stores timestamps
  if (value !== null && typeof value === "object") return JSON.stringify(value);
  return value;
}

/** Inserts rows (arrays in `columns` order); returns the RETURNING rows when `returning` is given. */
export async function bulkInsert<R extends object = object>(
  sql: SqlRunner,
  table: string,
  columns: string[],
  rows: unknown[][],
  returning?: string,
): Promise<R[]> {
  const perChunk = Math.max(1, Math.min(5000, Math.floor(MAX_PARAMETERS / columns.length)));
  const returned: R[] = [];
  for (let start = 0; start < rows.length; start += perChunk) {
    const chunk = rows.slice(start, start + perChunk);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const placeholders = row.map((value) => {
        params.push(param(value));
        return `$${params.length}`;
      });
      return `(${placeholders.join(",")})`;
    });
    const text = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(",")}) VALUES ${tuples.join(",")}${
      returning ? ` RETURNING ${returning}` : ""
    }`;
    returned.push(...(await sql.query<R>(text, params)));
  }
  return returned;
}
