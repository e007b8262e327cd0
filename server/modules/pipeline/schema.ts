// Boards (one per action, a column per stage, now or at a past instant), stage history, gates,
// milestones, moving projects, and the live board subscription.
import { builder } from "../../builder.js";
import type { Context } from "../../context.js";
import { CONFIGURERS, PROJECT_EDITORS } from "../auth/policy.js";
import { actionByCode as findAction } from "../catalog/actions.js";
import { ActionNode } from "../catalog/schema.js";
import {
  ForbiddenError,
  GateNotMetError,
  NotFoundError,
  StaleVersionError,
  TransitionNotAllowedError,
  ValidationError,
} from "../common/errors.js";
import { badInput, databaseId } from "../common/input.js";
import { StageEnum } from "../common/schema.js";
import { STAGES } from "../common/stage.js";
import { actorOf } from "../../context.js";
import { onlyFor } from "../auth/scopes.js";
import { changeErrors, publishChange } from "../project/mutations.js";
import { ProjectConnection, ProjectFilterInput, ProjectNode, toProjectFilter } from "../project/schema.js";
import { setGateItem } from "../project/service.js";
import { boardReader, type BoardReader } from "./board.js";
import { cardRelations, projectsByIds } from "./card-rows.js";
import { gateStatus, type GateItemStatus } from "./gates.js";
import { isOverdue } from "./milestones.js";
import { completeMilestone, generateMilestones, moveProject, saveGateRequirement } from "./service.js";

const TransitionKindEnum = builder.enumType("TransitionKind", {
  values: {
    INTAKE: { description: "入库" },
    FORWARD: { description: "推进" },
    BACKWARD: { description: "退回（须说明原因）" },
    CORRECTION: { description: "补录更正" },
  } as const,
});

export const StageTransitionNode = builder.prismaNode("StageTransition", {
  id: { field: "id" },
  fields: (t) => ({
    from: t.expose("fromStage", { type: StageEnum, nullable: true, description: "null when the project entered the pipeline" }),
    to: t.expose("toStage", { type: StageEnum }),
    kind: t.expose("kind", { type: TransitionKindEnum }),
    at: t.expose("at", { type: "DateTime" }),
    actor: t.relation("actor", { nullable: true }),
    note: t.exposeString("note", { nullable: true }),
    project: t.relation("project"),
  }),
});

const StageTransitionConnection = builder.connectionObject(
  { type: StageTransitionNode, name: "StageTransitionConnection" },
  { name: "StageTransitionEdge" },
);

builder.prismaObjectField("Project", "history", (t) =>
  t.relatedConnection(
    "transitions",
    {
      description: "Stage transitions, oldest first.",
      cursor: "id",
      totalCount: true,
      query: { orderBy: [{ at: "asc" }, { id: "asc" }] },
    },
    StageTransitionConnection,
  ),
);

// ---------------------------------------------------------------------------------------------
// Gates

const GateCheckEnum = builder.enumType("GateCheck", {
  values: {
    MANUAL: { description: "由业主勾选并填写文号" },
    FUNDING_SOURCE: { description: "已填写资金来源（自动判断）" },
    PROGRESS_REPORT: { description: "已报送月度进度（自动判断）" },
    ACCEPTANCE: { description: "已填写竣工验收日期和文号（自动判断）" },
  } as const,
});

export const GateRequirementNode = builder.prismaNode("GateRequirement", {
  id: { field: "id" },
  description: "One item of a stage gate's checklist: what a project needs to leave `fromStage`.",
  fields: (t) => ({
    fromStage: t.expose("fromStage", { type: StageEnum }),
    key: t.exposeString("key"),
    label: t.exposeString("label"),
    check: t.expose("check", { type: GateCheckEnum }),
    position: t.exposeInt("position"),
    active: t.exposeBoolean("active"),
  }),
});

