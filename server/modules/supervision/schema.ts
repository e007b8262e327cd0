// 督办单 (supervision notices) and the 红黑榜 (scoring: scheme, exemptions, scoreboards, publication).
import type { User } from "@prisma/client";
import DataLoader from "dataloader";
import { GraphQLError } from "graphql";
import { builder } from "../../builder.js";
import { actorOf, type Context } from "../../context.js";
import { inTransaction } from "../../db/transaction.js";
import { CONFIGURERS } from "../auth/policy.js";
import { UserNode } from "../auth/schema.js";
import { onlyFor } from "../auth/scopes.js";
import { UnitNode } from "../catalog/schema.js";
import { unitById } from "../catalog/units.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../common/errors.js";
import { databaseId } from "../common/input.js";
import { ProjectNode } from "../project/schema.js";
import { grantExemption, revokeExemption } from "./exemptions.js";
import { isNoticeOverdue, issueNotice, noticeWhere, OPEN_NOTICE_STATES, replyNotice, resolveNotice } from "./notices.js";
import { parsePeriod } from "./period.js";
import { isPublished, publishScoreboard, readScoreboard, recomputeScoreboard, type Scoreboard } from "./publication.js";
import { COMPONENT_NAMES, COMPONENTS, currentScheme, saveScheme, schemeById, schemeHistory, type ComponentKey, type Scheme } from "./scheme.js";
import { NOTICE_READERS, SCORE_READERS } from "./roles.js";
import type { AppliedExemption, ComponentScore, UnitScore } from "./scoring.js";


