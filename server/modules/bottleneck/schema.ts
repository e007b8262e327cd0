// Bottleneck review (堵点分析) as of an instant, traffic lights on projects, and the office's thresholds.
import type { Prisma, Project, Stage, Unit } from "@prisma/client";
import DataLoader from "dataloader";
import { builder } from "../../builder.js";
import type { Context } from "../../context.js";
import type { SqlRunner } from "../../db/client.js";
import { actorOf } from "../../context.js";
import { CONFIGURERS } from "../auth/policy.js";
import { onlyFor } from "../auth/scopes.js";
import { actionByCode } from "../catalog/actions.js";
import { BOTTLENECK_READERS } from "./access.js";
import { SubTaskNode, UnitNode } from "../catalog/schema.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../common/errors.js";
import { badInput, databaseId } from "../common/input.js";
import { StageEnum } from "../common/schema.js";
import { endOfChinaDay, todayInChina, yearElapsedShare } from "../common/calendar.js";
import { BlockerKindEnum } from "../project/schema.js";
import { lightLoader, lightReadWithRow, type Light } from "./lights.js";
import { recordFingerprint } from "../audit/fingerprint.js";
import { historyCacheOf, validityAround, type Validity } from "./history-cache.js";
import { projectsByIds } from "../pipeline/card-rows.js";
import {
  AGE_BUCKETS,
  blockerList,
  blockerSummary,
  completedShare,
  cycleTimes,
  flowDeltas,
  flowOf,
  funnelOf,
  furthestStages,
  investmentProgress,
  overdueMilestones,
  reportMonthRange,
  stuckProjects,
  type BlockerKindSummary,
  type BlockerRow,
  type BottleneckScope,
  type CycleTimeRow,
  type FlowPoint,
  type FunnelRow,
  type InvestmentRow,
  type OverdueRow,
  type StuckRow,
} from "./service.js";
import { lightSetting, setDwellThreshold, setLightThresholds } from "./settings.js";


const LightColorEnum = builder.enumType("LightColor", {
  values: { GREEN: { description: "绿灯：正常" }, YELLOW: { description: "黄灯：滞后" }, RED: { description: "红灯：严重滞后" } } as const,
});

const ProjectLight = builder.objectRef<Light>("ProjectLight").implement({
  description: "A project's traffic light (红黄绿灯) and why.",
  fields: (t) => ({
    color: t.field({ type: LightColorEnum, resolve: (l) => l.color }),
    reasons: t.stringList({ resolve: (l) => l.reasons }),
    lagPoints: t.float({ nullable: true, description: "Points behind 序时进度 (negative: ahead); null without an annual plan.", resolve: (l) => l.lagPoints }),
  }),
});

/**
 * A project's light as of `asOf` (null: now): read with the project (a board's card), or batched per
 * request into one statement.
 */
function lightOf(context: Context, project: { id: number }, asOf: Date | null): Light | Promise<Light> {
  return (asOf === null && lightReadWithRow(project)) || lightLoader(context, context.db.sql, asOf).load(project.id);
}

builder.prismaObjectField("Project", "light", (t) =>
  t.field({
    type: ProjectLight,
    description: "The traffic light from milestone slippage and investment against 序时进度 (now, or as of `asOf`).",
    args: { asOf: t.arg({ type: "DateTime" }) },
    resolve: (project, args, context) => lightOf(context, project, args.asOf ?? null),
  }),
);

const listKeys = new WeakMap<Context, Map<string, object>>();

/** A key object per request and list, for loaders batched per list. */
function listKey(context: Context, list: string): object {
  const perRequest = listKeys.get(context) ?? new Map<string, object>();
  listKeys.set(context, perRequest);
  let key = perRequest.get(list);
  if (!key) perRequest.set(list, (key = {}));
  return key;
}

type Selection = { select?: Record<string, unknown>; include?: Record<string, unknown> };

const rowLoaders = new WeakMap<Context, Map<string, DataLoader<number, unknown>>>();

