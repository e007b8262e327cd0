// Boards (one per action, a column per stage), stage history and moving projects.
import type { Action, Prisma, Stage } from "@prisma/client";
import { builder } from "../../builder.js";
import { ActionNode } from "../catalog/schema.js";
import {
  ForbiddenError,
  GateNotMetError,
  NotFoundError,
  StaleVersionError,
  TransitionNotAllowedError,
} from "../common/errors.js";
import { badInput, databaseId } from "../common/input.js";
import { StageEnum } from "../common/schema.js";
import { STAGES } from "../common/stage.js";
import { projectWhere } from "../project/filter.js";
import { ProjectConnection, ProjectFilterInput, ProjectNode, toProjectFilter } from "../project/schema.js";
import { moveProject } from "./service.js";

interface ColumnSummary {
  count: number;
  investment: Prisma.Decimal | string;
}

interface BoardShape {
  action: Action;
  where: Prisma.ProjectWhereInput;
  /** Counts and sums of every column, read once per board by a single grouped query. */
  summary: () => Promise<Map<Stage, ColumnSummary>>;
}

interface ColumnShape {
  stage: Stage;
  board: BoardShape;
}

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

const BoardColumn = builder.objectRef<ColumnShape>("BoardColumn").implement({
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
        resolve: (query, { board, stage }, _args, { prisma }) =>
          prisma.project.findMany({ ...query, where: { ...board.where, stage }, orderBy: { code: "asc" } }),
        totalCount: async ({ board, stage }) => (await board.summary()).get(stage)?.count ?? 0,
      },
      ProjectConnection,
    ),
  }),
});

const Board = builder.objectRef<BoardShape>("Board").implement({
  description: "An action's Kanban board: five columns in pipeline order.",
  fields: (t) => ({
    action: t.field({ type: ActionNode, resolve: (board) => board.action }),
    columns: t.field({
      type: [BoardColumn],
      resolve: (board) => STAGES.map((stage) => ({ stage, board })),
    }),
  }),
});

function memo<T>(load: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= load());
}

builder.queryField("board", (t) =>
  t.field({
    type: Board,
    args: {
      actionCode: t.arg.int({ required: true }),
      filter: t.arg({ type: ProjectFilterInput }),
    },
    resolve: async (_root, args, { prisma }) => {
      const action = await prisma.action.findUnique({ where: { code: args.actionCode } });
      if (!action) throw badInput(`没有编号为 ${args.actionCode} 的行动（应为 1 到 5）`);
      // The board's own action wins over any actionCode in the filter.
      const where = { ...projectWhere({ ...toProjectFilter(args.filter), actionCode: undefined }), actionId: action.id };
      const summary = memo(async () => {
        const groups = await prisma.project.groupBy({
          by: ["stage"],
          where,
          _count: { _all: true },
          _sum: { totalInvestment: true },
        });
        return new Map(
          groups.map((g) => [g.stage, { count: g._count._all, investment: g._sum.totalInvestment ?? "0" }]),
        );
      });
      return { action, where, summary };
    },
  }),
);

const MoveProjectInput = builder.inputType("MoveProjectInput", {
  fields: (t) => ({
    projectId: t.globalID({ required: true, for: ProjectNode }),
    to: t.field({ type: StageEnum, required: true }),
    expectedVersion: t.int({ required: true, description: "The version the user saw; a newer one means a conflict." }),
    note: t.string({ description: "Why; required for a move back." }),
  }),
});

const MoveProjectSuccess = builder
  .objectRef<{ projectId: number; transitionId: number }>("MoveProjectSuccess")
  .implement({
    fields: (t) => ({
      project: t.prismaField({
        type: "Project",
        resolve: (query, parent, _args, { prisma }) =>
          prisma.project.findUniqueOrThrow({ ...query, where: { id: parent.projectId } }),
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
    errors: {
      types: [StaleVersionError, TransitionNotAllowedError, GateNotMetError, ForbiddenError, NotFoundError],
      union: { name: "MoveProjectResult" },
      directResult: true,
    },
    args: { input: t.arg({ type: MoveProjectInput, required: true }) },
    resolve: async (_root, { input }, { prisma, viewer, requestId }) => {
      if (input.note && input.note.length > 2000) throw badInput("说明不能超过 2000 字");
      if (input.expectedVersion < 1) throw badInput("expectedVersion 应为正整数");
      const { projectId, transition } = await moveProject(
        prisma,
        viewer!,
        { projectId: databaseId(input.projectId), to: input.to, expectedVersion: input.expectedVersion, note: input.note },
        requestId,
      );
      return { projectId, transitionId: transition.id };
    },
  }),
);
