// Bottleneck review (堵点分析): every figure as of an instant `asOf`, computed in SQL over the stage
// history, milestones, blockers, annual plans and monthly reports, so a past instant gives the past's
// answer (the stage then is the target of the last transition at or before it, as board(at:) reads).
// Plain functions on the raw runner (db/client.ts: its statements are prepared once per connection);
// no GraphQL here.
import { Prisma, type BlockerKind, type Stage } from "@prisma/client";
import type { SqlRunner } from "../../db/client.js";
import { todayInChina, yearElapsedShare } from "../common/calendar.js";
import { STAGES } from "../common/stage.js";

export interface BottleneckScope {
  asOf: Date;
  actionId?: number | null;
  subTaskId?: number | null;
  unitId?: number | null;
}

/** The instant as the `timestamp` columns hold it (UTC, without a zone). */
export function sqlInstant(at: Date): Prisma.Sql {
  return Prisma.sql`${at.toISOString()}::timestamp`;
}

/** asOf's calendar day in China, for the `date` columns (milestones). */
export function sqlChinaDay(at: Date): Prisma.Sql {
  return Prisma.sql`${todayInChina(at).toISOString().slice(0, 10)}::date`;
}

/**
 * Whole days from `since` to asOf (since <= asOf): floor(seconds / 86400). The difference of two
 * timestamps is an interval whose day field is exactly that (PostgreSQL carries whole 24 hours into
 * days, the rest stays under 24 hours), read as a float without numeric arithmetic; the same as
 * floor(extract(epoch …) / 86400), checked on every instant of the 20,000-project database.
 */
export function wholeDaysSince(asOf: Date, since: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`date_part('day', ${sqlInstant(asOf)} - ${since})::int`;
}

/** The scope's filters (action, sub-task, unit) on the projects, alias `p`: none for the whole pilot. */
function scopeFilters(scope: BottleneckScope): Prisma.Sql[] {
  const filters: Prisma.Sql[] = [];
  if (scope.actionId) filters.push(Prisma.sql`p.action_id = ${scope.actionId}`);
  if (scope.subTaskId) filters.push(Prisma.sql`p.sub_task_id = ${scope.subTaskId}`);
  if (scope.unitId) filters.push(Prisma.sql`p.responsible_unit_id = ${scope.unitId}`);
  return filters;
}

/** The projects in scope: the filters, and not archived by asOf. Alias `p`. */
export function projectScope(scope: BottleneckScope): Prisma.Sql {
  return Prisma.join([Prisma.sql`(p.archived_at IS NULL OR p.archived_at > ${sqlInstant(scope.asOf)})`, ...scopeFilters(scope)], " AND ");
}

/**
 * Registered by asOf: some transition at or before it. A project's stage_entered_at is the instant of
 * one of its transitions (the move or the intake that set its stage writes both in one transaction), so
 * when it is not after asOf the answer is yes without reading the history; only projects moved after
 * asOf (none, as of now) look the history up, through the (project_id, at) index.
 */
export function registeredBy(asOf: Date): Prisma.Sql {
  const at = sqlInstant(asOf);
  return Prisma.sql`(p.stage_entered_at <= ${at} OR EXISTS (SELECT 1 FROM stage_transition t WHERE t.project_id = p.id AND t.at <= ${at}))`;
}

/**
 * Each project in scope with its stage at asOf and when it entered it (projects not yet registered are
 * left out). project.stage and stage_entered_at are the target and instant of the project's latest
 * transition (written together with it), so a project that has not moved since asOf was then where it
 * is now: only the projects moved after asOf read the last transition at or before asOf from the
 * history (an index-only probe each), instead of one probe per project.
 */
function stagesThen(scope: BottleneckScope): Prisma.Sql {
  const at = sqlInstant(scope.asOf);
  return Prisma.sql`
    SELECT p.id AS project_id, p.responsible_unit_id AS unit_id, p.stage AS to_stage, p.stage_entered_at AS entered_at
      FROM project p
     WHERE ${projectScope(scope)} AND p.stage_entered_at <= ${at}
    UNION ALL
    SELECT p.id AS project_id, p.responsible_unit_id AS unit_id, st.to_stage, st.at AS entered_at
      FROM project p
      CROSS JOIN LATERAL (
        SELECT t.to_stage, t.at FROM stage_transition t
         WHERE t.project_id = p.id AND t.at <= ${at}
         ORDER BY t.at DESC, t.id DESC LIMIT 1) st
     WHERE ${projectScope(scope)} AND p.stage_entered_at > ${at}`;
}

