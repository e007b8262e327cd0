// Dispatch meetings (调度会议): list, create with a frozen agenda, decisions as tasks tracked to closure.
import { builder } from "../../builder.js";
import { actorOf } from "../../context.js";
import { onlyFor } from "../auth/scopes.js";
import { UnitNode } from "../catalog/schema.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../common/errors.js";
import { databaseId } from "../common/input.js";
import { todayInChina } from "../common/calendar.js";
import { BOTTLENECK_READERS } from "../bottleneck/access.js";
import { ProjectNode } from "../project/schema.js";
import { addMeetingTask, closeMeetingTask, createMeeting, isTaskOverdue, type Agenda, type AgendaItem, type AgendaUnit } from "./service.js";

/** Who runs dispatch meetings: the office and the special team. */
export const MEETING_WRITERS = ["OFFICE", "TEAM"] as const;

const AgendaKindEnum = builder.enumType("AgendaKind", {
  values: { STUCK: { description: "滞留" }, OVERDUE: { description: "节点逾期" }, BLOCKED: { description: "堵点" } } as const,
});

const AgendaItemRef = builder.objectRef<AgendaItem>("AgendaItem").implement({
  description: "One bottleneck on a meeting's agenda, as it stood when the agenda was generated.",
  fields: (t) => ({
    project: t.prismaField({
      type: "Project",
      nullable: true,
      resolve: (query, item, _args, { prisma }) => prisma.project.findUnique({ ...query, where: { id: item.projectId } }),
    }),
    code: t.exposeString("code"),
    name: t.exposeString("name"),
    kind: t.field({ type: AgendaKindEnum, resolve: (i) => i.kind }),
    detail: t.exposeString("detail"),
    days: t.exposeInt("days"),
  }),
});

const AgendaUnitRef = builder.objectRef<AgendaUnit>("AgendaUnit").implement({
  description: "The agenda items of one responsible unit.",
  fields: (t) => ({
    unit: t.prismaField({
      type: "Unit",
      resolve: (query, u, _args, { prisma }) => prisma.unit.findUniqueOrThrow({ ...query, where: { id: u.unitId } }),
    }),
    unitName: t.exposeString("unitName"),
    items: t.field({ type: [AgendaItemRef], resolve: (u) => u.items }),
  }),
});

const TaskStatusEnum = builder.enumType("MeetingTaskStatus", {
  values: { OPEN: { description: "办理中" }, DONE: { description: "已办结" } } as const,
});

export const MeetingTaskNode = builder.prismaNode("MeetingTask", {
  id: { field: "id" },
  description: "A decision of a dispatch meeting (交办事项), for a unit, with a deadline.",
  fields: (t) => ({
    decision: t.exposeString("decision"),
    deadline: t.expose("deadline", { type: "Date" }),
    status: t.expose("status", { type: TaskStatusEnum }),
    closedAt: t.expose("closedAt", { type: "DateTime", nullable: true }),
    closeNote: t.exposeString("closeNote", { nullable: true }),
    overdue: t.boolean({
      description: "Open and past its deadline.",
      resolve: (task) => isTaskOverdue(task),
    }),
    unit: t.relation("unit"),
    project: t.relation("project", { nullable: true }),
    meeting: t.relation("meeting"),
  }),
});

export const DispatchMeetingNode = builder.prismaNode("DispatchMeeting", {
  id: { field: "id" },
  description: "A dispatch meeting (调度会议) and its frozen agenda.",
  fields: (t) => ({
    title: t.exposeString("title"),
    date: t.expose("date", { type: "Date" }),
    generatedAt: t.expose("generatedAt", { type: "DateTime" }),
    asOf: t.field({ type: "DateTime", description: "The instant the agenda's bottlenecks are taken at.", resolve: (m) => new Date((m.agenda as unknown as Agenda).asOf) }),
    agenda: t.field({
      type: [AgendaUnitRef],
      description: "The bottlenecks by responsible unit, frozen when generated.",
      resolve: (m) => (m.agenda as unknown as Agenda).units,
    }),
    createdBy: t.relation("createdBy"),
    tasks: t.relation("tasks", { query: { orderBy: [{ deadline: "asc" }, { id: "asc" }] } }),
  }),
});

