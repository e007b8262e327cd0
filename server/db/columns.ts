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
 * when the row has no id there (a LEFT JOIN that found nothing). Made once per model and prefix, as
 * a function whose object literal names every field: V8 gives such objects one fixed shape with the
 * fields in the object itself, where an object filled field by field under computed names turns into
 * a slow dictionary past sixteen of them (a project has twenty-four), for everything that reads it
 * afterwards: a board's hundred cards are read by a compiled query field by field.
 */
export function fieldsOf(model: string, prefix = ""): (row: Row) => Row | null {
  const key = `${model}|${prefix}`;
  let reader = readers.get(key);
  if (!reader) {
    // Field and column names are the data model's (Prisma's), quoted as JSON: no input reaches here.
    const entries = scalarFields(model).map((f) => `${JSON.stringify(f.name)}: row[${JSON.stringify(`${prefix}${f.name}`)}]`);
    const id = JSON.stringify(`${prefix}id`);
    reader = new Function("row", `return row[${id}] === null || row[${id}] === undefined ? null : { ${entries.join(", ")} };`) as (row: Row) => Row | null;
    readers.set(key, reader);
  }
  return reader;
}
