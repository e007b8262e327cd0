// Projects: the cards on the boards.
import { Prisma } from "@prisma/client";
import DataLoader from "dataloader";
import { builder } from "../../builder.js";
import type { Context } from "../../context.js";
import { SubTaskNode, UnitNode } from "../catalog/schema.js";
import { StageEnum } from "../common/schema.js";
import { badInput, databaseId } from "../common/input.js";
import { ForbiddenError, ValidationError } from "../common/errors.js";
import { createProject, importProjects, type ImportRow } from "./intake.js";
import { ImportFileError, IMPORT_COLUMNS, readImportSheet } from "./xlsx.js";
import { daysSince, projectWhere, type ProjectFilter } from "./filter.js";
import { actorOf } from "../../context.js";
import { CONFIGURERS, PROJECT_EDITORS } from "../auth/policy.js";
import { onlyFor } from "../auth/scopes.js";
import { changeErrors, publishChange } from "./mutations.js";
import { cardRelations } from "../pipeline/card-rows.js";
import { raiseBlocker, resolveBlocker, setArchived, submitProgressReport, updateProject, type ProjectPatch } from "./service.js";

export const FundingKindEnum = builder.enumType("FundingKind", {
  values: {
    BOND: { description: "债券" },
    HIGHER_LEVEL_SPECIAL: { description: "上级专项资金" },
    BANK_LOAN: { description: "银行贷款" },
    FISCAL: { description: "财政资金" },
    SOCIAL_CAPITAL: { description: "社会资本" },
  } as const,
});

const FundingSourceObject = builder.prismaObject("ProjectFunding", {
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
      resolve: (project) => daysSince(project.stageEnteredAt),
    }),
    action: t.relation("action"),
    subTask: t.relation("subTask"),
    responsibleUnit: t.field({ type: UnitNode, description: "责任单位", resolve: (project, _args, context) => cardRelations.responsibleUnit(context, project) }),
    ownerUnit: t.relation("ownerUnit", { description: "业主单位" }),
    township: t.field({ type: UnitNode, nullable: true, description: "所在乡镇（街道）", resolve: (project, _args, context) => cardRelations.township(context, project) }),
    totalInvestment: t.expose("totalInvestment", { type: "Decimal", description: "总投资（万元）" }),
    completedInvestment: t.expose("completedInvestment", { type: "Decimal", description: "累计完成投资（万元）" }),
    plannedStart: t.expose("plannedStart", { type: "Date", nullable: true }),
    plannedCompletion: t.expose("plannedCompletion", { type: "Date", nullable: true }),
    targetQuantity: t.expose("targetQuantity", { type: "Decimal", nullable: true, description: "e.g. 1000 for 充电桩 1000 个" }),
    targetUnit: t.exposeString("targetUnit", { nullable: true }),
    illustrative: t.exposeBoolean("illustrative", {
      description: "Demo data: investment, owners and dates are illustrative, not from the plan.",
    }),
    fundingSources: t.field({
      type: [FundingSourceObject],
      description: "Active sources, by kind.",
      resolve: (project, _args, context) => cardRelations.fundingSources(context, project),
    }),
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

// ---------------------------------------------------------------------------------------------
// Blockers and monthly progress

export const BlockerKindEnum = builder.enumType("BlockerKind", {
  values: {
    LAND: { description: "用地" },
    FUNDS: { description: "资金" },
    APPROVAL: { description: "审批" },
    DEMOLITION: { description: "征地拆迁" },
    OTHER: { description: "其他" },
  } as const,
});

export const BlockerNode = builder.prismaNode("Blocker", {
  id: { field: "id" },
  description: "What holds a project up (要素保障).",
  fields: (t) => ({
    kind: t.expose("kind", { type: BlockerKindEnum }),
    description: t.exposeString("description"),
    raisedAt: t.expose("raisedAt", { type: "DateTime" }),
    resolvedAt: t.expose("resolvedAt", { type: "DateTime", nullable: true }),
    resolution: t.exposeString("resolution", { nullable: true }),
  }),
});

builder.prismaNode("ProgressReport", {
  id: { field: "id" },
  description: "A monthly progress report (月度进度).",
  fields: (t) => ({
    month: t.exposeString("month", { description: "YYYY-MM" }),
    investmentThisMonth: t.expose("investmentThisMonth", { type: "Decimal", description: "本月完成投资（万元）" }),
    narrative: t.exposeString("narrative", { description: "形象进度" }),
    problems: t.exposeString("problems", { nullable: true, description: "存在问题" }),
    reportedAt: t.expose("reportedAt", { type: "DateTime" }),
  }),
});

