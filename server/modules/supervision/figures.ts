// The raw figures behind every score, aggregated per unit in SQL over a period, from the records as
// they stood at the period's end: stage transitions, reports, resolutions and replies dated after
// it are left out, so a period computed again later gives the same figures.
//
// What each component counts (items of exempted projects are counted apart, as `excluded`):
// - MILESTONES: milestones planned in the period; on time when done on or before the planned date.
// - ADVANCEMENT: projects whose planned start is on or before the period's last day; started when
//   their stage at the period's end is 开工, 在建 or 竣工.
// - INVESTMENT: projects with an annual plan for the period's year; completed investment is the
//   sum of their monthly reports from January to the period's last month (reported by its end),
//   set against the plan × 序时进度 (the share of the year gone by at the period's end).
// - BLOCKERS: blockers resolved in the period; the median of their days from raised to resolved.
// - REPORTS: monthly reports falling due in the period (month M is due on the scheme's day of month
//   M+1) of the projects that were 开工 or 在建 at the end of month M; on time when reported by then.
// - NOTICES: supervision notices whose reply deadline falls in the period; on time when replied by
//   the end of the deadline's day.
import { Prisma } from "@prisma/client";
import type { Tx } from "../../db/transaction.js";
import { isoDate, type Period } from "./period.js";
import type { ComponentKey } from "./scheme.js";

export interface Figures {
  /** Items counted (milestones due, projects due to start, reports due, notices due, blockers resolved, projects planned). */
  due: number;
  /** Items that met the mark (on time, started); for BLOCKERS the median days; for INVESTMENT unused. */
  met: number;
  /** Items left out because their project is exempted. */
  excluded: number;
  /** INVESTMENT only: completed and planned investment in 万元. */
  completed?: number;
  planned?: number;
  /** BLOCKERS only: median days from raised to resolved. */
  medianDays?: number | null;
}

export type UnitFigures = Map<number, Partial<Record<ComponentKey, Figures>>>;

interface Row {
  unit_id: number;
  due: number;
  met: number;
  excluded: number;
  completed?: number | null;
  planned?: number | null;
  median_days?: number | null;
}

/** An instant as the naive UTC timestamp columns hold. */
function ts(instant: Date): string {
  return instant.toISOString().replace("Z", "");
}