// ---------------------------------------------------------------------------------------------
// Stuck projects (滞留): longer in their stage than the stage's dwell threshold

export interface StuckRow {
  projectId: number;
  stage: Stage;
  enteredAt: Date;
  dwellDays: number;
  thresholdDays: number;
}

export async function stuckProjects(sql: SqlRunner, scope: BottleneckScope, limit: number): Promise<{ total: number; rows: StuckRow[] }> {
  const rows = await sql.rows<StuckRow & { total: number }>(Prisma.sql`
    WITH now_stage AS (${stagesThen(scope)}),
    stuck AS (
      SELECT s.project_id, s.to_stage, s.entered_at, ss.dwell_threshold_days,
             ${wholeDaysSince(scope.asOf, Prisma.sql`s.entered_at`)} AS dwell_days
        FROM now_stage s JOIN stage_setting ss ON ss.stage = s.to_stage
       WHERE s.to_stage <> 'COMPLETED')
    SELECT project_id AS "projectId", to_stage::text AS stage, entered_at AS "enteredAt", dwell_days AS "dwellDays",
           dwell_threshold_days AS "thresholdDays", (count(*) OVER ())::int AS total
      FROM stuck WHERE dwell_days > dwell_threshold_days
     ORDER BY dwell_days DESC, project_id
     LIMIT ${limit}`);
  return { total: rows[0]?.total ?? 0, rows: rows.map(({ total: _total, ...row }) => row) };
}

// ---------------------------------------------------------------------------------------------
// Overdue milestones: planned before asOf's day, not done by it

export interface OverdueRow {
  milestoneId: number;
  projectId: number;
  name: string;
  plannedDate: Date;
  daysOverdue: number;
}

export async function overdueMilestones(sql: SqlRunner, scope: BottleneckScope, limit: number): Promise<{ total: number; rows: OverdueRow[] }> {
  const day = sqlChinaDay(scope.asOf);
  const rows = await sql.rows<OverdueRow & { total: number }>(Prisma.sql`
    SELECT m.id AS "milestoneId", m.project_id AS "projectId", m.name, m.planned_date AS "plannedDate",
           (${day} - m.planned_date)::int AS "daysOverdue", (count(*) OVER ())::int AS total
      FROM milestone m JOIN project p ON p.id = m.project_id
     WHERE ${projectScope(scope)}
       AND m.planned_date < ${day} AND (m.actual_date IS NULL OR m.actual_date > ${day})
       AND ${registeredBy(scope.asOf)}
     ORDER BY "daysOverdue" DESC, m.id
     LIMIT ${limit}`);
  return { total: rows[0]?.total ?? 0, rows: rows.map(({ total: _total, ...row }) => row) };
}

// ---------------------------------------------------------------------------------------------
// Open blockers (堵点): raised by asOf and not resolved by it, by kind and age

/** Age buckets in days: [from, to] inclusive, `to` null for open-ended. */
export const AGE_BUCKETS: readonly { label: string; from: number; to: number | null }[] = [
  { label: "30天以内", from: 0, to: 30 },
  { label: "31–90天", from: 31, to: 90 },
  { label: "91–180天", from: 91, to: 180 },
  { label: "180天以上", from: 181, to: null },
];

export interface BlockerRow {
  blockerId: number;
  projectId: number;
  kind: BlockerKind;
  description: string;
  raisedAt: Date;
  ageDays: number;
}

export interface BlockerKindSummary {
  kind: BlockerKind;
  total: number;
  /** Counts per AGE_BUCKETS entry, in order. */
  buckets: number[];
}

/**
 * The blockers open at asOf in scope. The whole pilot's review (no action, sub-task or unit) asks of a
 * blocker's project only that it was not archived by asOf: an anti-join with the projects archived by
 * then (a range of the archived_at index) rather than a join with every project, a third of the time.
 */