builder.prismaObjectFields("Project", (t) => ({
  acceptanceDate: t.expose("acceptanceDate", { type: "Date", nullable: true, description: "竣工验收日期" }),
  acceptanceRef: t.exposeString("acceptanceRef", { nullable: true, description: "竣工验收文件文号" }),
  blockers: t.relation("blockers", { query: { orderBy: [{ raisedAt: "desc" }, { id: "desc" }] } }),
  progressReports: t.relation("progressReports", { description: "Newest month first", query: { orderBy: { month: "desc" } } }),
}));

// ---------------------------------------------------------------------------------------------
// Changing a project

const FundingSourceInput = builder.inputType("FundingSourceInput", {
  fields: (t) => ({
    kind: t.field({ type: FundingKindEnum, required: true }),
    amount: t.field({ type: "Decimal", required: true, description: "万元" }),
  }),
});

const UpdateProjectInput = builder.inputType("UpdateProjectInput", {
  description: "Only the fields given are changed; null clears an optional field.",
  fields: (t) => ({
    projectId: t.globalID({ required: true, for: ProjectNode }),
    expectedVersion: t.int({ required: true }),
    name: t.string(),
    description: t.string(),
    totalInvestment: t.field({ type: "Decimal" }),
    plannedStart: t.field({ type: "Date" }),
    plannedCompletion: t.field({ type: "Date" }),
    targetQuantity: t.field({ type: "Decimal" }),
    targetUnit: t.string(),
    acceptanceDate: t.field({ type: "Date" }),
    acceptanceRef: t.string(),
    fundingSources: t.field({ type: [FundingSourceInput] }),
  }),
});

const SubmitProgressReportInput = builder.inputType("SubmitProgressReportInput", {
  fields: (t) => ({
    projectId: t.globalID({ required: true, for: ProjectNode }),
    month: t.string({ required: true, description: "YYYY-MM; submitting a month again revises it" }),
    investmentThisMonth: t.field({ type: "Decimal", required: true, description: "万元" }),
    narrative: t.string({ required: true }),
    problems: t.string(),
  }),
});

const RaiseBlockerInput = builder.inputType("RaiseBlockerInput", {
  fields: (t) => ({
    projectId: t.globalID({ required: true, for: ProjectNode }),
    kind: t.field({ type: BlockerKindEnum, required: true }),
    description: t.string({ required: true }),
  }),
});

const ResolveBlockerInput = builder.inputType("ResolveBlockerInput", {
  fields: (t) => ({
    blockerId: t.globalID({ required: true, for: BlockerNode }),
    resolution: t.string({ required: true }),
  }),
});

/** Turns a GraphQL patch (absent = unchanged, null = clear) into the service's patch. */
function toPatch(input: typeof UpdateProjectInput.$inferInput): ProjectPatch {
  const patch: ProjectPatch = {};
  const required = ["name", "totalInvestment"] as const;
  for (const key of required) if (input[key] === null) throw new ValidationError("该项不能为空", key);
  if (input.name != null) patch.name = input.name;
  if (input.totalInvestment != null) patch.totalInvestment = input.totalInvestment;
  for (const key of ["description", "plannedStart", "plannedCompletion", "targetQuantity", "targetUnit", "acceptanceDate", "acceptanceRef"] as const) {
    if (input[key] !== undefined) (patch as Record<string, unknown>)[key] = input[key];
  }
  if (input.fundingSources != null) patch.fundingSources = input.fundingSources;
  return patch;
}