/**
 * The records named by a report's rows (projects, units), in one statement per model, selection and
 * tick: the page lists up to 300 rows and 60 units, and a findUnique per row, though Prisma batches
 * them into one statement, costs the server a query compilation each (most of a report's CPU time
 * once its figures are cached). Projects are read as the board reads its cards (projectsByIds: by
 * hand-written SQL, with what a card shows; a row's light is the report's, BottleneckItem.light).
 */
function rowRecord<T>(context: Context, model: "project" | "unit", query: Selection, id: number, list = ""): Promise<T | null> {
  const perRequest = rowLoaders.get(context) ?? new Map<string, DataLoader<number, unknown>>();
  rowLoaders.set(context, perRequest);
  // One batch per list (see BottleneckItem.light).
  const key = `${model}:${list}:${JSON.stringify(query)}`;
  let loader = perRequest.get(key);
  if (!loader) {
    // The id is needed to give each row its record.
    const selection = query.select ? { ...query, select: { ...query.select, id: true } } : query;
    const findMany = (args: { where: { id: { in: number[] } } }): Promise<{ id: number }[]> =>
      model === "project"
        ? projectsByIds(context.db, args.where.id.in, selection as Prisma.ProjectFindManyArgs, { withLights: false })
        : context.prisma.unit.findMany({ ...selection, ...args } as Prisma.UnitFindManyArgs);
    loader = new DataLoader<number, unknown>(async (ids) => {
      const byId = new Map((await findMany({ where: { id: { in: [...ids] } } })).map((r) => [r.id, r]));
      // As findUniqueOrThrow (a project) and findUnique (a unit, a nullable field) answered.
      return ids.map((i) => byId.get(i) ?? (model === "project" ? new NotFoundError("项目") : null));
    });
    perRequest.set(key, loader);
  }
  return loader.load(id) as Promise<T | null>;
}

/** A row of a list that names a project: the project (batched per request) and its light as of the report's instant. */
const BottleneckItem = builder.interfaceRef<{ projectId: number; asOf: Date }>("BottleneckItem").implement({
  fields: (t) => ({
    project: t.prismaField({
      type: "Project",
      resolve: async (query, row, _args, context, info) => (await rowRecord<Project>(context, "project", query, row.projectId, info.parentType.name))!,
    }),
    light: t.field({
      type: ProjectLight,
      // One batch per list: the lists resolve in whichever order their figures arrive (some from the
      // cache), and a batch per list keeps a report's statements the same whatever that order.
      resolve: (row, _args, context, info) => lightLoader(listKey(context, info.parentType.name), context.db.sql, row.asOf).load(row.projectId),
    }),
  }),
});

type AsOf<T> = T & { asOf: Date };

const StuckProject = builder.objectRef<AsOf<StuckRow>>("StuckProject").implement({
  description: "A project longer in its stage than the stage's dwell threshold (滞留).",
  interfaces: [BottleneckItem],
  fields: (t) => ({
    dwellDays: t.exposeInt("dwellDays", { description: "Whole days in the stage at asOf." }),
    stage: t.field({ type: StageEnum, resolve: (r) => r.stage }),
    enteredAt: t.field({ type: "DateTime", resolve: (r) => r.enteredAt }),
    thresholdDays: t.exposeInt("thresholdDays"),
  }),
});

const OverdueMilestone = builder.objectRef<AsOf<OverdueRow>>("OverdueMilestone").implement({
  description: "A milestone planned before asOf and not done by it.",
  interfaces: [BottleneckItem],
  fields: (t) => ({
    milestone: t.prismaField({
      type: "Milestone",
      resolve: (query, row, _args, { prisma }) => prisma.milestone.findUniqueOrThrow({ ...query, where: { id: row.milestoneId } }),
    }),
    name: t.exposeString("name"),
    plannedDate: t.field({ type: "Date", resolve: (r) => r.plannedDate }),
    daysOverdue: t.exposeInt("daysOverdue"),
  }),
});

