// The plan's 22 indicators (指标体系): 2022 baselines, 2025 targets, the office's yearly actuals,
// progress to target, and the projects linked to the indicators they move.
import { builder } from "../../builder.js";
import { actorOf } from "../../context.js";
import { CONFIGURERS, PROJECT_EDITORS } from "../auth/policy.js";
import { onlyFor } from "../auth/scopes.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../common/errors.js";
import { databaseId } from "../common/input.js";
import { ProjectNode } from "../project/schema.js";
import { latestValue, measureProgress, type MeasureProgress } from "./progress.js";
import { setIndicatorValue, setProjectIndicatorLink } from "./service.js";
import { formatMeasureValue } from "./values.js";

const DirectionEnum = builder.enumType("IndicatorDirection", {
  values: {
    HIGHER: { description: "越高越好" },
    LOWER: { description: "越低越好（如师生比、收入比）" },
  } as const,
});

const ProgressStatusEnum = builder.enumType("IndicatorProgressStatus", {
  values: {
    NO_DATA: { description: "暂无数据" },
    ACHIEVED: { description: "已达标" },
    ON_TRACK: { description: "符合序时（不慢于 2022—2025 年的直线进度）" },
    BEHIND: { description: "滞后" },
    WRONG_WAY: { description: "反向变化（离目标比基期更远）" },
  } as const,
});

const IndicatorProgress = builder.objectRef<MeasureProgress>("IndicatorProgress").implement({
  description: "Progress to target: (latest − baseline) / (target − baseline), honouring the direction.",
  fields: (t) => ({
    ratio: t.float({
      nullable: true,
      description: "0 at the baseline, 1 at the target; negative when moving the wrong way, above 1 when overshooting. Null without data.",
      resolve: (p) => p.ratio,
    }),
    expected: t.float({ nullable: true, description: "The share expected by the latest year (straight line 2022 → 2025).", resolve: (p) => p.expected }),
    achieved: t.boolean({ nullable: true, resolve: (p) => p.achieved }),
    status: t.field({ type: ProgressStatusEnum, resolve: (p) => p.status }),
    latestYear: t.int({ nullable: true, resolve: (p) => p.latestYear }),
  }),
});

builder.prismaObject("IndicatorValue", {
  fields: (t) => ({
    year: t.exposeInt("year"),
    value: t.expose("value", { type: "Decimal" }),
    note: t.exposeString("note", { nullable: true }),
    enteredAt: t.expose("enteredAt", { type: "DateTime" }),
  }),
});

const VALUES_ORDER = { orderBy: { year: "asc" } } as const;

export const IndicatorMeasureNode = builder.prismaNode("IndicatorMeasure", {
  id: { field: "id" },
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
    values: t.relation("values", { description: "Yearly actuals, oldest first", query: VALUES_ORDER }),
    latest: t.prismaField({
      type: "IndicatorValue",
      nullable: true,
      description: "The latest yearly actual.",
      select: { values: VALUES_ORDER },
      resolve: (_query, measure) => latestValue(measure.values),
    }),
    progress: t.field({
      type: IndicatorProgress,
      select: { baseline: true, target: true, direction: true, values: VALUES_ORDER },
      resolve: (measure) => measureProgress(measure, latestValue(measure.values)),
    }),
    baselineText: t.string({
      description: "The baseline as shown, e.g. 1:13",
      select: { baseline: true, unit: true, format: true },
      resolve: (m) => formatMeasureValue(m, m.baseline.toString()),
    }),
    targetText: t.string({
      description: "The target as shown, e.g. 1:12.5",
      select: { target: true, unit: true, format: true },
      resolve: (m) => formatMeasureValue(m, m.target.toString()),
    }),
  }),
});

const ACTIVE_LINKS = {
  where: { unlinkedAt: null, project: { archivedAt: null } },
  orderBy: { project: { code: "asc" } },
} as const;