function openBlockers(scope: BottleneckScope): Prisma.Sql {
  const asOf = sqlInstant(scope.asOf);
  const projectInScope = scopeFilters(scope).length === 0
    ? Prisma.sql`NOT EXISTS (SELECT 1 FROM project p WHERE p.id = b.project_id AND p.archived_at <= ${asOf})`
    : Prisma.sql`EXISTS (SELECT 1 FROM project p WHERE p.id = b.project_id AND ${projectScope(scope)})`;
  return Prisma.sql`
    SELECT b.id, b.project_id, b.kind, b.description, b.raised_at,
           ${wholeDaysSince(scope.asOf, Prisma.sql`b.raised_at`)} AS age_days
      FROM blocker b
     WHERE ${projectInScope} AND b.raised_at <= ${asOf} AND (b.resolved_at IS NULL OR b.resolved_at > ${asOf})`;
}

export async function blockerList(sql: SqlRunner, scope: BottleneckScope, limit: number): Promise<BlockerRow[]> {
  return sql.rows<BlockerRow>(Prisma.sql`
    SELECT id AS "blockerId", project_id AS "projectId", kind::text AS kind, description, raised_at AS "raisedAt", age_days AS "ageDays"
      FROM (${openBlockers(scope)}) b
     ORDER BY age_days DESC, id LIMIT ${limit}`);
}

/** MATERIALIZED: each blocker's age is worked out once, not once per bucket the CASE tries. */
export async function blockerSummary(sql: SqlRunner, scope: BottleneckScope): Promise<BlockerKindSummary[]> {
  const bucketCase = Prisma.join(
    AGE_BUCKETS.map((b, i) => Prisma.sql`WHEN age_days >= ${b.from} ${b.to === null ? Prisma.empty : Prisma.sql`AND age_days <= ${b.to}`} THEN ${i}`),
    " ",
  );
  const rows = await sql.rows<{ kind: BlockerKind; bucket: number; count: number }>(Prisma.sql`
    WITH b AS MATERIALIZED (${openBlockers(scope)})
    SELECT kind::text AS kind, (CASE ${bucketCase} ELSE 0 END)::int AS bucket, count(*)::int AS count
      FROM b GROUP BY 1, 2 ORDER BY 1, 2`);
  const byKind = new Map<BlockerKind, BlockerKindSummary>();
  for (const row of rows) {
    const summary = byKind.get(row.kind) ?? { kind: row.kind, total: 0, buckets: AGE_BUCKETS.map(() => 0) };
    summary.total += row.count;
    summary.buckets[row.bucket] = row.count;
    byKind.set(row.kind, summary);
  }
  return [...byKind.values()].sort((a, b) => b.total - a.total);
}

// ---------------------------------------------------------------------------------------------
// The stage funnel: how many projects reached each stage by asOf (a project reached every stage up to
// the furthest it has been in), and the conversion from each stage to the next.

export interface FunnelRow {
  stage: Stage;
  reached: number;
  /** reached(next) / reached(this); null for 竣工 or when none reached this stage. */
  conversion: number | null;
}

/** Projects in scope per furthest stage reached by asOf. Depends on asOf only through the transitions up to it (see history-cache.ts). */
export async function furthestStages(sql: SqlRunner, scope: BottleneckScope): Promise<Map<Stage, number>> {
  const rows = await sql.rows<{ stage: Stage; projects: number }>(Prisma.sql`
    SELECT f.top::text AS stage, count(*)::int AS projects
      FROM (SELECT max(t.to_stage) AS top
              FROM stage_transition t JOIN project p ON p.id = t.project_id
             WHERE ${projectScope(scope)} AND t.at <= ${sqlInstant(scope.asOf)}
             GROUP BY t.project_id) f
     GROUP BY f.top`);
  return new Map(rows.map((r) => [r.stage, r.projects]));
}

/** The funnel from the projects per furthest stage: a stage is reached by the projects whose furthest is it or beyond. */
export function funnelOf(furthest: Map<Stage, number>): FunnelRow[] {
  const reached = new Map<Stage, number>();
  let beyond = 0;
  for (const stage of [...STAGES].reverse()) {
    beyond += furthest.get(stage) ?? 0;
    reached.set(stage, beyond);
  }
  return STAGES.map((stage, i) => {
    const here = reached.get(stage) ?? 0;
    const next = STAGES[i + 1];
    return { stage, reached: here, conversion: next && here > 0 ? (reached.get(next) ?? 0) / here : null };
  });
}

export async function stageFunnel(sql: SqlRunner, scope: BottleneckScope): Promise<FunnelRow[]> {
  return funnelOf(await furthestStages(sql, scope));
}

