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
