// Reading a board: which projects stand in which column, now or at a past instant. A board costs a
// fixed number of statements whatever its size: one for the column counts and sums, one for the
// pages of every column asked for together (keyset pagination by code), then the cards of all
// columns at once with their units, badges, funding sources and traffic lights (by hand-written SQL
// unless they ask for the project's other relations: card-rows.ts).
import DataLoader from "dataloader";
import { Prisma, type Action, type Project, type Stage } from "@prisma/client";
import type { Database } from "../../db/client.js";
import { projectWhereSql, type ProjectFilter } from "../project/filter.js";
import { projectsByIds } from "./card-rows.js";

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
  /** The ids of one page of a column, by code; the pages asked for in one tick share a statement. */
  page(stage: Stage, request: PageRequest): Promise<number[]>;
  /**
   * The cards of `ids` with a Prisma selection (what the GraphQL query asks of them), in the order
   * of `ids`; the columns asking in one tick with the same selection share a statement.
   */
  cards(ids: number[], selection: CardSelection): Promise<Project[]>;
}

export type CardSelection = Pick<Prisma.ProjectFindManyArgs, "select" | "include">;

function memo<T>(load: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= load());
}

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
}

export function boardReader(db: Database, action: Action, filter: ProjectFilter, at: Date | null): BoardReader {
  const where = Prisma.sql`p.action_id = ${action.id} AND ${projectWhereSql({ ...filter, actionCode: undefined }, at ?? undefined)}`;
  const stage = stageOf(at);

  const summary = memo(async () => {
    const rows = await db.sql.rows<{ stage: Stage; count: number; investment: string }>(Prisma.sql`
      SELECT c.stage::text AS stage, count(*)::int AS count, coalesce(sum(c.total_investment), 0)::text AS investment
        FROM (SELECT ${stage} AS stage, p.total_investment FROM project p WHERE ${where}) c
       WHERE c.stage IS NOT NULL
       GROUP BY c.stage`);
    return new Map(rows.map((r) => [r.stage, { count: r.count, investment: new Prisma.Decimal(r.investment) }]));
  });

  // One statement per direction for all the pages asked for together: a lateral keyset scan per
  // page over the (action_id, stage, code) index.
  const pages = new DataLoader<PageKey, number[], string>(
    async (keys) => {
      // In the database's collation, as the cursors compare: the page's rows in ascending code order.
      const found = new Map<number, number[]>();
      for (const backward of [false, true]) {
        const batch = keys.map((key, index) => ({ ...key, index })).filter((key) => key.request.take < 0 === backward);
        if (batch.length === 0) continue;
        const order = backward ? Prisma.sql`DESC` : Prisma.sql`ASC`;
        const beyond = backward
          ? Prisma.sql`(r.cursor IS NULL OR p.code < r.cursor)`
          : Prisma.sql`p.code > coalesce(r.cursor, '')`;
        const rows = await db.sql.rows<{ index: number; id: number }>(Prisma.sql`
          SELECT r.index::int AS index, page.id
            FROM unnest(${batch.map((k) => k.index)}::int[], ${batch.map((k) => k.stage)}::text[],
                        ${batch.map((k) => k.request.cursor)}::text[], ${batch.map((k) => Math.abs(k.request.take))}::int[])
                   AS r(index, stage, cursor, size)
           CROSS JOIN LATERAL (
             SELECT p.id, p.code FROM project p
              WHERE ${where} AND ${stage} = r.stage::"Stage" AND ${beyond}
              ORDER BY p.code ${order} LIMIT r.size) page
           ORDER BY r.index, page.code`);
        for (const row of rows) {
          const page = found.get(row.index);
          if (page) page.push(row.id);
          else found.set(row.index, [row.id]);
        }
      }
      return keys.map((_key, index) => found.get(index) ?? []);
    },
    { cacheKeyFn: (key) => `${key.stage}|${key.request.take}|${key.request.cursor ?? ""}` },
  );

  const cardLoaders = new Map<string, DataLoader<number, Project | null>>();
  const cards = (ids: number[], selection: CardSelection) => {
    const key = JSON.stringify(selection);
    let loader = cardLoaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (wanted) => {
        // With their lights now, which every board shows: no statement of their own.
        const rows = await projectsByIds(db, [...wanted], selection, { lightsAsOf: new Date() });
        const byId = new Map(rows.map((row) => [row.id, row]));
        return wanted.map((id) => byId.get(id) ?? null);
      });
      cardLoaders.set(key, loader);
    }
    // A project archived between the page and its card is left out, not shown empty.
    return Promise.all(ids.map((id) => loader.load(id))).then((rows) => rows.filter((row): row is Project => row !== null));
  };

  return { action, at, summary, page: (stage, request) => pages.load({ stage, request }), cards };
}