builder.prismaObject("ProjectIndicator", {
  name: "IndicatorLink",
  description: "A project linked to an indicator it moves (e.g. 城镇学校 → 师生比).",
  fields: (t) => ({
    project: t.relation("project"),
    indicator: t.relation("indicator"),
    linkedAt: t.expose("linkedAt", { type: "DateTime" }),
  }),
});

export const IndicatorNode = builder.prismaNode("Indicator", {
  id: { field: "id" },
  fields: (t) => ({
    code: t.exposeInt("code"),
    name: t.exposeString("name"),
    note: t.exposeString("note", { nullable: true }),
    measures: t.relation("measures", { query: { orderBy: { position: "asc" } } }),
    links: t.relation("projects", { description: "Projects linked to this indicator, by code.", query: ACTIVE_LINKS }),
  }),
});

builder.prismaObjectField("Project", "indicatorLinks", (t) =>
  t.relation("indicators", {
    description: "The indicators this project moves, in the plan's order.",
    query: { where: { unlinkedAt: null }, orderBy: { indicator: { code: "asc" } } },
  }),
);

builder.queryField("indicators", (t) =>
  t.prismaField({
    type: ["Indicator"],
    description: "The plan's 22 indicators, in order.",
    resolve: (query, _root, _args, { prisma }) => prisma.indicator.findMany({ ...query, orderBy: { code: "asc" } }),
  }),
);

// ---------------------------------------------------------------------------------------------
// Mutations

const SetIndicatorValueInput = builder.inputType("SetIndicatorValueInput", {
  fields: (t) => ({
    measureId: t.globalID({ required: true, for: IndicatorMeasureNode }),
    year: t.int({ required: true, description: "2023, 2024 or 2025" }),
    value: t.string({
      required: true,
      description: "A decimal number as typed (checked in Chinese): a ratio's number part, 12.5 for 师生比 1:12.5; a percentage 0–100.",
    }),
    note: t.string({ description: "Source or remark, e.g. 统计公报" }),
  }),
});

builder.mutationField("setIndicatorValue", (t) =>
  t.field({
    type: IndicatorNode,
    ...onlyFor(CONFIGURERS, "指标数据由领导小组办公室填报"),
    description: "The office enters or revises a measure's actual for a year (the audit trail keeps the old value).",
    errors: {
      types: [ValidationError, ForbiddenError, NotFoundError],
      union: { name: "SetIndicatorValueResult" },
      result: { name: "SetIndicatorValueSuccess" },
      dataField: { name: "indicator" },
    },
    args: { input: t.arg({ type: SetIndicatorValueInput, required: true }) },
    resolve: (_root, { input }, context) =>
      setIndicatorValue(context.prisma, actorOf(context), { ...input, measureId: databaseId(input.measureId) }),
  }),
);

const ProjectIndicatorInput = builder.inputType("ProjectIndicatorInput", {
  fields: (t) => ({
    projectId: t.globalID({ required: true, for: ProjectNode }),
    indicatorId: t.globalID({ required: true, for: IndicatorNode }),
  }),
});

// linkProjectIndicator and unlinkProjectIndicator: the same input, rule and result, both ways.
for (const [field, linked, description] of [
  ["linkProjectIndicator", true, "Links a project to an indicator it moves (the office, or the project's editors)."],
  ["unlinkProjectIndicator", false, "Unlinks a project from an indicator; the link is kept as history (audited)."],
] as const) {
  const name = field[0]!.toUpperCase() + field.slice(1);
  builder.mutationField(field, (t) =>
    t.field({
      type: IndicatorNode,
      ...onlyFor(PROJECT_EDITORS),
      description,
      errors: {
        types: [ValidationError, ForbiddenError, NotFoundError],
        union: { name: `${name}Result` },
        result: { name: `${name}Success` },
        dataField: { name: "indicator" },
      },
      args: { input: t.arg({ type: ProjectIndicatorInput, required: true }) },
      resolve: (_root, { input }, context) =>
        setProjectIndicatorLink(
          context.prisma,
          actorOf(context),
          { projectId: databaseId(input.projectId), indicatorId: databaseId(input.indicatorId) },
          linked,
        ),
    }),
  );
}