export async function periodFigures(tx: Tx, period: Period, reportDueDay: number): Promise<UnitFigures> {
  const start = isoDate(period.startDate);
  const end = isoDate(period.endDate);
  const startAt = ts(period.startInstant);
  const endAt = ts(period.endInstant);
  // The projects as they stood at the period's end, with whether a project exemption covers it.
  const projects = Prisma.sql`
    proj AS MATERIALIZED (
      SELECT p.id, p.responsible_unit_id AS unit_id,
        EXISTS (
          SELECT 1 FROM scoring_exemption e
          WHERE e.project_id = p.id AND e.revoked_at IS NULL
            AND e.start_date <= ${end}::date AND e.end_date >= ${start}::date
        ) AS exempt
      FROM project p
      WHERE (p.archived_at IS NULL OR p.archived_at > ${endAt}::timestamp)
        AND EXISTS (SELECT 1 FROM stage_transition t WHERE t.project_id = p.id AND t.at <= ${endAt}::timestamp)
    )`;
  const stageAt = (projectId: Prisma.Sql, at: Prisma.Sql) => Prisma.sql`
    (SELECT t.to_stage::text FROM stage_transition t WHERE t.project_id = ${projectId} AND t.at <= ${at}
     ORDER BY t.at DESC, t.id DESC LIMIT 1)`;

  // One statement after another: inside a transaction they share one connection anyway.
  const queries = [
    () => tx.$queryRaw<Row[]>`
      WITH ${projects}
      SELECT proj.unit_id,
        count(*) FILTER (WHERE NOT proj.exempt)::int AS due,
        count(*) FILTER (WHERE NOT proj.exempt AND m.actual_date IS NOT NULL AND m.actual_date <= m.planned_date)::int AS met,
        count(*) FILTER (WHERE proj.exempt)::int AS excluded
      FROM milestone m JOIN proj ON proj.id = m.project_id
      WHERE m.planned_date BETWEEN ${start}::date AND ${end}::date
      GROUP BY proj.unit_id`,
    () => tx.$queryRaw<Row[]>`
      WITH ${projects}, staged AS (
        SELECT proj.*, ${stageAt(Prisma.sql`proj.id`, Prisma.sql`${endAt}::timestamp`)} AS stage
        FROM proj JOIN project p ON p.id = proj.id
        WHERE p.planned_start <= ${end}::date
      )
      SELECT unit_id,
        count(*) FILTER (WHERE NOT exempt)::int AS due,
        count(*) FILTER (WHERE NOT exempt AND stage IN ('STARTED', 'UNDER_CONSTRUCTION', 'COMPLETED'))::int AS met,
        count(*) FILTER (WHERE exempt)::int AS excluded
      FROM staged GROUP BY unit_id`,
    () => tx.$queryRaw<Row[]>`
      WITH ${projects}, planned AS (
        SELECT proj.*, plan.planned_investment AS planned,
          (SELECT coalesce(sum(r.investment_this_month), 0) FROM progress_report r
           WHERE r.project_id = proj.id AND r.month >= ${`${period.year}-01`} AND r.month <= ${period.lastMonth}
             AND r.reported_at <= ${endAt}::timestamp) AS completed
        FROM proj JOIN project_annual_plan plan ON plan.project_id = proj.id AND plan.year = ${period.year}
        WHERE plan.planned_investment > 0
      )
      SELECT unit_id,
        count(*) FILTER (WHERE NOT exempt)::int AS due,
        0 AS met,
        count(*) FILTER (WHERE exempt)::int AS excluded,
        coalesce(sum(completed) FILTER (WHERE NOT exempt), 0)::float8 AS completed,
        coalesce(sum(planned) FILTER (WHERE NOT exempt), 0)::float8 AS planned
      FROM planned GROUP BY unit_id`,
    () => tx.$queryRaw<Row[]>`
      WITH ${projects}
      SELECT proj.unit_id,
        count(*) FILTER (WHERE NOT proj.exempt)::int AS due,
        0 AS met,
        count(*) FILTER (WHERE proj.exempt)::int AS excluded,
        (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM b.resolved_at - b.raised_at) / 86400)
          FILTER (WHERE NOT proj.exempt))::float8 AS median_days
      FROM blocker b JOIN proj ON proj.id = b.project_id
      WHERE b.resolved_at >= ${startAt}::timestamp AND b.resolved_at <= ${endAt}::timestamp
      GROUP BY proj.unit_id`,
    () => tx.$queryRaw<Row[]>`
      WITH ${projects}, months AS (
        SELECT to_char(m, 'YYYY-MM') AS month,
          m + interval '1 month' - interval '8 hours' AS month_end,
          m + interval '1 month' + make_interval(days => ${reportDueDay}::int) - interval '8 hours' AS due_at
        FROM generate_series(${start}::date - interval '1 month', ${end}::date - interval '1 month', interval '1 month') AS m
      ), spans AS MATERIALIZED (
        -- Each stage a project was in, from its transition to the next (ties ordered by id).
        SELECT t.project_id, t.to_stage::text AS stage, t.at AS from_at,
          lead(t.at) OVER (PARTITION BY t.project_id ORDER BY t.at, t.id) AS to_at
        FROM stage_transition t
        WHERE t.at <= ${endAt}::timestamp
      ), building AS MATERIALIZED (
        SELECT * FROM spans WHERE stage IN ('STARTED', 'UNDER_CONSTRUCTION')
      ), needed AS (
        SELECT proj.unit_id, proj.exempt, proj.id, months.month, months.due_at
        FROM building
        JOIN months ON building.from_at <= months.month_end AND (building.to_at IS NULL OR building.to_at > months.month_end)
        JOIN proj ON proj.id = building.project_id
      )
      SELECT needed.unit_id,
        count(*) FILTER (WHERE NOT needed.exempt)::int AS due,
        count(*) FILTER (WHERE NOT needed.exempt AND r.reported_at <= needed.due_at)::int AS met,
        count(*) FILTER (WHERE needed.exempt)::int AS excluded
      FROM needed
      LEFT JOIN progress_report r ON r.project_id = needed.id AND r.month = needed.month AND r.reported_at <= ${endAt}::timestamp
      GROUP BY needed.unit_id`,
    () => tx.$queryRaw<Row[]>`
      WITH ${projects}
      SELECT n.unit_id,
        count(*) FILTER (WHERE NOT coalesce(proj.exempt, false))::int AS due,
        count(*) FILTER (WHERE NOT coalesce(proj.exempt, false) AND n.replied_at <= ${endAt}::timestamp
          AND n.replied_at < n.reply_deadline + interval '1 day' - interval '8 hours')::int AS met,
        count(*) FILTER (WHERE coalesce(proj.exempt, false))::int AS excluded
      FROM supervision_notice n LEFT JOIN proj ON proj.id = n.project_id
      WHERE n.reply_deadline BETWEEN ${start}::date AND ${end}::date AND n.issued_at <= ${endAt}::timestamp
      GROUP BY n.unit_id`,
  ];
  const results: Row[][] = [];
  for (const query of queries) results.push(await query());
  const [milestones, advancement, investment, blockers, reports, notices] = results as [Row[], Row[], Row[], Row[], Row[], Row[]];

  const byUnit: UnitFigures = new Map();
  const put = (key: ComponentKey, rows: Row[]) => {
    for (const row of rows) {
      const figures: Figures = { due: row.due, met: row.met, excluded: row.excluded };
      if (key === "INVESTMENT") Object.assign(figures, { completed: row.completed ?? 0, planned: row.planned ?? 0 });
      if (key === "BLOCKERS") figures.medianDays = row.median_days ?? null;
      const unit = byUnit.get(row.unit_id) ?? {};
      unit[key] = figures;
      byUnit.set(row.unit_id, unit);
    }
  };
  put("MILESTONES", milestones);
  put("ADVANCEMENT", advancement);
  put("INVESTMENT", investment);
  put("BLOCKERS", blockers);
  put("REPORTS", reports);
  put("NOTICES", notices);
  return byUnit;
}
