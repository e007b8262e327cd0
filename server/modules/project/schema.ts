// Projects: the cards on the boards.
import { builder } from "../../builder.js";
import { SubTaskNode, UnitNode } from "../catalog/schema.js";
import { StageEnum } from "../common/schema.js";
import { badInput, databaseId } from "../common/input.js";
import { daysSince, projectWhere, type ProjectFilter } from "./filter.js";

export const FundingKindEnum = builder.enumType("FundingKind", {
  values: {
    BOND: { description: "债券" },
    HIGHER_LEVEL_SPECIAL: { description: "上级专项资金" },
    BANK_LOAN: { description: "银行贷款" },
    FISCAL: { description: "财政资金" },
    SOCIAL_CAPITAL: { description: "社会资本" },
  } as const,
});

builder.prismaObject("ProjectFunding", {
  name: "FundingSource",
  fields: (t) => ({
    kind: t.expose("kind", { type: FundingKindEnum }),
    amount: t.expose("amount", { type: "Decimal", description: "万元" }),
  }),
});

builder.prismaObject("ProjectAnnualPlan", {
  name: "AnnualPlan",
  fields: (t) => ({
    year: t.exposeInt("year"),
    plannedInvestment: t.expose("plannedInvestment", { type: "Decimal", description: "万元" }),
  }),
});

export const ProjectNode = builder.prismaNode("Project", {
  id: { field: "id" },
  description: "A tracked project: a card on its action's board.",
  fields: (t) => ({
    code: t.exposeString("code"),
    name: t.exposeString("name"),
    description: t.exposeString("description", { nullable: true }),
    stage: t.expose("stage", { type: StageEnum }),
    version: t.exposeInt("version", {
      description: "Changes recorded so far, creation included; pass it back as expectedVersion.",
    }),
    stageEnteredAt: t.expose("stageEnteredAt", { type: "DateTime" }),
    daysInStage: t.int({
      description: "Whole days since the project entered its current stage.",
      select: { stageEnteredAt: true },
      resolve: (project) => daysSince(project.stageEnteredAt),
    }),
    action: t.relation("action"),
    subTask: t.relation("subTask"),
    responsibleUnit: t.relation("responsibleUnit", { description: "责任单位" }),
    ownerUnit: t.relation("ownerUnit", { description: "业主单位" }),
    township: t.relation("township", { nullable: true, description: "所在乡镇（街道）" }),
    totalInvestment: t.expose("totalInvestment", { type: "Decimal", description: "总投资（万元）" }),
    completedInvestment: t.expose("completedInvestment", { type: "Decimal", description: "累计完成投资（万元）" }),
    plannedStart: t.expose("plannedStart", { type: "Date", nullable: true }),
    plannedCompletion: t.expose("plannedCompletion", { type: "Date", nullable: true }),
    targetQuantity: t.expose("targetQuantity", { type: "Decimal", nullable: true, description: "e.g. 1000 for 充电桩 1000 个" }),
    targetUnit: t.exposeString("targetUnit", { nullable: true }),
    illustrative: t.exposeBoolean("illustrative", {
      description: "Demo data: investment, owners and dates are illustrative, not from the plan.",
    }),
    fundingSources: t.relation("fundingSources", { query: { orderBy: { kind: "asc" } } }),
    annualPlans: t.relation("annualPlans", { query: { orderBy: { year: "asc" } } }),
  }),
});

export const ProjectConnection = builder.connectionObject({ type: ProjectNode, name: "ProjectConnection" }, { name: "ProjectEdge" });

builder.prismaObjectField("Unit", "projects", (t) =>
  t.relatedConnection(
    "responsibleProjects",
    {
      description: "Projects this unit is responsible for (责任单位), by code.",
      cursor: "code",
      totalCount: true,
      query: { where: { archivedAt: null }, orderBy: { code: "asc" } },
    },
    ProjectConnection,
  ),
);

export const ProjectFilterInput = builder.inputType("ProjectFilter", {
  fields: (t) => ({
    actionCode: t.int({ description: "Only this action's projects (1..5)." }),
    stage: t.field({ type: StageEnum }),
    subTaskId: t.globalID({ for: SubTaskNode }),
    responsibleUnitId: t.globalID({ for: UnitNode }),
    townshipId: t.globalID({ for: UnitNode }),
    search: t.string({ description: "Text in the name or the code." }),
  }),
});

type FilterArg = typeof ProjectFilterInput.$inferInput;

export function toProjectFilter(input: FilterArg | null | undefined): ProjectFilter {
  if (!input) return {};
  if (input.search && input.search.length > 100) throw badInput("搜索内容不能超过 100 个字");
  if (input.actionCode != null && (input.actionCode < 1 || input.actionCode > 5)) {
    throw badInput("行动编号应为 1 到 5");
  }
  return {
    actionCode: input.actionCode ?? undefined,
    stage: input.stage ?? undefined,
    subTaskId: input.subTaskId ? databaseId(input.subTaskId) : undefined,
    responsibleUnitId: input.responsibleUnitId ? databaseId(input.responsibleUnitId) : undefined,
    townshipId: input.townshipId ? databaseId(input.townshipId) : undefined,
    search: input.search ?? undefined,
  };
}

builder.queryField("projects", (t) =>
  t.prismaConnection({
    type: "Project",
    cursor: "code",
    description: "Projects by code, filtered.",
    args: { filter: t.arg({ type: ProjectFilterInput }) },
    resolve: (query, _root, args, { prisma }) =>
      prisma.project.findMany({ ...query, where: projectWhere(toProjectFilter(args.filter)), orderBy: { code: "asc" } }),
    totalCount: (_root, args, { prisma }) => prisma.project.count({ where: projectWhere(toProjectFilter(args.filter)) }),
  }, ProjectConnection),
);