builder.queryFields((t) => ({
  dispatchMeetings: t.prismaField({
    type: ["DispatchMeeting"],
    authScopes: { role: BOTTLENECK_READERS },
    description: "Dispatch meetings, newest first (at most 200).",
    resolve: (query, _root, _args, { prisma }) => prisma.dispatchMeeting.findMany({ ...query, orderBy: [{ date: "desc" }, { id: "desc" }], take: 200 }),
  }),
  meetingTasks: t.prismaField({
    type: ["MeetingTask"],
    authScopes: { role: BOTTLENECK_READERS },
    description: "Decisions of all meetings: the open ones (oldest deadline first), or only the overdue ones.",
    args: { overdueOnly: t.arg.boolean(), includeDone: t.arg.boolean() },
    resolve: (query, _root, args, { prisma }) =>
      prisma.meetingTask.findMany({
        ...query,
        where: {
          ...(args.includeDone ? {} : { status: "OPEN" }),
          ...(args.overdueOnly ? { status: "OPEN", deadline: { lt: todayInChina() } } : {}),
        },
        orderBy: [{ deadline: "asc" }, { id: "asc" }],
        take: 500,
      }),
  }),
}));

const CreateDispatchMeetingInput = builder.inputType("CreateDispatchMeetingInput", {
  fields: (t) => ({
    date: t.field({ type: "Date", required: true }),
    title: t.string({ description: "Defaults to 「<date> 调度会议」" }),
  }),
});

const AddMeetingTaskInput = builder.inputType("AddMeetingTaskInput", {
  fields: (t) => ({
    meetingId: t.globalID({ required: true, for: DispatchMeetingNode }),
    unitId: t.globalID({ required: true, for: UnitNode }),
    projectId: t.globalID({ for: ProjectNode }),
    decision: t.string({ required: true }),
    deadline: t.field({ type: "Date", required: true }),
  }),
});

const CloseMeetingTaskInput = builder.inputType("CloseMeetingTaskInput", {
  fields: (t) => ({
    taskId: t.globalID({ required: true, for: MeetingTaskNode }),
    note: t.string({ required: true, description: "办结情况" }),
  }),
});

const errors = (name: string, field: string) => ({
  types: [ValidationError, ForbiddenError, NotFoundError],
  union: { name: `${name}Result` },
  result: { name: `${name}Success` },
  dataField: { name: field },
});

builder.mutationFields((t) => ({
  createDispatchMeeting: t.field({
    type: DispatchMeetingNode,
    ...onlyFor(MEETING_WRITERS, "调度会议由领导小组办公室或工作专班召集"),
    description: "Creates a meeting for a date; its agenda is generated from the bottlenecks as of that date and frozen.",
    errors: errors("CreateDispatchMeeting", "meeting"),
    args: { input: t.arg({ type: CreateDispatchMeetingInput, required: true }) },
    resolve: (_root, { input }, context) => createMeeting(context.db, actorOf(context), input),
  }),
  addMeetingTask: t.field({
    type: MeetingTaskNode,
    ...onlyFor(MEETING_WRITERS, "会议议定事项由领导小组办公室或工作专班记录"),
    description: "Records a decision as a task for a unit, with a deadline.",
    errors: errors("AddMeetingTask", "task"),
    args: { input: t.arg({ type: AddMeetingTaskInput, required: true }) },
    resolve: (_root, { input }, context) =>
      addMeetingTask(context.prisma, actorOf(context), {
        meetingId: databaseId(input.meetingId),
        unitId: databaseId(input.unitId),
        projectId: input.projectId ? databaseId(input.projectId) : null,
        decision: input.decision,
        deadline: input.deadline,
      }),
  }),
  closeMeetingTask: t.field({
    type: MeetingTaskNode,
    ...onlyFor(MEETING_WRITERS, "交办事项由领导小组办公室或工作专班办结"),
    description: "Closes a task with a note on what was done.",
    errors: errors("CloseMeetingTask", "task"),
    args: { input: t.arg({ type: CloseMeetingTaskInput, required: true }) },
    resolve: (_root, { input }, context) => closeMeetingTask(context.prisma, actorOf(context), { taskId: databaseId(input.taskId), note: input.note }),
  }),
}));