const GateItem = builder.objectRef<GateItemStatus>("GateItem").implement({
  description: "A project's state of one gate requirement.",
  fields: (t) => ({
    requirement: t.prismaField({
      type: "GateRequirement",
      resolve: (query, item, _args, { prisma }) => prisma.gateRequirement.findUniqueOrThrow({ ...query, where: { id: item.requirementId } }),
    }),
    label: t.exposeString("label"),
    check: t.field({ type: GateCheckEnum, resolve: (item) => item.check }),
    done: t.exposeBoolean("done"),
    reference: t.exposeString("reference", { nullable: true }),
  }),
});

builder.prismaObjectField("Project", "gate", (t) =>
  t.field({
    type: [GateItem],
    description: "The checklist to leave the current stage (empty at 竣工).",
    resolve: (project, _args, { prisma }) => gateStatus(prisma, project, project.stage),
  }),
);

builder.queryField("gateRequirements", (t) =>
  t.prismaField({
    type: ["GateRequirement"],
    description: "Every gate's checklist, by stage and position.",
    resolve: (query, _root, _args, { prisma }) =>
      prisma.gateRequirement.findMany({ ...query, orderBy: [{ fromStage: "asc" }, { position: "asc" }] }),
  }),
);

const SaveGateRequirementInput = builder.inputType("SaveGateRequirementInput", {
  fields: (t) => ({
    id: t.globalID({ for: GateRequirementNode, description: "Omit to add a requirement." }),
    fromStage: t.field({ type: StageEnum, required: true }),
    key: t.string({ required: true }),
    label: t.string({ required: true }),
    check: t.field({ type: GateCheckEnum, required: true }),
    position: t.int({ required: true }),
    active: t.boolean({ required: true }),
  }),
});