// Users of publications, loaded once per request (units: catalog/units.ts).
const loaders = new WeakMap<Context, { users: DataLoader<number, User> }>();
function loadersOf(context: Context) {
  let found = loaders.get(context);
  if (!found) {
    const byId = <T extends { id: number }>(rows: T[], ids: readonly number[]) => ids.map((id) => rows.find((r) => r.id === id) ?? new Error(`missing ${id}`));
    found = {
      users: new DataLoader(async (ids) => byId(await context.prisma.user.findMany({ where: { id: { in: [...ids] } } }), ids)),
    };
    loaders.set(context, found);
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// 督办单

const NoticeStateEnum = builder.enumType("NoticeState", {
  values: {
    ISSUED: { description: "已下发，待回复" },
    REPLIED: { description: "已回复，待办结" },
    CLOSED: { description: "已办结" },
    ESCALATED: { description: "已提请领导小组" },
  } as const,
});

export const SupervisionNoticeNode = builder.prismaNode("SupervisionNotice", {
  id: { field: "id" },
  description: "督办单: the office asks a project's responsible unit to act, with a reply deadline.",
  fields: (t) => ({
    project: t.relation("project"),
    unit: t.relation("unit"),
    subject: t.exposeString("subject"),
    requirement: t.exposeString("requirement"),
    replyDeadline: t.expose("replyDeadline", { type: "Date" }),
    state: t.expose("state", { type: NoticeStateEnum }),
    issuedAt: t.expose("issuedAt", { type: "DateTime" }),
    issuedBy: t.relation("issuedBy"),
    reply: t.exposeString("reply", { nullable: true }),
    repliedAt: t.expose("repliedAt", { type: "DateTime", nullable: true }),
    repliedBy: t.relation("repliedBy", { nullable: true }),
    replyLate: t.exposeBoolean("replyLate", { nullable: true, description: "The reply came after the deadline's day (China time)." }),
    resolvedAt: t.expose("resolvedAt", { type: "DateTime", nullable: true }),
    resolvedBy: t.relation("resolvedBy", { nullable: true }),
    resolutionNote: t.exposeString("resolutionNote", { nullable: true, description: "The office's note on closing, or why it escalated." }),
    overdue: t.boolean({
      description: "Still waiting for a reply after the deadline's day.",
      resolve: (notice) => isNoticeOverdue(notice),
    }),
  }),
});

const SupervisionNoticeConnection = builder.connectionObject(
  { type: SupervisionNoticeNode, name: "SupervisionNoticeConnection" },
  { name: "SupervisionNoticeEdge" },
);

const SupervisionNoticeFilterInput = builder.inputType("SupervisionNoticeFilter", {
  fields: (t) => ({
    unitId: t.globalID({ for: UnitNode }),
    projectId: t.globalID({ for: ProjectNode }),
    state: t.field({ type: NoticeStateEnum }),
    overdue: t.boolean({ description: "true: only overdue; false: only not overdue" }),
  }),
});

function toNoticeFilter(input: typeof SupervisionNoticeFilterInput.$inferInput | null | undefined) {
  return {
    unitId: input?.unitId ? databaseId(input.unitId) : null,
    projectId: input?.projectId ? databaseId(input.projectId) : null,
    state: input?.state ?? null,
    overdue: input?.overdue ?? null,
  };
}

builder.queryField("supervisionNotices", (t) =>
  t.prismaConnection(
    {
      type: "SupervisionNotice",
      cursor: "id",
      description: "Notices, newest first: all of them for the office and readers, an owner's unit's for an owner.",
      authScopes: { role: NOTICE_READERS },
      args: { filter: t.arg({ type: SupervisionNoticeFilterInput }) },
      resolve: (query, _root, args, context) =>
        context.prisma.supervisionNotice.findMany({ ...query, where: noticeWhere(actorOf(context).viewer, toNoticeFilter(args.filter)), orderBy: { id: "desc" } }),
      totalCount: (_root, args, context) => context.prisma.supervisionNotice.count({ where: noticeWhere(actorOf(context).viewer, toNoticeFilter(args.filter)) }),
    },
    SupervisionNoticeConnection,
  ),
);

builder.prismaObjectField("Project", "openNoticeCount", (t) =>
  t.relationCount("supervisionNotices", {
    description: "督办单 not yet closed or escalated.",
    where: { state: { in: OPEN_NOTICE_STATES } },
  }),
);

function noticeErrors(name: string) {
  return {
    types: [ValidationError, ForbiddenError, NotFoundError],
    union: { name: `${name}Result` },
    result: { name: `${name}Success` },
    dataField: { name: "notice" },
  };
}

const IssueSupervisionNoticeInput = builder.inputType("IssueSupervisionNoticeInput", {
  fields: (t) => ({
    projectId: t.globalID({ for: ProjectNode, required: true }),
    subject: t.string({ required: true, description: "督办事项" }),
    requirement: t.string({ required: true, description: "督办要求" }),
    replyDeadline: t.field({ type: "Date", required: true, description: "回复期限, today (China) or later" }),
  }),
});
const ReplySupervisionNoticeInput = builder.inputType("ReplySupervisionNoticeInput", {
  fields: (t) => ({
    noticeId: t.globalID({ for: SupervisionNoticeNode, required: true }),
    reply: t.string({ required: true }),
  }),
});
const ResolveSupervisionNoticeInput = (name: string, noteDescription: string) =>
  builder.inputType(name, {
    fields: (t) => ({
      noticeId: t.globalID({ for: SupervisionNoticeNode, required: true }),
      note: t.string({ description: noteDescription }),
    }),
  });
const CloseSupervisionNoticeInput = ResolveSupervisionNoticeInput("CloseSupervisionNoticeInput", "办结意见 (optional)");
const EscalateSupervisionNoticeInput = ResolveSupervisionNoticeInput("EscalateSupervisionNoticeInput", "提请说明 (required)");

builder.mutationFields((t) => ({
  issueSupervisionNotice: t.field({
    type: SupervisionNoticeNode,
    ...onlyFor(CONFIGURERS, "督办单由领导小组办公室下发"),
    errors: noticeErrors("IssueSupervisionNotice"),
    args: { input: t.arg({ type: IssueSupervisionNoticeInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inTransaction(context.prisma, (tx) =>
        issueNotice(tx, actorOf(context), { ...input, projectId: databaseId(input.projectId) }),
      ),
  }),
  replySupervisionNotice: t.field({
    type: SupervisionNoticeNode,
    ...onlyFor(["OWNER"], "只有被督办单位的业主账号可以回复"),
    errors: noticeErrors("ReplySupervisionNotice"),
    args: { input: t.arg({ type: ReplySupervisionNoticeInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inTransaction(context.prisma, (tx) => replyNotice(tx, actorOf(context), { noticeId: databaseId(input.noticeId), reply: input.reply })),
  }),
  closeSupervisionNotice: t.field({
    type: SupervisionNoticeNode,
    ...onlyFor(CONFIGURERS, "督办单由领导小组办公室办结"),
    errors: noticeErrors("CloseSupervisionNotice"),
    args: { input: t.arg({ type: CloseSupervisionNoticeInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inTransaction(context.prisma, (tx) =>
        resolveNotice(tx, actorOf(context), { noticeId: databaseId(input.noticeId), outcome: "CLOSED", note: input.note ?? null }),
      ),
  }),
  escalateSupervisionNotice: t.field({
    type: SupervisionNoticeNode,
    ...onlyFor(CONFIGURERS, "督办单由领导小组办公室提请领导小组"),
    errors: noticeErrors("EscalateSupervisionNotice"),
    args: { input: t.arg({ type: EscalateSupervisionNoticeInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inTransaction(context.prisma, (tx) =>
        resolveNotice(tx, actorOf(context), { noticeId: databaseId(input.noticeId), outcome: "ESCALATED", note: input.note ?? null }),
      ),
  }),
}));

// ---------------------------------------------------------------------------------------------
// Scoring scheme

const ScoreComponentEnum = builder.enumType("ScoreComponent", {
  values: Object.fromEntries(COMPONENTS.map((k) => [k, { value: k, description: COMPONENT_NAMES[k] }])) as Record<
    ComponentKey,
    { value: ComponentKey; description: string }
  >,
});

const ListMarkEnum = builder.enumType("ListMark", {
  values: { RED: { description: "红榜" }, BLACK: { description: "黑榜" }, NONE: { description: "未上榜" } } as const,
});

const ComponentWeight = builder.objectRef<{ component: ComponentKey; weight: number }>("ComponentWeight").implement({
  fields: (t) => ({
    component: t.field({ type: ScoreComponentEnum, resolve: (w) => w.component }),
    label: t.string({ resolve: (w) => COMPONENT_NAMES[w.component] }),
    weight: t.exposeInt("weight"),
  }),
});

const ScoringSchemeRef = builder.objectRef<Scheme>("ScoringScheme").implement({
  description: "A version of the 红黑榜 scoring scheme (the newest is current).",
  fields: (t) => ({
    version: t.exposeInt("version"),
    weights: t.field({ type: [ComponentWeight], resolve: (s) => COMPONENTS.map((component) => ({ component, weight: s.config.weights[component] })) }),
    blockerTargetDays: t.int({ description: "堵点化解目标天数 (median)", resolve: (s) => s.config.blockerTargetDays }),
    reportDueDay: t.int({ description: "月报截止日: a month's report is due by this day of the next month", resolve: (s) => s.config.reportDueDay }),
    passMark: t.float({ description: "达标分数线: a total below it misses the target", resolve: (s) => s.config.passMark }),
    redCount: t.int({ description: "红榜名额", resolve: (s) => s.config.redCount }),
    blackCount: t.int({ description: "黑榜名额", resolve: (s) => s.config.blackCount }),
    note: t.exposeString("note", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    createdBy: t.field({
      type: UserNode,
      nullable: true,
      resolve: (s, _args, context) => (s.createdById === null ? null : loadersOf(context).users.load(s.createdById)),
    }),
  }),
});

const ComponentWeightInput = builder.inputType("ComponentWeightInput", {
  fields: (t) => ({
    component: t.field({ type: ScoreComponentEnum, required: true }),
    weight: t.int({ required: true }),
  }),
});

const SaveScoringSchemeInput = builder.inputType("SaveScoringSchemeInput", {
  fields: (t) => ({
    weights: t.field({ type: [ComponentWeightInput], required: true, description: "One per component, summing to 100" }),
    blockerTargetDays: t.int({ required: true }),
    reportDueDay: t.int({ required: true }),
    passMark: t.float({ required: true }),
    redCount: t.int({ required: true }),
    blackCount: t.int({ required: true }),
    note: t.string(),
  }),
});

builder.queryFields((t) => ({
  scoringScheme: t.field({
    type: ScoringSchemeRef,
    description: "The current scheme.",
    resolve: (_root, _args, { prisma }) => currentScheme(prisma),
  }),
  scoringSchemes: t.field({
    type: [ScoringSchemeRef],
    description: "Every version, newest first.",
    authScopes: { role: SCORE_READERS },
    resolve: (_root, _args, { prisma }) => schemeHistory(prisma),
  }),
}));

builder.mutationField("saveScoringScheme", (t) =>
  t.field({
    type: ScoringSchemeRef,
    ...onlyFor(CONFIGURERS, "考核方案由领导小组办公室配置"),
    description: "Saves a new version of the scheme.",
    errors: { types: [ValidationError, ForbiddenError], union: { name: "SaveScoringSchemeResult" }, result: { name: "SaveScoringSchemeSuccess" }, dataField: { name: "scheme" } },
    args: { input: t.arg({ type: SaveScoringSchemeInput, required: true }) },
    resolve: (_root, { input }, context) => {
      const weights = {} as Record<ComponentKey, number>;
      for (const w of input.weights) {
        if (w.component in weights) throw new ValidationError(`考核项「${COMPONENT_NAMES[w.component]}」重复`, "weights");
        weights[w.component] = w.weight;
      }
      for (const key of COMPONENTS) if (!(key in weights)) throw new ValidationError(`缺少「${COMPONENT_NAMES[key]}」的权重`, "weights");
      const { note, ...rest } = input;
      return inTransaction(context.prisma, (tx) => saveScheme(tx, actorOf(context), { ...rest, weights }, note ?? null));
    },
  }),
);

// ---------------------------------------------------------------------------------------------
// Exemptions

export const ScoringExemptionNode = builder.prismaNode("ScoringExemption", {
  id: { field: "id" },
  description: "不可抗力豁免: a unit's project, or one component for a unit, left out of the scoring for a span of days.",
  fields: (t) => ({
    unit: t.relation("unit"),
    project: t.relation("project", { nullable: true }),
    component: t.field({ type: ScoreComponentEnum, nullable: true, resolve: (e) => e.component as ComponentKey | null }),
    startDate: t.expose("startDate", { type: "Date" }),
    endDate: t.expose("endDate", { type: "Date" }),
    reason: t.exposeString("reason"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    createdBy: t.relation("createdBy"),
    revokedAt: t.expose("revokedAt", { type: "DateTime", nullable: true }),
  }),
});

builder.queryField("scoringExemptions", (t) =>
  t.prismaField({
    type: ["ScoringExemption"],
    description: "Every exemption, newest first (revoked ones too, marked).",
    authScopes: { role: SCORE_READERS },
    resolve: (query, _root, _args, { prisma }) => prisma.scoringExemption.findMany({ ...query, orderBy: { id: "desc" }, take: 500 }),
  }),
);

const GrantScoringExemptionInput = builder.inputType("GrantScoringExemptionInput", {
  fields: (t) => ({
    unitId: t.globalID({ for: UnitNode, required: true }),
    projectId: t.globalID({ for: ProjectNode, description: "The project exempted (or give a component)" }),
    component: t.field({ type: ScoreComponentEnum, description: "The component exempted for the unit (or give a project)" }),
    startDate: t.field({ type: "Date", required: true }),
    endDate: t.field({ type: "Date", required: true }),
    reason: t.string({ required: true }),
  }),
});

const RevokeScoringExemptionInput = builder.inputType("RevokeScoringExemptionInput", {
  fields: (t) => ({ exemptionId: t.globalID({ for: ScoringExemptionNode, required: true }) }),
});

const exemptionErrors = (name: string) => ({
  types: [ValidationError, ForbiddenError, NotFoundError],
  union: { name: `${name}Result` },
  result: { name: `${name}Success` },
  dataField: { name: "exemption" },
});

builder.mutationFields((t) => ({
  grantScoringExemption: t.field({
    type: ScoringExemptionNode,
    ...onlyFor(CONFIGURERS, "豁免由领导小组办公室审定"),
    errors: exemptionErrors("GrantScoringExemption"),
    args: { input: t.arg({ type: GrantScoringExemptionInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inTransaction(context.prisma, (tx) =>
        grantExemption(tx, actorOf(context), {
          unitId: databaseId(input.unitId),
          projectId: input.projectId ? databaseId(input.projectId) : null,
          component: input.component ?? null,
          startDate: input.startDate,
          endDate: input.endDate,
          reason: input.reason,
        }),
      ),
  }),
  revokeScoringExemption: t.field({
    type: ScoringExemptionNode,
    ...onlyFor(CONFIGURERS, "豁免由领导小组办公室审定"),
    errors: exemptionErrors("RevokeScoringExemption"),
    args: { input: t.arg({ type: RevokeScoringExemptionInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inTransaction(context.prisma, (tx) => revokeExemption(tx, actorOf(context), databaseId(input.exemptionId))),
  }),
}));

// ---------------------------------------------------------------------------------------------
// Scoreboards

const AppliedExemptionRef = builder.objectRef<AppliedExemption>("AppliedExemption").implement({
  description: "An exemption that took items out of an entry's computation.",
  fields: (t) => ({
    exemptionId: t.int({ resolve: (e) => e.id }),
    projectCode: t.exposeString("projectCode", { nullable: true }),
    projectName: t.exposeString("projectName", { nullable: true }),
    component: t.field({ type: ScoreComponentEnum, nullable: true, resolve: (e) => e.component }),
    startDate: t.exposeString("startDate"),
    endDate: t.exposeString("endDate"),
    reason: t.exposeString("reason"),
  }),
});

const ScoreComponentRef = builder.objectRef<ComponentScore>("ScoreComponentScore").implement({
  description: "One component of an entry: its raw figures, score (0–100), weight and points.",
  fields: (t) => ({
    component: t.field({ type: ScoreComponentEnum, resolve: (c) => c.key }),
    label: t.string({ resolve: (c) => COMPONENT_NAMES[c.key] }),
    weight: t.exposeInt("weight"),
    counted: t.exposeBoolean("counted", { description: "Counted in the total (something to count, not exempted)" }),
    exempted: t.exposeBoolean("exempted"),
    score: t.exposeFloat("score", { nullable: true }),
    points: t.exposeFloat("points"),
    explanation: t.exposeString("explanation", { description: "The figures in words, in Chinese" }),
    due: t.int({ nullable: true, description: "Items counted", resolve: (c) => c.figures?.due ?? null }),
    met: t.int({ nullable: true, description: "Items on time / started (rates only)", resolve: (c) => (c.key === "INVESTMENT" || c.key === "BLOCKERS" ? null : (c.figures?.met ?? null)) }),
    excluded: t.int({ description: "Items of exempted projects left out", resolve: (c) => c.figures?.excluded ?? 0 }),
    completedInvestment: t.float({ nullable: true, description: "万元 (INVESTMENT)", resolve: (c) => c.figures?.completed ?? null }),
    plannedInvestment: t.float({ nullable: true, description: "万元 (INVESTMENT)", resolve: (c) => c.figures?.planned ?? null }),
    medianDays: t.float({ nullable: true, description: "BLOCKERS", resolve: (c) => c.figures?.medianDays ?? null }),
  }),
});

const ScoreEntryRef = builder.objectRef<UnitScore>("ScoreEntry").implement({
  fields: (t) => ({
    unit: t.field({ type: UnitNode, resolve: (e, _args, context) => unitById(context, e.unitId) }),
    score: t.exposeFloat("score"),
    rank: t.exposeInt("rank"),
    mark: t.field({ type: ListMarkEnum, resolve: (e) => e.mark }),
    missedTarget: t.exposeBoolean("missedTarget", { description: "Below the scheme's pass mark" }),
    countedWeight: t.exposeInt("countedWeight", { description: "Sum of the weights counted; total = Σ points / countedWeight × 100" }),
    components: t.field({ type: [ScoreComponentRef], resolve: (e) => e.components }),
    exemptions: t.field({ type: [AppliedExemptionRef], resolve: (e) => e.exemptions }),
  }),
});

const ScoreboardRef = builder.objectRef<Scoreboard>("Scoreboard").implement({
  fields: (t) => ({
    period: t.exposeString("period"),
    published: t.exposeBoolean("published"),
    publishedAt: t.expose("publishedAt", { type: "DateTime", nullable: true }),
    publishedBy: t.field({
      type: UserNode,
      nullable: true,
      resolve: (b, _args, context) => (b.publishedById === null ? null : loadersOf(context).users.load(b.publishedById)),
    }),
    schemeVersion: t.exposeInt("schemeVersion"),
    scheme: t.field({ type: ScoringSchemeRef, description: "The scheme version the entries were computed with", resolve: (b, _args, { prisma }) => schemeById(prisma, b.schemeId) }),
    yearElapsedShare: t.exposeFloat("yearElapsedShare", { description: "序时进度 at the period's end" }),
    entries: t.field({ type: [ScoreEntryRef], description: "Rank order", resolve: (b) => b.entries }),
  }),
});

export const ScoreboardPublicationNode = builder.prismaObject("ScoreboardPublication", {
  description: "A published 红黑榜.",
  fields: (t) => ({
    period: t.exposeString("period"),
    publishedAt: t.expose("publishedAt", { type: "DateTime" }),
    publishedBy: t.relation("publishedBy"),
    schemeVersion: t.int({ select: { scheme: { select: { version: true } } }, resolve: (p) => p.scheme.version }),
    entryCount: t.relationCount("entries"),
  }),
});

const PublishScoreboardSuccess = builder
  .objectRef<{ scoreboard: Scoreboard; alreadyPublished: boolean }>("PublishScoreboardSuccess")
  .implement({
    fields: (t) => ({
      scoreboard: t.field({ type: ScoreboardRef, resolve: (r) => r.scoreboard }),
      alreadyPublished: t.exposeBoolean("alreadyPublished", { description: "The period was published before: nothing was written" }),
    }),
  });

const PublishScoreboardInput = builder.inputType("PublishScoreboardInput", {
  fields: (t) => ({ period: t.string({ required: true, description: "\"2025\", \"2025-Q2\" or \"2025-06\"" }) }),
});

function periodArg(period: string): string {
  try {
    return parsePeriod(period).key;
  } catch (error) {
    throw new GraphQLError(error instanceof Error ? error.message : "考核期无效", { extensions: { code: "BAD_USER_INPUT" } });
  }
}

builder.queryFields((t) => ({
  scoreboard: t.field({
    type: ScoreboardRef,
    description: "The period's 红黑榜 in rank order: frozen once published, else computed now. Owners read published periods only.",
    authScopes: { role: NOTICE_READERS },
    args: { period: t.arg.string({ required: true }) },
    resolve: async (_root, args, context) => {
      const period = periodArg(args.period);
      if (actorOf(context).viewer.role === "OWNER" && !(await isPublished(context.prisma, period))) {
        throw new GraphQLError("该考核期的红黑榜尚未发布", { extensions: { code: "FORBIDDEN" } });
      }
      return readScoreboard(context.prisma, period);
    },
  }),
  recomputedScoreboard: t.field({
    type: ScoreboardRef,
    description: "The live computation from today's records (for a published period, under its scheme version): equals the frozen list.",
    authScopes: { role: SCORE_READERS },
    args: { period: t.arg.string({ required: true }) },
    resolve: (_root, args, context) => recomputeScoreboard(context.prisma, periodArg(args.period)),
  }),
  scoreboardPublications: t.prismaField({
    type: ["ScoreboardPublication"],
    description: "Published lists, newest first.",
    authScopes: { role: NOTICE_READERS },
    resolve: (query, _root, _args, { prisma }) =>
      prisma.scoreboardPublication.findMany({ ...query, orderBy: [{ publishedAt: "desc" }, { id: "desc" }] }),
  }),
}));

builder.mutationField("publishScoreboard", (t) =>
  t.field({
    type: PublishScoreboardSuccess,
    ...onlyFor(CONFIGURERS, "红黑榜由领导小组办公室发布"),
    description: "Freezes the period's list (idempotent: publishing again answers alreadyPublished and writes nothing).",
    errors: { types: [ValidationError, ForbiddenError], directResult: true, union: { name: "PublishScoreboardResult" } },
    args: { input: t.arg({ type: PublishScoreboardInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inTransaction(context.prisma, (tx) => publishScoreboard(tx, actorOf(context), input.period)),
  }),
);

