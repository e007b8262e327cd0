// The plan's reference data: the five actions (五大行动) with their sub-tasks, and the units.
import { builder } from "../../builder.js";

export const UnitKindEnum = builder.enumType("UnitKind", {
  values: {
    BUREAU: { description: "县级部门" },
    TOWNSHIP: { description: "乡镇、街道" },
    COMPANY: { description: "国有企业" },
    OFFICE: { description: "领导小组办公室" },
  } as const,
});

export const ActionNode = builder.prismaNode("Action", {
  id: { field: "id" },
  description: "One of the five actions (五大行动); each has a board.",
  fields: (t) => ({
    code: t.exposeInt("code", { description: "1..5, the plan's order" }),
    name: t.exposeString("name"),
    shortName: t.exposeString("shortName"),
    subTasks: t.relation("subTasks", { query: { orderBy: { position: "asc" } } }),
  }),
});

export const SubTaskNode = builder.prismaNode("SubTask", {
  id: { field: "id" },
  description: "A sub-task of an action (the plan's 一是/二是/三是/四是 paragraphs).",
  fields: (t) => ({
    code: t.exposeString("code", { description: "e.g. \"2.1\"" }),
    name: t.exposeString("name"),
    summary: t.exposeString("summary"),
    action: t.relation("action"),
  }),
});

export const UnitNode = builder.prismaNode("Unit", {
  id: { field: "id" },
  description: "A county bureau, township, state company or the office.",
  fields: (t) => ({
    code: t.exposeString("code"),
    name: t.exposeString("name"),
    shortName: t.exposeString("shortName"),
    kind: t.expose("kind", { type: UnitKindEnum }),
  }),
});

builder.queryFields((t) => ({
  actions: t.prismaField({
    type: ["Action"],
    description: "The five actions, in order 1..5.",
    resolve: (query, _root, _args, { prisma }) => prisma.action.findMany({ ...query, orderBy: { code: "asc" } }),
  }),
  units: t.prismaField({
    type: ["Unit"],
    description: "Units, optionally of one kind, by code.",
    args: { kind: t.arg({ type: UnitKindEnum }) },
    resolve: (query, _root, args, { prisma }) =>
      prisma.unit.findMany({ ...query, where: args.kind ? { kind: args.kind } : {}, orderBy: { code: "asc" } }),
  }),
}));