builder.mutationField("saveGateRequirement", (t) =>
  t.field({
    type: GateRequirementNode,
    ...onlyFor(CONFIGURERS, "阶段条件由领导小组办公室配置"),
    description: "The office adjusts a gate's checklist.",
    errors: { types: [ValidationError, ForbiddenError, NotFoundError], union: { name: "SaveGateRequirementResult" }, result: { name: "SaveGateRequirementSuccess" }, dataField: { name: "requirement" } },
    args: { input: t.arg({ type: SaveGateRequirementInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      return saveGateRequirement(context.prisma, actorOf(context), { ...input, id: input.id ? databaseId(input.id) : null });
    },
  }),
);

const SetGateItemInput = builder.inputType("SetGateItemInput", {
  fields: (t) => ({
    projectId: t.globalID({ required: true, for: ProjectNode }),
    requirementId: t.globalID({ required: true, for: GateRequirementNode }),
    done: t.boolean({ required: true }),
    reference: t.string({ description: "Document number or note, e.g. 渠发改审批〔2024〕12号" }),
  }),
});

builder.mutationField("setGateItem", (t) =>
  t.field({
    type: ProjectNode,
    ...onlyFor(PROJECT_EDITORS),
    description: "Ticks or unticks an item of the project's gate checklist.",
    errors: changeErrors("SetGateItem"),
    args: { input: t.arg({ type: SetGateItemInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const project = await setGateItem(context.prisma, actorOf(context), {
        projectId: databaseId(input.projectId),
        requirementId: databaseId(input.requirementId),
        done: input.done,
        reference: input.reference,
      });
      return publishChange(context, project, "project.gate-item");
    },
  }),
);

// ---------------------------------------------------------------------------------------------
// Milestones (倒排工期)

export const MilestoneNode = builder.prismaNode("Milestone", {
  id: { field: "id" },
  fields: (t) => ({
    name: t.exposeString("name"),
    stage: t.expose("stage", { type: StageEnum, nullable: true, description: "The stage this milestone closes" }),
    position: t.exposeInt("position"),
    plannedDate: t.expose("plannedDate", { type: "Date" }),
    actualDate: t.expose("actualDate", { type: "Date", nullable: true }),
    overdue: t.boolean({
      description: "Its planned date has passed and it is not done.",
      resolve: (milestone) => isOverdue(milestone),
    }),
  }),
});

builder.prismaObjectFields("Project", (t) => ({
  milestones: t.relation("milestones", { query: { orderBy: [{ plannedDate: "asc" }, { position: "asc" }] } }),
  // Counted in the same statement as the cards (no query per card), for the board's badges.
  overdueMilestoneCount: t.int({
    description: "Milestones past their planned date and not done (the card's overdue badge).",
    resolve: (project, _args, context) => cardRelations.count(context, project, "milestones"),
  }),
  openBlockerCount: t.int({
    description: "Blockers raised and not resolved (the card's blocker badge).",
    resolve: (project, _args, context) => cardRelations.count(context, project, "blockers"),
  }),
}));

const GenerateMilestonesInput = builder.inputType("GenerateMilestonesInput", {
  fields: (t) => ({ projectId: t.globalID({ required: true, for: ProjectNode }) }),
});

const CompleteMilestoneInput = builder.inputType("CompleteMilestoneInput", {
  fields: (t) => ({
    milestoneId: t.globalID({ required: true, for: MilestoneNode }),
    actualDate: t.field({ type: "Date", required: true }),
  }),
});

builder.mutationFields((t) => ({
  generateMilestones: t.field({
    type: ProjectNode,
    ...onlyFor(PROJECT_EDITORS),
    description: "Plans the stage milestones backwards from the planned completion date (倒排工期); done ones stay.",
    errors: changeErrors("GenerateMilestones"),
    args: { input: t.arg({ type: GenerateMilestonesInput, required: true }) },
    resolve: async (_root, { input }, context) =>
      publishChange(context, await generateMilestones(context.prisma, actorOf(context), databaseId(input.projectId)), "milestone.generate"),
  }),
  completeMilestone: t.field({
    type: ProjectNode,
    ...onlyFor(PROJECT_EDITORS),
    errors: changeErrors("CompleteMilestone"),
    args: { input: t.arg({ type: CompleteMilestoneInput, required: true }) },
    resolve: async (_root, { input }, context) =>
      publishChange(
        context,
        await completeMilestone(context.prisma, actorOf(context), { milestoneId: databaseId(input.milestoneId), actualDate: input.actualDate }),
        "milestone.complete",
      ),
  }),
}));

// ---------------------------------------------------------------------------------------------
// Boards

const BoardColumn = builder.objectRef<{ stage: (typeof STAGES)[number]; board: BoardReader }>("BoardColumn").implement({
  description: "One stage of a board.",
  fields: (t) => ({
    stage: t.field({ type: StageEnum, resolve: (column) => column.stage }),
    totalCount: t.int({
      description: "Projects in this column, after the board's filter.",
      resolve: async ({ board, stage }) => (await board.summary()).get(stage)?.count ?? 0,
    }),
    totalInvestment: t.field({
      type: "Decimal",
      description: "Sum of the column's total investment (万元).",
      resolve: async ({ board, stage }) => (await board.summary()).get(stage)?.investment ?? "0",
    }),
    projects: t.prismaConnection(
      {
        type: "Project",
        cursor: "code",
        description: "The column's cards, by code.",
        resolve: (query, { board, stage }) => {
          // Pothos's page (take, cursor, skip) goes to the board's keyset read; the rest selects the cards.
          const { take, cursor, skip: _skip, ...selection } = query as typeof query & { cursor?: { code: string } };
          return board.page(stage, { take, cursor: cursor?.code ?? null }, selection);
        },
        totalCount: async ({ board, stage }) => (await board.summary()).get(stage)?.count ?? 0,
      },
      ProjectConnection,
    ),
  }),
});

const Board = builder.objectRef<BoardReader>("Board").implement({
  description: "An action's Kanban board: five columns in pipeline order.",
  fields: (t) => ({
    action: t.field({ type: ActionNode, resolve: (board) => board.action }),
    at: t.field({ type: "DateTime", nullable: true, description: "The past instant shown, or null for now.", resolve: (b) => b.at }),
    columns: t.field({ type: [BoardColumn], resolve: (board) => STAGES.map((stage) => ({ stage, board })) }),
  }),
});

async function actionByCode(context: Context, code: number) {
  const action = await findAction(context.prisma, code);
  if (!action) throw badInput(`没有编号为 ${code} 的行动（应为 1 到 5）`);
  return action;
}

builder.queryField("board", (t) =>
  t.field({
    type: Board,
    args: {
      actionCode: t.arg.int({ required: true }),
      at: t.arg({ type: "DateTime", description: "Show the board as it stood at this instant." }),
      filter: t.arg({ type: ProjectFilterInput }),
    },
    resolve: async (_root, args, context) => {
      if (args.at && args.at > new Date(Date.now() + 60_000)) throw badInput("不能查看未来的看板");
      const action = await actionByCode(context, args.actionCode);
      return boardReader(context.db, action, toProjectFilter(args.filter), args.at ?? null);
    },
  }),
);

// ---------------------------------------------------------------------------------------------
// Moving projects

const MoveProjectInput = builder.inputType("MoveProjectInput", {
  fields: (t) => ({
    projectId: t.globalID({ required: true, for: ProjectNode }),
    to: t.field({ type: StageEnum, required: true }),
    expectedVersion: t.int({ required: true, description: "The version the user saw; a newer one means a conflict." }),
    note: t.string({ description: "Why; required for a move back and for a correction." }),
    correction: t.boolean({ description: "补录: OFFICE and ADMIN correct the record to any stage, without the gates." }),
  }),
});

const MoveProjectSuccess = builder
  .objectRef<{ projectId: number; transitionId: number }>("MoveProjectSuccess")
  .implement({
    fields: (t) => ({
      // By hand-written SQL unless the project's other relations are asked for: a board asks for
      // the moved card's stage and version with every move.
      project: t.prismaField({
        type: "Project",
        resolve: async (query, parent, _args, { db }) => {
          const [project] = await projectsByIds(db, [parent.projectId], query);
          if (!project) throw new NotFoundError("项目");
          return project;
        },
      }),
      transition: t.prismaField({
        type: "StageTransition",
        resolve: (query, parent, _args, { prisma }) =>
          prisma.stageTransition.findUniqueOrThrow({ ...query, where: { id: parent.transitionId } }),
      }),
    }),
  });

builder.mutationField("moveProject", (t) =>
  t.field({
    type: MoveProjectSuccess,
    ...onlyFor(PROJECT_EDITORS, "当前角色只能查看，不能调整项目阶段"),
    errors: {
      types: [StaleVersionError, TransitionNotAllowedError, GateNotMetError, ForbiddenError, NotFoundError],
      union: { name: "MoveProjectResult" },
      directResult: true,
    },
    args: { input: t.arg({ type: MoveProjectInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      if (input.note && input.note.length > 2000) throw badInput("说明不能超过 2000 字");
      if (input.expectedVersion < 1) throw badInput("expectedVersion 应为正整数");
      const moved = await moveProject(context.db, actorOf(context), {
        projectId: databaseId(input.projectId),
        to: input.to,
        expectedVersion: input.expectedVersion,
        note: input.note,
        correction: input.correction ?? false,
      });
      await publishChange(context, { id: moved.projectId, actionId: moved.actionId }, "project.move");
      return { projectId: moved.projectId, transitionId: moved.transition.id };
    },
  }),
);

// ---------------------------------------------------------------------------------------------
// Live boards

const BoardEvent = builder
  .objectRef<{ projectId: number; action: string; at: string }>("BoardEvent")
  .implement({
    description: "A change to a project on a board: a move or an edit.",
    fields: (t) => ({
      project: t.prismaField({
        type: "Project",
        resolve: (query, event, _args, { prisma }) => prisma.project.findUniqueOrThrow({ ...query, where: { id: event.projectId } }),
      }),
      action: t.exposeString("action", { description: "project.move, project.update, progress-report.submit, …" }),
      at: t.field({ type: "DateTime", resolve: (event) => new Date(event.at) }),
    }),
  });

builder.subscriptionField("boardChanged", (t) =>
  t.field({
    type: BoardEvent,
    description: "Every move and edit on an action's board, as it happens (server-sent events on /graphql).",
    args: { actionCode: t.arg.int({ required: true }) },
    subscribe: async (_root, args, context) => {
      const action = await actionByCode(context, args.actionCode);
      return context.pubsub.subscribe("board:changed", action.id);
    },
    resolve: (event) => event,
  }),
);