const OpenBlocker = builder.objectRef<AsOf<BlockerRow>>("OpenBlocker").implement({
  description: "A blocker raised by asOf and not resolved by it.",
  interfaces: [BottleneckItem],
  fields: (t) => ({
    blocker: t.prismaField({
      type: "Blocker",
      resolve: (query, row, _args, { prisma }) => prisma.blocker.findUniqueOrThrow({ ...query, where: { id: row.blockerId } }),
    }),
    kind: t.field({ type: BlockerKindEnum, resolve: (r) => r.kind }),
    description: t.exposeString("description"),
    raisedAt: t.field({ type: "DateTime", resolve: (r) => r.raisedAt }),
    ageDays: t.exposeInt("ageDays"),
  }),
});

const AgeBucket = builder.objectRef<{ label: string; count: number }>("BlockerAgeBucket").implement({
  fields: (t) => ({ label: t.exposeString("label"), count: t.exposeInt("count") }),
});

const BlockerKindCount = builder.objectRef<BlockerKindSummary>("BlockerKindCount").implement({
  description: "Open blockers of one kind, by age.",
  fields: (t) => ({
    kind: t.field({ type: BlockerKindEnum, resolve: (s) => s.kind }),
    total: t.exposeInt("total"),
    buckets: t.field({
      type: [AgeBucket],
      resolve: (s) => AGE_BUCKETS.map((b, i) => ({ label: b.label, count: s.buckets[i] ?? 0 })),
    }),
  }),
});

const FunnelStage = builder.objectRef<FunnelRow>("FunnelStage").implement({
  description: "Projects that reached a stage by asOf, and the share of them that reached the next.",
  fields: (t) => ({
    stage: t.field({ type: StageEnum, resolve: (r) => r.stage }),
    reached: t.exposeInt("reached"),
    conversion: t.float({ nullable: true, resolve: (r) => r.conversion }),
  }),
});

const StageCount = builder.objectRef<{ stage: Stage; count: number }>("StageCount").implement({
  fields: (t) => ({ stage: t.field({ type: StageEnum, resolve: (r) => r.stage }), count: t.exposeInt("count") }),
});

const FlowPointRef = builder.objectRef<FlowPoint>("FlowPoint").implement({
  description: "Projects per stage at a month's end (China time; the last point is asOf).",
  fields: (t) => ({
    month: t.exposeString("month"),
    at: t.field({ type: "DateTime", resolve: (p) => p.at }),
    counts: t.field({
      type: [StageCount],
      resolve: (p) => (["RESERVE", "PREPARATION", "STARTED", "UNDER_CONSTRUCTION", "COMPLETED"] as const).map((stage) => ({ stage, count: p.counts.get(stage) ?? 0 })),
    }),
  }),
});

const CycleTime = builder.objectRef<CycleTimeRow>("CycleTime").implement({
  description: "Days spent in a stage, over the stays that ended by asOf.",
  fields: (t) => ({
    stage: t.field({ type: StageEnum, resolve: (r) => r.stage }),
    stays: t.exposeInt("stays"),
    medianDays: t.float({ nullable: true, resolve: (r) => r.medianDays }),
    p85Days: t.float({ nullable: true, resolve: (r) => r.p85Days }),
  }),
});

