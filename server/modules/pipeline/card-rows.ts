// A project's card: the project and what its card shows beside its own columns (its responsible
// unit and township, its active funding sources, its counts of overdue milestones and open blockers,
// its traffic light). The board reads its cards by hand-written SQL, all of this included, in one
// statement for any number of cards, the statement that finds its pages (`cardRowsFrom`, on the raw
// runner, typed as Prisma types them: SqlRunner.rows): the projects with their units, counts, funding
// sources (as text) and lights' facts (column lists: db/columns.ts); the bottleneck lists read theirs
// by id the same way (`cardRows`), without the lights (theirs are the report's). Prisma 6 compiles
// every query in wasm on the main thread and builds its nested results in JavaScript; for a board's
// hundred cards that was most of a request's time.
// The Project fields of these relations are plain fields, not Pothos relations: they take what was
// read with the row, and for a project read another way (a project page, a move's answer) load it
// batched per request (`cardRelations`). A Pothos relation costs every row a lookup of how it was
// loaded: about a tenth of an uncached board's CPU.
// tests/card-rows.test.ts holds both ways to what Prisma's include answers.
import { FundingKind, Prisma, type Project, type ProjectFunding, type Unit } from "@prisma/client";
import DataLoader from "dataloader";
import type { Context } from "../../context.js";
import type { Database, SqlRunner } from "../../db/client.js";
import { columnsOf, fieldsOf } from "../../db/columns.js";
import { keepLightWithRow, lightFactsColumns, lightOfRow, lightsNow } from "../bottleneck/lights.js";
import { unitById } from "../catalog/units.js";
import { startOfTodayUtc } from "./milestones.js";

/** What a card shows beside the project's own columns, when it was read with the project. */
export interface CardRelations {
  responsibleUnit?: Unit;
  township?: Unit | null;
  fundingSources?: ProjectFunding[];
  _count?: { milestones: number; blockers: number };
}

/** The badges' counts of the project aliased `p`: milestones not done and planned before today, open blockers. */
function countColumns(prefix: string): Prisma.Sql {
  return Prisma.sql`
    (SELECT count(*)::int FROM milestone m WHERE m.project_id = p.id AND m.actual_date IS NULL
        AND m.planned_date < ${startOfTodayUtc().toISOString().slice(0, 10)}::date) AS ${Prisma.raw(`"${prefix}milestones"`)},
    (SELECT count(*)::int FROM blocker b WHERE b.project_id = p.id AND b.resolved_at IS NULL) AS ${Prisma.raw(`"${prefix}blockers"`)}`;
}

/**
 * The active funding sources of the project aliased `p` as text, `id:kind:amount` each, comma
 * separated (null when none), in no order: aggregating them as JSON, or in order, cost PostgreSQL
 * twice as much (a quarter of the cards' statement).
 */
function fundingColumn(name: string): Prisma.Sql {
  return Prisma.sql`
    (SELECT string_agg(f.id::text || ':' || f.kind::text || ':' || f.amount::text, ',')
       FROM project_funding f WHERE f.project_id = p.id AND f.removed_at IS NULL) AS ${Prisma.raw(`"${name}"`)}`;
}

/** The declaration order of the funding kinds, in which Prisma's `orderBy: { kind: "asc" }` gives them. */
const FUNDING_ORDER = new Map(Object.values(FundingKind).map((kind, index) => [kind, index]));

function fundingSourcesOf(projectId: number, column: string | null): ProjectFunding[] {
  if (column === null) return [];
  return column
    .split(",")
    .map((source) => {
      const [id, kind, amount] = source.split(":") as [string, FundingKind, string];
      return { id: Number(id), projectId, kind, amount: new Prisma.Decimal(amount), removedAt: null };
    })
    .sort((a, b) => FUNDING_ORDER.get(a.kind)! - FUNDING_ORDER.get(b.kind)!);
}

/** A card read with something of the statement's own beside it (the page it belongs to). */
export type CardRow<Extra> = { card: Project & CardRelations; extra: Extra };

/**
 * The cards of the projects that `from` names `p` (the table, or a subquery giving every column of
 * the project), `tail` (WHERE, ORDER BY) after the joins, with `extra` (expressions of the statement's
 * own, by name) beside each card and, `withLights`, their traffic lights now (lights.ts keeps each
 * with its row).
 */
