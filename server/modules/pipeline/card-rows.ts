// The board's cards by hand-written SQL. Prisma 6 compiles every query in wasm on the main thread
// and builds its nested results in JavaScript; for a board's hundred cards that was most of a
// request's time. `cardRows` returns what `project.findMany({ include })` returns for the includes
// a card asks for (its responsible unit and township, its funding sources, its counts of overdue
// milestones and open blockers), in two statements for any number of cards on the raw runner (typed
// as Prisma types them: SqlRunner.rows): the projects with their units and counts (and, for the
// board, the facts of their traffic lights), then their funding sources (column lists: db/columns.ts). `cardPlan` says whether a selection is one of
// these; any other goes to Prisma (`projectsByIds` picks). The board's cards and the bottleneck
// lists' projects are read this way. tests/card-rows.test.ts holds both to the same answer.
import { Prisma, type Project } from "@prisma/client";
import { isDeepStrictEqual } from "node:util";
import type { Database, SqlRunner } from "../../db/client.js";
import { columnsOf, fieldsOf } from "../../db/columns.js";
import { keepLightWithRow, lightFactsColumns, lightOfRow } from "../bottleneck/lights.js";

/** What a card's selection asks of the database, when cardRows can answer it. */
export interface CardPlan {
  responsibleUnit: boolean;
  township: boolean;
  fundingSources: boolean;
  /** Count milestones not done and planned before this instant (the overdue badge). */
  overdueBefore: Date | null;
  openBlockers: boolean;
  /** Read each card's traffic light as of this instant with it (lights.ts). */
  lightsAsOf: Date | null;
}

const FUNDING_SOURCES = { where: { removedAt: null }, orderBy: { kind: "asc" } };
const OPEN_BLOCKERS = { where: { resolvedAt: null } };

/** The plan for a Prisma selection of projects, or null when it asks for anything else. */
export function cardPlan(selection: Pick<Prisma.ProjectFindManyArgs, "select" | "include">): CardPlan | null {
  if (selection.select) return null;
  const plan: CardPlan = { responsibleUnit: false, township: false, fundingSources: false, overdueBefore: null, openBlockers: false, lightsAsOf: null };
  for (const [key, value] of Object.entries(selection.include ?? {})) {
    if (value === undefined || value === false) continue;
    if ((key === "responsibleUnit" || key === "township") && value === true) plan[key] = true;
    else if (key === "fundingSources" && isDeepStrictEqual(value, FUNDING_SOURCES)) plan.fundingSources = true;
    else if (key === "_count" && typeof value === "object" && Object.keys(value).length === 1 && "select" in value) {
      for (const [relation, count] of Object.entries(value.select as object)) {
        if (relation === "blockers" && isDeepStrictEqual(count, OPEN_BLOCKERS)) plan.openBlockers = true;
        else if (relation === "milestones" && isOverdueCount(count)) plan.overdueBefore = count.where.plannedDate.lt;
        else return null;
      }
    } else return null;
  }
  return plan;
}

function isOverdueCount(count: unknown): count is { where: { actualDate: null; plannedDate: { lt: Date } } } {
  const where = (count as { where?: { actualDate?: unknown; plannedDate?: { lt?: unknown } } } | null)?.where;
  return (
    isDeepStrictEqual(Object.keys(count as object), ["where"]) &&
    isDeepStrictEqual(Object.keys(where ?? {}).sort(), ["actualDate", "plannedDate"]) &&
    where?.actualDate === null &&
    isDeepStrictEqual(Object.keys(where.plannedDate ?? {}), ["lt"]) &&
    where.plannedDate?.lt instanceof Date
  );
}

/** The projects of `ids` as Prisma would return them with the plan's includes; in no particular order. */
export async function cardRows(sql: SqlRunner, ids: number[], plan: CardPlan): Promise<Project[]> {
  if (ids.length === 0) return [];
  const empty = Prisma.sql``;
  const rows = await sql.rows<Record<string, unknown>>(Prisma.sql`
    SELECT ${columnsOf("Project", "p")}
           ${plan.responsibleUnit ? Prisma.sql`, ${columnsOf("Unit", "ru", "responsibleUnit.")}` : empty}
           ${plan.township ? Prisma.sql`, ${columnsOf("Unit", "tw", "township.")}` : empty}
           ${plan.overdueBefore ? Prisma.sql`, (SELECT count(*)::int FROM milestone m WHERE m.project_id = p.id AND m.actual_date IS NULL AND m.planned_date < ${plan.overdueBefore.toISOString().slice(0, 10)}::date) AS "_count.milestones"` : empty}
           ${plan.openBlockers ? Prisma.sql`, (SELECT count(*)::int FROM blocker b WHERE b.project_id = p.id AND b.resolved_at IS NULL) AS "_count.blockers"` : empty}
           ${plan.lightsAsOf ? Prisma.sql`, ${lightFactsColumns(plan.lightsAsOf, "light.")}` : empty}
      FROM project p
      ${plan.responsibleUnit ? Prisma.sql`JOIN unit ru ON ru.id = p.responsible_unit_id` : empty}
      ${plan.township ? Prisma.sql`LEFT JOIN unit tw ON tw.id = p.township_id` : empty}
     WHERE p.id = ANY(${ids}::int[])`);
  const funding = new Map<number, Record<string, unknown>[]>();
  if (plan.fundingSources) {
    const sources = await sql.rows<Record<string, unknown>>(Prisma.sql`
      SELECT ${columnsOf("ProjectFunding", "f")} FROM project_funding f
       WHERE f.project_id = ANY(${ids}::int[]) AND f.removed_at IS NULL
       ORDER BY f.project_id, f.kind`);
    for (const source of sources) {
      const own = funding.get(source.projectId as number);
      if (own) own.push(source);
      else funding.set(source.projectId as number, [source]);
    }
  }
  const projectOf = fieldsOf("Project");
  const responsibleUnitOf = fieldsOf("Unit", "responsibleUnit.");
  const townshipOf = fieldsOf("Unit", "township.");
  return rows.map((row) => {
    const project = projectOf(row)!;
    if (plan.responsibleUnit) project.responsibleUnit = responsibleUnitOf(row);
    if (plan.township) project.township = townshipOf(row);
    if (plan.fundingSources) project.fundingSources = funding.get(row.id as number) ?? [];
    if (plan.lightsAsOf) keepLightWithRow(project, lightOfRow(row, plan.lightsAsOf, "light."));
    if (plan.overdueBefore || plan.openBlockers) {
      project._count = {
        ...(plan.overdueBefore ? { milestones: row["_count.milestones"] } : {}),
        ...(plan.openBlockers ? { blockers: row["_count.blockers"] } : {}),
      };
    }
    return project as unknown as Project;
  });
}

/**
 * The projects of `ids` with a Prisma selection (what a GraphQL query asks of them), in no particular
 * order: by cardRows when the selection is a card's (with their lights as of `lightsAsOf`, when
 * given), otherwise by Prisma.
 */
export function projectsByIds(
  db: Database,
  ids: number[],
  selection: Pick<Prisma.ProjectFindManyArgs, "select" | "include">,
  lightsAsOf: Date | null = null,
): Promise<Project[]> {
  const plan = cardPlan(selection);
  return plan ? cardRows(db.sql, ids, { ...plan, lightsAsOf }) : db.prisma.project.findMany({ ...selection, where: { id: { in: ids } } });
}