// ---------------------------------------------------------------------------------------------
// Cumulative flow: projects per stage at each month's end (China time) over `months` months ending
// at asOf (the last point is asOf itself).

export interface FlowPoint {
  month: string;
  at: Date;
  counts: Map<Stage, number>;
}

/** Month-end instants in China (the next month's first midnight, 08:00 earlier in UTC), the last capped at asOf. */
export function monthEnds(asOf: Date, months: number): { month: string; at: Date }[] {
  const day = todayInChina(asOf);
  const points: { month: string; at: Date }[] = [];
  for (let i = months - 1; i >= 0; i--) {
    const first = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() - i, 1));
    const end = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1) - 8 * 3_600_000 - 1);
    points.push({ month: first.toISOString().slice(0, 7), at: end < asOf ? end : asOf });
  }
  return points;
}

/** A month as a number (year × 12 + month − 1), as flowDeltas gives them. */
function monthIndex(month: string): number {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return y * 12 + m - 1;
}

export interface FlowDelta {
  /** The China month, as monthIndex numbers it. */
  month: number;
  stage: Stage;
  delta: number;
}

/**
 * Every transition adds a project to its target stage and takes it from its source stage (a
 * transition's from_stage is the stage it left: the history is a chain), summed per China month and
 * stage: the running totals give the counts at each month's end, in one scan of the history rather
 * than a join of every stay with every month end. The transitions are first counted per month and
 * (to, from) pair with cheap timestamp arithmetic; only those few hundred groups are split into their
 * +1 and −1 and numbered. Depends on asOf only through the transitions up to it.
 */
export async function flowDeltas(sql: SqlRunner, scope: BottleneckScope): Promise<FlowDelta[]> {
  return sql.rows<FlowDelta>(Prisma.sql`
    SELECT (extract(year FROM g.month) * 12 + extract(month FROM g.month) - 1)::int AS month,
           m.stage::text AS stage, sum(m.delta * g.n)::int AS delta
      FROM (SELECT date_trunc('month', t.at + interval '8 hours') AS month, t.to_stage, t.from_stage, count(*) AS n
              FROM stage_transition t JOIN project p ON p.id = t.project_id
             WHERE ${projectScope(scope)} AND t.at <= ${sqlInstant(scope.asOf)}
             GROUP BY 1, 2, 3) g
      CROSS JOIN LATERAL (VALUES (g.to_stage, 1), (g.from_stage, -1)) AS m(stage, delta)
     WHERE m.stage IS NOT NULL
     GROUP BY 1, 2`);
}

/** The counts at each month end from the monthly deltas; months before the first are lumped into it. */
export function flowOf(deltas: FlowDelta[], asOf: Date, months: number): FlowPoint[] {
  const points = monthEnds(asOf, months);
  const first = monthIndex(points[0]!.month);
  const running = new Map<Stage, number>();
  return points.map((p) => {
    const month = monthIndex(p.month);
    for (const row of deltas) {
      if (Math.max(row.month, first) === month) running.set(row.stage, (running.get(row.stage) ?? 0) + row.delta);
    }
    return { ...p, counts: new Map(running) };
  });
}

export async function cumulativeFlow(sql: SqlRunner, scope: BottleneckScope, months: number): Promise<FlowPoint[]> {
  return flowOf(await flowDeltas(sql, scope), scope.asOf, months);
}

// ---------------------------------------------------------------------------------------------
// Cycle time per stage: days spent in the stage, over the stays that ended by asOf.

export interface CycleTimeRow {
  stage: Stage;
  stays: number;
  medianDays: number | null;
  p85Days: number | null;
}

/** Depends on asOf only through the transitions up to it. */
export async function cycleTimes(sql: SqlRunner, scope: BottleneckScope): Promise<CycleTimeRow[]> {
  const rows = await sql.rows<{ stage: Stage; stays: number; median: number; p85: number }>(Prisma.sql`
    WITH stays AS (
      SELECT t.to_stage, extract(epoch FROM (lead(t.at) OVER w - t.at)) / 86400 AS days
        FROM stage_transition t JOIN project p ON p.id = t.project_id
       WHERE ${projectScope(scope)} AND t.at <= ${sqlInstant(scope.asOf)}
      WINDOW w AS (PARTITION BY t.project_id ORDER BY t.at, t.id))
    SELECT to_stage::text AS stage, count(*)::int AS stays,
           (percentile_cont(0.5) WITHIN GROUP (ORDER BY days))::float8 AS median,
           (percentile_cont(0.85) WITHIN GROUP (ORDER BY days))::float8 AS p85
      FROM stays WHERE days IS NOT NULL GROUP BY to_stage`);
  const byStage = new Map(rows.map((r) => [r.stage, r]));
  return STAGES.filter((s) => s !== "COMPLETED").map((stage) => {
    const row = byStage.get(stage);
    return { stage, stays: row?.stays ?? 0, medianDays: row ? Number(row.median) : null, p85Days: row ? Number(row.p85) : null };
  });
}