builder.mutationFields((t) => ({
  updateProject: t.field({
    type: ProjectNode,
    ...onlyFor(PROJECT_EDITORS),
    errors: changeErrors("UpdateProject"),
    args: { input: t.arg({ type: UpdateProjectInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const project = await updateProject(context.prisma, actorOf(context), databaseId(input.projectId), input.expectedVersion, toPatch(input));
      return publishChange(context, project, "project.update");
    },
  }),
  submitProgressReport: t.field({
    type: ProjectNode,
    ...onlyFor(PROJECT_EDITORS),
    errors: changeErrors("SubmitProgressReport"),
    args: { input: t.arg({ type: SubmitProgressReportInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const project = await submitProgressReport(context.prisma, actorOf(context), { ...input, projectId: databaseId(input.projectId) });
      return publishChange(context, project, "progress-report.submit");
    },
  }),
  raiseBlocker: t.field({
    type: ProjectNode,
    ...onlyFor(PROJECT_EDITORS),
    errors: changeErrors("RaiseBlocker"),
    args: { input: t.arg({ type: RaiseBlockerInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const project = await raiseBlocker(context.prisma, actorOf(context), { ...input, projectId: databaseId(input.projectId) });
      return publishChange(context, project, "blocker.raise");
    },
  }),
  resolveBlocker: t.field({
    type: ProjectNode,
    ...onlyFor(PROJECT_EDITORS),
    errors: changeErrors("ResolveBlocker"),
    args: { input: t.arg({ type: ResolveBlockerInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const project = await resolveBlocker(context.prisma, actorOf(context), { blockerId: databaseId(input.blockerId), resolution: input.resolution });
      return publishChange(context, project, "blocker.resolve");
    },
  }),
}));

// ---------------------------------------------------------------------------------------------
// 入库: new projects, from the form or the office's 项目清单

const CreateProjectInput = builder.inputType("CreateProjectInput", {
  description: "A new project, registered in 储备.",
  fields: (t) => ({
    code: t.string({ description: "Omit for the next code of the sub-task's series (QX-2.1-17)" }),
    name: t.string({ required: true }),
    subTaskId: t.globalID({ required: true, for: SubTaskNode }),
    responsibleUnitId: t.globalID({ required: true, for: UnitNode, description: "An owner may only name its own unit" }),
    ownerUnitId: t.globalID({ for: UnitNode, description: "业主单位; the responsible unit when omitted" }),
    townshipId: t.globalID({ for: UnitNode }),
    description: t.string(),
    totalInvestment: t.field({ type: "Decimal", required: true, description: "万元" }),
    plannedStart: t.field({ type: "Date" }),
    plannedCompletion: t.field({ type: "Date" }),
    targetQuantity: t.field({ type: "Decimal" }),
    targetUnit: t.string(),
    fundingSources: t.field({ type: [FundingSourceInput] }),
  }),
});

const ImportProjectsInput = builder.inputType("ImportProjectsInput", {
  fields: (t) => ({
    fileBase64: t.string({
      required: true,
      description: `An .xlsx file, base64. First row: ${Object.values(IMPORT_COLUMNS).join("、")}`,
    }),
    dryRun: t.boolean({ required: true, description: "Check every row and write nothing" }),
  }),
});

const ImportRowProblem = builder.objectRef<{ field: string; message: string }>("ImportRowProblem").implement({
  fields: (t) => ({ field: t.exposeString("field"), message: t.exposeString("message") }),
});

const ImportRowResult = builder.objectRef<ImportRow>("ImportRow").implement({
  description: "One row of the sheet and what is wrong with it (nothing, when it can be written).",
  fields: (t) => ({
    row: t.exposeInt("row", { description: "Row number in the sheet; the header is row 1" }),
    code: t.exposeString("code", { nullable: true, description: "项目编号 as written; empty: the next code of the sub-task's series" }),
    name: t.exposeString("name", { nullable: true, description: "项目名称 as written" }),
    problems: t.field({ type: [ImportRowProblem], resolve: (r) => r.problems }),
    project: t.field({
      type: ProjectNode,
      nullable: true,
      description: "The project written from this row (null on a dry run or when nothing was written)",
      resolve: (r) => r.project ?? null,
    }),
  }),
});

const ImportProjectsOutcome = builder
  .objectRef<{ rows: ImportRow[]; created: number; written: boolean }>("ImportProjectsOutcome")
  .implement({
    fields: (t) => ({
      written: t.exposeBoolean("written", { description: "All rows were written (false: none was)" }),
      created: t.exposeInt("created"),
      rows: t.field({ type: [ImportRowResult], resolve: (o) => o.rows }),
    }),
  });

builder.mutationFields((t) => ({
  createProject: t.field({
    type: ProjectNode,
    ...onlyFor(PROJECT_EDITORS),
    errors: changeErrors("CreateProject"),
    args: { input: t.arg({ type: CreateProjectInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const project = await createProject(context.prisma, actorOf(context), {
        ...input,
        subTaskId: databaseId(input.subTaskId),
        responsibleUnitId: databaseId(input.responsibleUnitId),
        ownerUnitId: input.ownerUnitId ? databaseId(input.ownerUnitId) : null,
        townshipId: input.townshipId ? databaseId(input.townshipId) : null,
        fundingSources: input.fundingSources ?? [],
      });
      return publishChange(context, project, "project.create");
    },
  }),
  importProjects: t.field({
    type: ImportProjectsOutcome,
    description: "Registers the projects of an XLSX 项目清单: every row is checked first; all are written, or none.",
    ...onlyFor(PROJECT_EDITORS),
    errors: {
      types: [ValidationError, ForbiddenError],
      union: { name: "ImportProjectsResult" },
      result: { name: "ImportProjectsSuccess" },
      dataField: { name: "outcome" },
    },
    args: { input: t.arg({ type: ImportProjectsInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      let rows: ImportRow[];
      try {
        rows = await readImportSheet(context.prisma, input.fileBase64);
      } catch (error) {
        if (error instanceof ImportFileError) throw new ValidationError(error.message, "fileBase64");
        throw error;
      }
      const { created } = await importProjects(context.prisma, actorOf(context), rows, !input.dryRun);
      for (const project of created) await publishChange(context, project, "project.create");
      return { rows, created: created.length, written: created.length > 0 };
    },
  }),
}));

// ---------------------------------------------------------------------------------------------
// An action's progress, for the app shell (one grouped query for all five actions per request)

interface ActionSummary {
  projectCount: number;
  completedCount: number;
  totalInvestment: Prisma.Decimal;
  completedInvestment: Prisma.Decimal;
}

const summaryLoaders = new WeakMap<Context, DataLoader<number, ActionSummary>>();

function actionSummaries(context: Context): DataLoader<number, ActionSummary> {
  let loader = summaryLoaders.get(context);
  if (!loader) {
    loader = new DataLoader(async (actionIds) => {
      const groups = await context.prisma.project.groupBy({
        by: ["actionId", "stage"],
        where: { actionId: { in: [...actionIds] }, archivedAt: null },
        _count: { _all: true },
        _sum: { totalInvestment: true, completedInvestment: true },
      });
      return actionIds.map((id) => {
        const zero = new Prisma.Decimal(0);
        const mine = groups.filter((g) => g.actionId === id);
        return {
          projectCount: mine.reduce((n, g) => n + g._count._all, 0),
          completedCount: mine.filter((g) => g.stage === "COMPLETED").reduce((n, g) => n + g._count._all, 0),
          totalInvestment: mine.reduce((sum, g) => sum.add(g._sum.totalInvestment ?? zero), zero),
          completedInvestment: mine.reduce((sum, g) => sum.add(g._sum.completedInvestment ?? zero), zero),
        };
      });
    });
    summaryLoaders.set(context, loader);
  }
  return loader;
}

const ActionSummaryRef = builder.objectRef<ActionSummary>("ActionSummary").implement({
  description: "An action's projects and investment, for its progress bar.",
  fields: (t) => ({
    projectCount: t.exposeInt("projectCount"),
    completedCount: t.exposeInt("completedCount", { description: "In 竣工" }),
    totalInvestment: t.expose("totalInvestment", { type: "Decimal", description: "万元" }),
    completedInvestment: t.expose("completedInvestment", { type: "Decimal", description: "万元, from the monthly reports" }),
  }),
});

builder.prismaObjectField("Action", "summary", (t) =>
  t.field({ type: ActionSummaryRef, resolve: (action, _args, context) => actionSummaries(context).load(action.id) }),
);

// ---------------------------------------------------------------------------------------------
// Archiving (the office): the API deletes nothing

const SetProjectArchivedInput = builder.inputType("SetProjectArchivedInput", {
  fields: (t) => ({
    projectId: t.globalID({ required: true, for: ProjectNode }),
    expectedVersion: t.int({ required: true }),
    archived: t.boolean({ required: true, description: "true archives, false restores" }),
    reason: t.string({ required: true }),
  }),
});

builder.prismaObjectField("Project", "archivedAt", (t) =>
  t.expose("archivedAt", { type: "DateTime", nullable: true, description: "Archived projects leave the boards; nothing is deleted" }),
);

builder.mutationField("setProjectArchived", (t) =>
  t.field({
    type: ProjectNode,
    description: "Archives a project (it leaves the boards and lists, its record stays) or restores it.",
    ...onlyFor(CONFIGURERS, "归档由领导小组办公室办理"),
    errors: changeErrors("SetProjectArchived"),
    args: { input: t.arg({ type: SetProjectArchivedInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const project = await setArchived(context.prisma, actorOf(context), { ...input, projectId: databaseId(input.projectId) });
      return publishChange(context, project, input.archived ? "project.archive" : "project.restore");
    },
  }),
);