const InvestmentLine = builder.objectRef<InvestmentRow & { elapsedShare: number }>("InvestmentLine").implement({
  description: "Planned investment for the year against what was completed by asOf (序时进度).",
  fields: (t) => ({
    unit: t.prismaField({
      type: "Unit",
      nullable: true,
      resolve: (query, r, _args, context) => (r.unitId ? rowRecord<Unit>(context, "unit", query, r.unitId) : null),
    }),
    action: t.prismaField({
      type: "Action",
      nullable: true,
      resolve: (query, r, _args, { prisma }) => (r.actionId ? prisma.action.findUnique({ ...query, where: { id: r.actionId } }) : null),
    }),
    planned: t.field({ type: "Decimal", description: "万元", resolve: (r) => r.planned }),
    completed: t.field({ type: "Decimal", description: "万元", resolve: (r) => r.completed }),
    completedShare: t.float({ description: "completed / planned (0..1)", resolve: (r) => completedShare(r) }),
    elapsedShare: t.float({ description: "序时进度: the share of the year gone by", resolve: (r) => r.elapsedShare }),
    lagPoints: t.float({
      description: "Points the completed share is behind 序时进度 (negative: ahead)",
      resolve: (r) => Math.round((r.elapsedShare - completedShare(r)) * 1000) / 10,
    }),
  }),
});

const InvestmentProgressRef = builder
  .objectRef<{ year: number; elapsedShare: number; total: InvestmentRow; byUnit: InvestmentRow[]; byAction: InvestmentRow[] }>("InvestmentProgress")
  .implement({
    fields: (t) => ({
      year: t.exposeInt("year"),
      elapsedShare: t.exposeFloat("elapsedShare"),
      total: t.field({ type: InvestmentLine, resolve: (p) => ({ ...p.total, elapsedShare: p.elapsedShare }) }),
      byUnit: t.field({ type: [InvestmentLine], resolve: (p) => p.byUnit.map((r) => ({ ...r, elapsedShare: p.elapsedShare })) }),
      byAction: t.field({ type: [InvestmentLine], resolve: (p) => p.byAction.map((r) => ({ ...r, elapsedShare: p.elapsedShare })) }),
    }),
  });

const MAX_ROWS = 1000;

function limitOf(first: number | null | undefined): number {
  const n = first ?? 200;
  if (n < 1 || n > MAX_ROWS) throw badInput(`first 应在 1 到 ${MAX_ROWS} 之间`);
  return n;
}

/**
 * The stuck and overdue lists are read once per report (up to MAX_ROWS, with their totals), however
 * many fields read them. The history figures (funnel, flow, cycle times), the investment and the
 * overdue milestones come through the history cache (history-cache.ts), with one fingerprint per report.
 */
class Report {
  private stuckRows?: ReturnType<typeof stuckProjects>;
  private overdueRows?: Promise<Awaited<ReturnType<typeof overdueMilestones>>>;
  private fingerprint?: Promise<string>;
  private readonly validity = new Map<boolean, Promise<Validity>>();
  constructor(readonly scope: BottleneckScope) {}
  stuck(sql: SqlRunner) {
    return (this.stuckRows ??= stuckProjects(sql, this.scope, MAX_ROWS));
  }
  overdue(context: Context) {
    const day = todayInChina(this.scope.asOf).toISOString().slice(0, 10);
    return (this.overdueRows ??= this.cached(context, `overdue:${day}`, false, (sql) => overdueMilestones(sql, this.scope, MAX_ROWS)));
  }
  /** A figure of this report's scope and instant, from the cache or by `read`; `reports`: it depends on the monthly reports too. */
  cached<T>({ db }: Context, part: string, reports: boolean, read: (sql: SqlRunner) => Promise<T>): Promise<T> {
    this.fingerprint ??= recordFingerprint(db.sql);
    const validity = () => {
      let interval = this.validity.get(reports);
      if (!interval) this.validity.set(reports, (interval = validityAround(db.sql, this.scope.asOf, { reports })));
      return interval;
    };
    return this.fingerprint.then((fingerprint) => historyCacheOf(db).get(part, this.scope, fingerprint, validity, () => read(db.sql)));
  }
}

const withAsOf = <T>(report: Report, rows: T[]) => rows.map((r) => ({ ...r, asOf: report.scope.asOf }));