// ---------------------------------------------------------------------------------------------
// 序时进度: the year's planned investment against what was completed by asOf (monthly reports of
// asOf's year up to its month, reported by asOf), in total, per responsible unit and per action.

export interface InvestmentRow {
  /** null for the total. */
  unitId: number | null;
  actionId: number | null;
  planned: Prisma.Decimal;
  completed: Prisma.Decimal;
}

export interface InvestmentProgress {
  year: number;
  elapsedShare: number;
  total: InvestmentRow;
  byUnit: InvestmentRow[];
  byAction: InvestmentRow[];
}

export function reportMonthRange(asOf: Date): { year: number; from: string; to: string } {
  const { year } = yearElapsedShare(asOf);
  return { year, from: `${year}-01`, to: todayInChina(asOf).toISOString().slice(0, 7) };
}

export async function investmentProgress(sql: SqlRunner, scope: BottleneckScope): Promise<InvestmentProgress> {
  const { year, share } = yearElapsedShare(scope.asOf);
  const range = reportMonthRange(scope.asOf);
  const rows = await sql.rows<{ unitId: number | null; actionId: number | null; grouping: number; planned: Prisma.Decimal; completed: Prisma.Decimal }>(Prisma.sql`
    WITH planned AS (
      SELECT ap.project_id, ap.planned_investment AS amount FROM project_annual_plan ap WHERE ap.year = ${year}),
    done AS (
      SELECT r.project_id, sum(r.investment_this_month) AS amount FROM progress_report r
       WHERE r.month >= ${range.from} AND r.month <= ${range.to} AND r.reported_at <= ${sqlInstant(scope.asOf)}
       GROUP BY r.project_id),
    per_project AS (
      SELECT coalesce(pl.project_id, d.project_id) AS project_id, coalesce(pl.amount, 0) AS planned, coalesce(d.amount, 0) AS completed
        FROM planned pl FULL OUTER JOIN done d ON d.project_id = pl.project_id)
    SELECT p.responsible_unit_id AS "unitId", p.action_id AS "actionId",
           GROUPING(p.responsible_unit_id, p.action_id)::int AS grouping,
           -- The total over no project at all is 0, not null (Decimal(null) threw).
           coalesce(sum(x.planned), 0) AS planned, coalesce(sum(x.completed), 0) AS completed
      FROM per_project x JOIN project p ON p.id = x.project_id
     WHERE ${projectScope(scope)}
       AND ${registeredBy(scope.asOf)}
     GROUP BY GROUPING SETS ((), (p.responsible_unit_id), (p.action_id))`);
  const zero = new Prisma.Decimal(0);
  const toRow = (r: (typeof rows)[number]): InvestmentRow => ({
    unitId: r.grouping === 1 ? r.unitId : null,
    actionId: r.grouping === 2 ? r.actionId : null,
    planned: new Prisma.Decimal(r.planned),
    completed: new Prisma.Decimal(r.completed),
  });
  const total = rows.find((r) => r.grouping === 3);
  return {
    year,
    elapsedShare: share,
    total: total ? toRow(total) : { unitId: null, actionId: null, planned: zero, completed: zero },
    // GROUPING(unit, action): bit 1 is the action's, bit 2 the unit's; 1 = grouped by unit.
    byUnit: rows.filter((r) => r.grouping === 1).map(toRow).sort((a, b) => b.planned.comparedTo(a.planned)),
    byAction: rows.filter((r) => r.grouping === 2).map(toRow).sort((a, b) => (a.actionId ?? 0) - (b.actionId ?? 0)),
  };
}

/** The completed share of the planned investment (0 when nothing is planned). */
export function completedShare(row: Pick<InvestmentRow, "planned" | "completed">): number {
  return row.planned.isZero() ? 0 : row.completed.div(row.planned).toNumber();
}
