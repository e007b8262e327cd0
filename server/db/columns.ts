// Column lists for hand-written statements that return rows as Prisma would (its field names, its
// types), taken from Prisma's own data model so that a column added to the schema is read too.
import { Prisma } from "@prisma/client";

type Field = (typeof Prisma.dmmf.datamodel.models)[number]["fields"][number];

const fieldsByModel = new Map<string, Field[]>();

/** The scalar and enum fields of a model, in the schema's order. */
export function scalarFields(model: string): Field[] {
  let fields = fieldsByModel.get(model);
  if (!fields) {
    const found = Prisma.dmmf.datamodel.models.find((m) => m.name === model);
    if (!found) throw new Error(`no model ${model} in Prisma's data model`);
    fields = found.fields.filter((f) => f.kind === "scalar" || f.kind === "enum");
    fieldsByModel.set(model, fields);
  }
  return fields;
}

/** `alias.column AS "prefix.field"` for every scalar of the model; enums as text, as Prisma gives them. */
export function columnsOf(model: string, alias: string, prefix = ""): Prisma.Sql {
  return Prisma.raw(
    scalarFields(model)
      .map((f) => `${alias}."${f.dbName ?? f.name}"${f.kind === "enum" ? "::text" : ""} AS "${prefix}${f.name}"`)
      .join(", "),
  );
}

type Row = Record<string, unknown>;

const readers = new Map<string, (row: Row) => Row | null>();

/**
 * The model's fields of a flat row whose columns columnsOf named with `prefix`, as an object; null
 * when the row has no id there (a LEFT JOIN that found nothing). Made once per model and prefix: a
 * board reads a hundred rows of some sixty columns, and building the keys for each row showed up.
 */
export function fieldsOf(model: string, prefix = ""): (row: Row) => Row | null {
  const key = `${model}|${prefix}`;
  let reader = readers.get(key);
  if (!reader) {
    const pairs = scalarFields(model).map((f) => [f.name, `${prefix}${f.name}`] as const);
    const id = `${prefix}id`;
    reader = (row) => {
      if (row[id] === null || row[id] === undefined) return null;
      const out: Row = {};
      for (const [name, column] of pairs) out[name] = row[column];
      return out;
    };
    readers.set(key, reader);
  }
  return reader;
}