const BottleneckReport = builder.objectRef<Report>("BottleneckReport").implement({
  description: "Bottlenecks as of an instant (a past instant gives the past's answer).",
  fields: (t) => ({
    asOf: t.field({ type: "DateTime", resolve: (r) => r.scope.asOf }),
    stuck: t.field({
      type: [StuckProject],
      description: "Longest dwell first.",
      args: { first: t.arg.int() },
      resolve: async (r, args, { db }) => withAsOf(r, (await r.stuck(db.sql)).rows.slice(0, limitOf(args.first))),
    }),
    stuckCount: t.int({ resolve: async (r, _args, { db }) => (await r.stuck(db.sql)).total }),
    overdue: t.field({
      type: [OverdueMilestone],
      description: "Most days overdue first.",
      args: { first: t.arg.int() },
      resolve: async (r, args, context) => withAsOf(r, (await r.overdue(context)).rows.slice(0, limitOf(args.first))),
    }),
    overdueCount: t.int({ resolve: async (r, _args, context) => (await r.overdue(context)).total }),
    blockers: t.field({
      type: [OpenBlocker],
      description: "Open blockers, oldest first.",
      args: { first: t.arg.int() },
      resolve: async (r, args, { db }) => withAsOf(r, await blockerList(db.sql, r.scope, limitOf(args.first))),
    }),
    blockersByKind: t.field({ type: [BlockerKindCount], resolve: (r, _args, { db }) => blockerSummary(db.sql, r.scope) }),
    funnel: t.field({
      type: [FunnelStage],
      resolve: async (r, _args, context) => funnelOf(await r.cached(context, "funnel", false, (sql) => furthestStages(sql, r.scope))),
    }),
    cumulativeFlow: t.field({
      type: [FlowPointRef],
      args: { months: t.arg.int({ description: "How many month ends, the last at asOf (default 12, at most 60)." }) },
      resolve: async (r, args, context) => {
        const months = args.months ?? 12;
        if (months < 1 || months > 60) throw badInput("months 应在 1 到 60 之间");
        return flowOf(await r.cached(context, "flow", false, (sql) => flowDeltas(sql, r.scope)), r.scope.asOf, months);
      },
    }),
    cycleTimes: t.field({ type: [CycleTime], resolve: (r, _args, context) => r.cached(context, "cycle", false, (sql) => cycleTimes(sql, r.scope)) }),
    investment: t.field({
      type: InvestmentProgressRef,
      resolve: async (r, _args, context) => {
        // Kept per China month (the reports' range); 序时进度 itself moves with the day.
        const range = reportMonthRange(r.scope.asOf);
        const progress = await r.cached(context, `investment:${range.from}:${range.to}`, true, (sql) => investmentProgress(sql, r.scope));
        return { ...progress, elapsedShare: yearElapsedShare(r.scope.asOf).share };
      },
    }),
  }),
});

/** Parses the report's arguments into a scope (asOf not in the future). */
export async function bottleneckScope(
  context: Context,
  args: { asOf: Date; actionCode?: number | null; subTaskId?: { id: string; typename: string } | null; unitId?: { id: string; typename: string } | null },
): Promise<BottleneckScope> {
  const now = new Date();
  // Up to the end of China's today (a page asks for "today" as its last instant); later is the future.
  if (args.asOf > endOfChinaDay(todayInChina(now))) throw badInput("不能查看未来的堵点");
  let actionId: number | null = null;
  if (args.actionCode != null) {
    const action = await actionByCode(context.prisma, args.actionCode);
    if (!action) throw badInput(`没有编号为 ${args.actionCode} 的行动（应为 1 到 5）`);
    actionId = action.id;
  }
  return {
    asOf: args.asOf > now ? now : args.asOf,
    actionId,
    subTaskId: args.subTaskId ? databaseId(args.subTaskId) : null,
    unitId: args.unitId ? databaseId(args.unitId) : null,
  };
}

