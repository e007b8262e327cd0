// The plan's 22 indicators (指标体系), with 2022 baselines and 2025 targets.
import { builder } from "../../builder.js";

const DirectionEnum = builder.enumType("IndicatorDirection", {
  values: {
    HIGHER: { description: "越高越好" },
    LOWER: { description: "越低越好（如师生比、收入比）" },
  } as const,
});

builder.prismaObject("IndicatorValue", {
  fields: (t) => ({
    year: t.exposeInt("year"),
    value: t.expose("value", { type: "Decimal" }),
    note: t.exposeString("note", { nullable: true }),
  }),
});

builder.prismaObject("IndicatorMeasure", {
  description: "What is measured; indicators 5–7 have an amount and a share.",
  fields: (t) => ({
    key: t.exposeString("key"),
    label: t.exposeString("label"),
    unit: t.exposeString("unit"),
    baseline: t.expose("baseline", { type: "Decimal", description: "2022" }),
    target: t.expose("target", { type: "Decimal", description: "2025" }),
    direction: t.expose("direction", { type: DirectionEnum }),
    format: t.exposeString("format", {
      nullable: true,
      description: "How to show a value, e.g. \"1:{value}\" for 师生比",
    }),
    values: t.relation("values", { description: "Yearly actuals", query: { orderBy: { year: "asc" } } }),
  }),
});

builder.prismaNode("Indicator", {
  id: { field: "id" },
  fields: (t) => ({
    code: t.exposeInt("code"),
    name: t.exposeString("name"),
    note: t.exposeString("note", { nullable: true }),
    measures: t.relation("measures", { query: { orderBy: { position: "asc" } } }),
  }),
});

builder.queryField("indicators", (t) =>
  t.prismaField({
    type: ["Indicator"],
    description: "The plan's 22 indicators, in order.",
    resolve: (query, _root, _args, { prisma }) => prisma.indicator.findMany({ ...query, orderBy: { code: "asc" } }),
  }),
);