export async function cardRowsFrom<Extra extends Record<string, unknown>>(
  sql: SqlRunner,
  from: Prisma.Sql,
  tail: Prisma.Sql,
  extra: { [Name in keyof Extra]: Prisma.Sql },
  withLights: boolean,
): Promise<CardRow<Extra>[]> {
  const lights = withLights ? lightsNow() : null;
  const extraNames = Object.keys(extra) as (keyof Extra & string)[];
  const rows = await sql.rows<Record<string, unknown>>(Prisma.sql`
    SELECT ${columnsOf("Project", "p")}, ${columnsOf("Unit", "ru", "responsibleUnit.")}, ${columnsOf("Unit", "tw", "township.")},
           ${countColumns("_count.")}, ${fundingColumn("fundingSources")}
           ${lights ? Prisma.sql`, ${lightFactsColumns(lights, "light.")}` : Prisma.empty}
           ${extraNames.length === 0 ? Prisma.empty : Prisma.join(extraNames.map((name) => Prisma.sql`, ${extra[name]} AS ${Prisma.raw(`"extra.${name}"`)}`), "")}
      FROM ${from}
      JOIN unit ru ON ru.id = p.responsible_unit_id
      LEFT JOIN unit tw ON tw.id = p.township_id
     ${tail}`);
  const projectOf = fieldsOf("Project");
  const responsibleUnitOf = fieldsOf("Unit", "responsibleUnit.");
  const townshipOf = fieldsOf("Unit", "township.");
  const extraOf = (row: Record<string, unknown>) => Object.fromEntries(extraNames.map((name) => [name, row[`extra.${name}`]])) as Extra;
  return rows.map((row) => {
    const card = projectOf(row) as unknown as Project & CardRelations;
    card.responsibleUnit = responsibleUnitOf(row) as unknown as Unit;
    card.township = townshipOf(row) as unknown as Unit | null;
    card.fundingSources = fundingSourcesOf(card.id, row.fundingSources as string | null);
    card._count = { milestones: row["_count.milestones"] as number, blockers: row["_count.blockers"] as number };
    if (lights) keepLightWithRow(card, lightOfRow(row, lights.asOf, "light."));
    return { card, extra: extraOf(row) };
  });
}

/** The projects of `ids` with their cards' relations and, `withLights`, their traffic lights now, in no particular order. */
export async function cardRows(sql: SqlRunner, ids: number[], withLights: boolean): Promise<(Project & CardRelations)[]> {
  if (ids.length === 0) return [];
  const rows = await cardRowsFrom(sql, Prisma.sql`project p`, Prisma.sql`WHERE p.id = ANY(${ids}::int[])`, {}, withLights);
  return rows.map((row) => row.card);
}

/** Whether a Prisma selection of projects asks for none of their relations: their rows are enough. */
export function isPlainSelection(selection: Pick<Prisma.ProjectFindManyArgs, "select" | "include">): boolean {
  return !selection.select && Object.values(selection.include ?? {}).every((value) => value === undefined || value === false);
}

/**
 * The projects of `ids` with a Prisma selection (what a GraphQL query asks of them), in no particular
 * order. When it asks for none of the project's other relations: by hand-written SQL, as `cards`
 * (cardRows: what a board or a list shows) or as the projects alone; otherwise by Prisma.
 */
export function projectsByIds(
  db: Database,
  ids: number[],
  selection: Pick<Prisma.ProjectFindManyArgs, "select" | "include">,
  cards: { withLights: boolean } | null = null,
): Promise<Project[]> {
  if (!isPlainSelection(selection)) return db.prisma.project.findMany({ ...selection, where: { id: { in: ids } } });
  if (cards) return cardRows(db.sql, ids, cards.withLights);
  return ids.length === 0 ? Promise.resolve([]) : db.sql.rows<Project>(Prisma.sql`SELECT ${columnsOf("Project", "p")} FROM project p WHERE p.id = ANY(${ids}::int[])`);
}

// ---------------------------------------------------------------------------------------------
// The cards' relations of projects read another way, batched per request

interface CardLoaders {
  fundingSources: DataLoader<number, ProjectFunding[]>;
  counts: DataLoader<number, { milestones: number; blockers: number }>;
}

const loaders = new WeakMap<Context, CardLoaders>();

function loadersOf(context: Context): CardLoaders {
  let found = loaders.get(context);
  if (!found) {
    const { sql } = context.db;
    found = {
      fundingSources: new DataLoader(async (ids) => {
        const rows = await sql.rows<{ id: number; fundingSources: string | null }>(Prisma.sql`
          SELECT p.id, ${fundingColumn("fundingSources")} FROM project p WHERE p.id = ANY(${[...ids]}::int[])`);
        const byId = new Map(rows.map((row) => [row.id, fundingSourcesOf(row.id, row.fundingSources)]));
        return ids.map((id) => byId.get(id) ?? []);
      }),
      counts: new DataLoader(async (ids) => {
        const rows = await sql.rows<{ id: number; milestones: number; blockers: number }>(Prisma.sql`
          SELECT p.id, ${countColumns("")} FROM project p WHERE p.id = ANY(${[...ids]}::int[])`);
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id) ?? { milestones: 0, blockers: 0 });
      }),
    };
    loaders.set(context, found);
  }
  return found;
}

/** The relations a card shows, from the row when it was read with them, else batched per request. */
export const cardRelations = {
  responsibleUnit: (context: Context, project: Project & CardRelations): Unit | Promise<Unit> =>
    project.responsibleUnit ?? unitById(context, project.responsibleUnitId),
  township: (context: Context, project: Project & CardRelations): Unit | null | Promise<Unit> =>
    project.township !== undefined ? project.township : project.townshipId === null ? null : unitById(context, project.townshipId),
  fundingSources: (context: Context, project: Project & CardRelations): ProjectFunding[] | Promise<ProjectFunding[]> =>
    project.fundingSources ?? loadersOf(context).fundingSources.load(project.id),
  /** The overdue milestones' or open blockers' badge. */
  count: (context: Context, project: Project & CardRelations, badge: "milestones" | "blockers"): number | Promise<number> =>
    project._count ? project._count[badge] : loadersOf(context).counts.load(project.id).then((counts) => counts[badge]),
};
