// Reading a board: which projects stand in which column, now or at a past instant. A board costs a
// fixed number of statements whatever its size: one for the pages of every column asked for together
// (keyset pagination by code) with their cards: units, badges, funding sources and traffic lights
// (card-rows.ts), unless the query asks for the project's other relations (then the page's ids, and
// the cards by Prisma). The column counts and sums asked for in the same tick ride along in that
// statement (in one of their own otherwise); for every project now they are summed from the changes
// a trigger keeps (see the migration board_column_sums), else counted from the projects.
import DataLoader from "dataloader";
import { Prisma, type Action, type Project, type Stage } from "@prisma/client";
import type { Database } from "../../db/client.js";
import { isUnfiltered, projectWhereSql, type ProjectFilter } from "../project/filter.js";
import { cardRowsFrom, isPlainSelection, projectsByIds } from "./card-rows.js";

export interface ColumnSummary {
  count: number;
  investment: Prisma.Decimal;
}

/** A page as Pothos asks for it: `take` rows after `cursor` (a code), or before it when negative. */
export interface PageRequest {
  take: number;
  cursor: string | null;
}

export interface BoardReader {
  action: Action;
  at: Date | null;
  /** Counts and investment sums per column, read once per board. */
  summary(): Promise<Map<Stage, ColumnSummary>>;
  /**
   * One page of a column, by code: its projects with a Prisma selection (what the GraphQL query asks
   * of them). The pages asked for in one tick with the same selection share a statement.
   */
  page(stage: Stage, request: PageRequest, selection: CardSelection): Promise<Project[]>;
}

export type CardSelection = Pick<Prisma.ProjectFindManyArgs, "select" | "include">;

/**
 * A project's column: its stage now, or at `at` the target of its last transition at or before it
 * (null when it had none yet: it did not exist then, and stands in no column).
 */
function stageOf(at: Date | null): Prisma.Sql {
  if (!at) return Prisma.sql`p.stage`;
  return Prisma.sql`(SELECT t.to_stage FROM stage_transition t
                      WHERE t.project_id = p.id AND t.at <= ${at.toISOString()}::timestamp
                      ORDER BY t.at DESC, t.id DESC LIMIT 1)`;
}

interface PageKey {
  stage: Stage;
  request: PageRequest;
  selection: CardSelection;
}

/** The sums asked for with the pages of the same tick: they ride along the pages' statement. */
const SUMS = "sums" as const;
type BoardRead = PageKey | typeof SUMS;

