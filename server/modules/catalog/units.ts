// Units by id, batched per request into one statement: a card's units when they were not read with
// it (pipeline/card-rows.ts), the units of the supervision score's entries.
import { Prisma, type Unit } from "@prisma/client";
import DataLoader from "dataloader";
import type { Context } from "../../context.js";
import { columnsOf } from "../../db/columns.js";

const loaders = new WeakMap<Context, DataLoader<number, Unit>>();

export function unitById(context: Context, id: number): Promise<Unit> {
  let loader = loaders.get(context);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const rows = await context.db.sql.rows<Unit>(Prisma.sql`SELECT ${columnsOf("Unit", "u")} FROM unit u WHERE u.id = ANY(${[...ids]}::int[])`);
      const byId = new Map(rows.map((unit) => [unit.id, unit]));
      return ids.map((id) => byId.get(id) ?? new Error(`no unit ${id}`));
    });
    loaders.set(context, loader);
  }
  return loader.load(id);
}