builder.queryField("bottlenecks", (t) =>
  t.field({
    type: BottleneckReport,
    authScopes: { role: BOTTLENECK_READERS },
    description: "The bottleneck review as of `asOf`, optionally for one action, sub-task or responsible unit.",
    args: {
      asOf: t.arg({ type: "DateTime", required: true }),
      actionCode: t.arg.int(),
      subTaskId: t.arg.globalID({ for: SubTaskNode }),
      unitId: t.arg.globalID({ for: UnitNode }),
    },
    resolve: async (_root, args, context) => new Report(await bottleneckScope(context, args)),
  }),
);

// ---------------------------------------------------------------------------------------------
// Thresholds (the office's)

const LightThresholdsRef = builder.objectRef<{ yellowPoints: number; redPoints: number; unstartedMonths: number; yellowSlipDays: number; redSlipDays: number }>(
  "LightThresholds",
).implement({
  description: "The traffic lights' thresholds.",
  fields: (t) => ({
    yellowPoints: t.exposeInt("yellowPoints", { description: "Yellow from this many points behind 序时进度" }),
    redPoints: t.exposeInt("redPoints", { description: "Red beyond this many points behind" }),
    unstartedMonths: t.exposeInt("unstartedMonths", { description: "Red when unstarted this many months after the planned start" }),
    yellowSlipDays: t.exposeInt("yellowSlipDays", { description: "Yellow when a milestone is overdue by more days than this" }),
    redSlipDays: t.exposeInt("redSlipDays", { description: "Red when a milestone is overdue by more days than this" }),
  }),
});

const DwellThreshold = builder.objectRef<{ stage: Stage; dwellThresholdDays: number }>("DwellThreshold").implement({
  fields: (t) => ({
    stage: t.field({ type: StageEnum, resolve: (s) => s.stage }),
    days: t.int({ resolve: (s) => s.dwellThresholdDays }),
  }),
});

builder.queryFields((t) => ({
  lightThresholds: t.field({ type: LightThresholdsRef, resolve: (_root, _args, { prisma }) => lightSetting(prisma) }),
  dwellThresholds: t.field({
    type: [DwellThreshold],
    description: "Per stage: a project longer in it than this many days is stuck (滞留).",
    resolve: (_root, _args, { prisma }) => prisma.stageSetting.findMany({ orderBy: { stage: "asc" } }),
  }),
}));

const SetDwellThresholdInput = builder.inputType("SetDwellThresholdInput", {
  fields: (t) => ({ stage: t.field({ type: StageEnum, required: true }), days: t.int({ required: true }) }),
});

const SetLightThresholdsInput = builder.inputType("SetLightThresholdsInput", {
  fields: (t) => ({
    yellowPoints: t.int({ required: true }),
    redPoints: t.int({ required: true }),
    unstartedMonths: t.int({ required: true }),
    yellowSlipDays: t.int({ required: true }),
    redSlipDays: t.int({ required: true }),
  }),
});

builder.mutationFields((t) => ({
  setDwellThreshold: t.field({
    type: DwellThreshold,
    ...onlyFor(CONFIGURERS, "滞留天数由领导小组办公室配置"),
    errors: { types: [ValidationError, ForbiddenError, NotFoundError], union: { name: "SetDwellThresholdResult" }, result: { name: "SetDwellThresholdSuccess" }, dataField: { name: "threshold" } },
    args: { input: t.arg({ type: SetDwellThresholdInput, required: true }) },
    resolve: (_root, { input }, context) => setDwellThreshold(context.prisma, actorOf(context), input.stage, input.days),
  }),
  setLightThresholds: t.field({
    type: LightThresholdsRef,
    ...onlyFor(CONFIGURERS, "红黄绿灯阈值由领导小组办公室配置"),
    errors: { types: [ValidationError, ForbiddenError], union: { name: "SetLightThresholdsResult" }, result: { name: "SetLightThresholdsSuccess" }, dataField: { name: "thresholds" } },
    args: { input: t.arg({ type: SetLightThresholdsInput, required: true }) },
    resolve: (_root, { input }, context) => setLightThresholds(context.prisma, actorOf(context), input),
  }),
}));