export function boardReader(db: Database, action: Action, filter: ProjectFilter, at: Date | null): BoardReader {
  const where = Prisma.sql`p.action_id = ${action.id} AND ${projectWhereSql({ ...filter, actionCode: undefined }, at ?? undefined)}`;
  const stage = stageOf(at);

  /** Each column's count and investment sum, as rows (stage, count, investment). */
  const sumsSql =
    at === null && isUnfiltered(filter)
      ? // The columns as they stand, every project: summed from the changes the database keeps
        // (board_column_delta, a few dozen rows an action) rather than from the action's projects.
        Prisma.sql`
        SELECT d.stage::text AS stage, sum(d.count)::int AS count, sum(d.investment)::text AS investment
          FROM board_column_delta d WHERE d.action_id = ${action.id}
         GROUP BY d.stage`
      : Prisma.sql`
        SELECT c.stage::text AS stage, count(*)::int AS count, coalesce(sum(c.total_investment), 0)::text AS investment
          FROM (SELECT ${stage} AS stage, p.total_investment FROM project p WHERE ${where}) c
         WHERE c.stage IS NOT NULL
         GROUP BY c.stage`;

  /** The sums as one text column (`stage:count:investment`, comma separated) beside a statement's rows. */
  const sumsColumn = Prisma.sql`(SELECT string_agg(s.stage || ':' || s.count || ':' || s.investment, ',') FROM (${sumsSql}) s)`;

  const summaryOf = (rows: { stage: string; count: number | string; investment: string }[]): Map<Stage, ColumnSummary> =>
    new Map(rows.map((r) => [r.stage as Stage, { count: Number(r.count), investment: new Prisma.Decimal(r.investment) }]));

  const sumsFromColumn = (column: string | null): Map<Stage, ColumnSummary> =>
    summaryOf((column ?? "").split(",").filter(Boolean).map((part) => {
      const [stage, count, investment] = part.split(":") as [string, string, string];
      return { stage, count, investment };
    }));

  /**
   * The projects of the pages of `batch` (all in one direction), as `p` with every column, beside
   * `r.index` (the page's place in the batch): a lateral keyset scan per page over the
   * (action_id, stage, code) index, in the database's collation, as the cursors compare.
   */
  const pagesFrom = (batch: (PageKey & { index: number })[], backward: boolean) => Prisma.sql`
    unnest(${batch.map((k) => k.index)}::int[], ${batch.map((k) => k.stage)}::text[],
           ${batch.map((k) => k.request.cursor)}::text[], ${batch.map((k) => Math.abs(k.request.take))}::int[])
      AS r(index, stage, cursor, size)
    CROSS JOIN LATERAL (
      SELECT p.* FROM project p
       WHERE ${where} AND ${stage} = r.stage::"Stage"
         AND ${backward ? Prisma.sql`(r.cursor IS NULL OR p.code < r.cursor)` : Prisma.sql`p.code > coalesce(r.cursor, '')`}
       ORDER BY p.code ${backward ? Prisma.sql`DESC` : Prisma.sql`ASC`} LIMIT r.size) p`;

  /**
   * The pages of `batch` (one direction, one selection), each in ascending code order, and with
   * `withSums` the column sums, read beside them (undefined when the pages had no row to carry them).
   */
  const readPages = async (batch: (PageKey & { index: number })[], withSums: boolean) => {
    const backward = batch[0]!.request.take < 0;
    const selection = batch[0]!.selection;
    const found = new Map<number, Project[]>();
    const add = (index: number, project: Project) => {
      const page = found.get(index);
      if (page) page.push(project);
      else found.set(index, [project]);
    };
    // The first row carries the sums when they were asked for (every row has them).
    let carrier: { sums?: string | null } | undefined;
    if (isPlainSelection(selection)) {
      // The cards with their lights now, which every board shows: no statement of their own.
      const extra = { index: Prisma.sql`r.index`, ...(withSums ? { sums: sumsColumn } : {}) };
      const rows = await cardRowsFrom<{ index: number; sums?: string | null }>(db.sql, pagesFrom(batch, backward), Prisma.sql`ORDER BY r.index, p.code`, extra, true);
      for (const { card, extra } of rows) add(extra.index, card);
      carrier = rows[0]?.extra;
    } else {
      const ids = await db.sql.rows<{ index: number; id: number; sums?: string | null }>(Prisma.sql`
        SELECT r.index, p.id ${withSums ? Prisma.sql`, ${sumsColumn} AS sums` : Prisma.empty}
          FROM ${pagesFrom(batch, backward)} ORDER BY r.index, p.code`);
      const projects = await projectsByIds(db, [...new Set(ids.map((row) => row.id))], selection);
      const byId = new Map(projects.map((project) => [project.id, project]));
      for (const { index, id } of ids) {
        // A project archived between the page and its card is left out, not shown empty.
        const project = byId.get(id);
        if (project) add(index, project);
      }
      carrier = ids[0];
    }
    return { found, sums: withSums && carrier ? sumsFromColumn(carrier.sums ?? null) : undefined };
  };

  const reads = new DataLoader<BoardRead, Project[] | Map<Stage, ColumnSummary>, string>(
    async (keys) => {
      // One statement per direction and selection (one, for a board as the web client reads it),
      // the first also reading the sums when they are asked for in the same tick.
      const groups = new Map<string, (PageKey & { index: number })[]>();
      keys.forEach((key, index) => {
        if (key === SUMS) return;
        const group = `${key.request.take < 0}|${JSON.stringify(key.selection)}`;
        const batch = groups.get(group);
        if (batch) batch.push({ ...key, index });
        else groups.set(group, [{ ...key, index }]);
      });
      let sums: Map<Stage, ColumnSummary> | undefined;
      let sumsWanted = keys.includes(SUMS);
      const found = new Map<number, Project[]>();
      for (const batch of groups.values()) {
        const read = await readPages(batch, sumsWanted);
        for (const [index, page] of read.found) found.set(index, page);
        if (read.sums) {
          sums = read.sums;
          sumsWanted = false;
        }
      }
      // Asked for alone, or the pages had no row to carry them.
      if (sumsWanted) sums = summaryOf(await db.sql.rows<{ stage: string; count: number; investment: string }>(sumsSql));
      return keys.map((key, index) => (key === SUMS ? sums! : (found.get(index) ?? [])));
    },
    {
      cacheKeyFn: (key) =>
        key === SUMS ? SUMS : `${key.stage}|${key.request.take}|${key.request.cursor ?? ""}|${JSON.stringify(key.selection)}`,
    },
  );

  return {
    action,
    at,
    summary: () => reads.load(SUMS) as Promise<Map<Stage, ColumnSummary>>,
    page: (stage, request, selection) => reads.load({ stage, request, selection }) as Promise<Project[]>,
  };
}
