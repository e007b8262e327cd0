// Traffic lights (红黄绿灯): a rule over a project's facts as of an instant. The rule is a plain
// function; the facts of any number of projects are read in one SQL statement (with the office's
// thresholds), so a list costs one statement whatever its length, and a board's cards none: their
// facts come with them (card-rows.ts).
import { Prisma, type LightSetting, type Stage } from "@prisma/client";
import DataLoader from "dataloader";
import type { SqlRunner } from "../../db/client.js";
import { todayInChina, yearElapsedShare } from "../common/calendar.js";
import { reportMonthRange, sqlChinaDay, sqlInstant } from "./service.js";

export type LightColor = "GREEN" | "YELLOW" | "RED";

export type LightThresholds = Pick<LightSetting, "yellowPoints" | "redPoints" | "unstartedMonths" | "yellowSlipDays" | "redSlipDays">;

export const DEFAULT_LIGHT_THRESHOLDS: LightThresholds = { yellowPoints: 10, redPoints: 30, unstartedMonths: 3, yellowSlipDays: 0, redSlipDays: 90 };

/** What the rule looks at, as of `asOf`. */
export interface LightFacts {
  asOf: Date;
  /** The stage at asOf; null when the project was not registered yet. */
  stage: Stage | null;
  plannedStart: Date | null;
  /** This year's planned investment (万元); null when there is no annual plan. */
  plannedThisYear: number | null;
  /** Investment completed this year by asOf (万元). */
  completedThisYear: number;
  /** The most days any milestone is overdue at asOf; 0 when none is. */
  maxOverdueDays: number;
}

export interface Light {
  color: LightColor;
  reasons: string[];
  /** Points behind 序时进度 (negative: ahead); null without an annual plan. */
  lagPoints: number | null;
}

const RANK: Record<LightColor, number> = { GREEN: 0, YELLOW: 1, RED: 2 };

function addMonths(date: Date, months: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate()));
}

/**
 * The light: red when more than `redPoints` behind 序时进度, when unstarted `unstartedMonths` after the
 * planned start, or when a milestone is more than `redSlipDays` overdue; yellow from `yellowPoints`
 * behind or a milestone more than `yellowSlipDays` overdue; green otherwise (and once completed).
 */
export function trafficLight(facts: LightFacts, t: LightThresholds): Light {
  const lagPoints =
    facts.plannedThisYear && facts.plannedThisYear > 0
      ? Math.round((yearElapsedShare(facts.asOf).share - facts.completedThisYear / facts.plannedThisYear) * 1000) / 10
      : null;
  if (facts.stage === null || facts.stage === "COMPLETED") return { color: "GREEN", reasons: [], lagPoints };
  let color: LightColor = "GREEN";
  const reasons: string[] = [];
  const flag = (c: LightColor, reason: string) => {
    if (RANK[c] > RANK[color]) color = c;
    reasons.push(reason);
  };
  const today = todayInChina(facts.asOf);
  if ((facts.stage === "RESERVE" || facts.stage === "PREPARATION") && facts.plannedStart && addMonths(facts.plannedStart, t.unstartedMonths) < today) {
    flag("RED", `计划开工日期（${facts.plannedStart.toISOString().slice(0, 10)}）已过 ${t.unstartedMonths} 个月仍未开工`);
  }
  if (lagPoints !== null) {
    if (lagPoints > t.redPoints) flag("RED", `投资完成落后序时进度 ${lagPoints} 个百分点（超过 ${t.redPoints}）`);
    else if (lagPoints >= t.yellowPoints) flag("YELLOW", `投资完成落后序时进度 ${lagPoints} 个百分点`);
  }
  if (facts.maxOverdueDays > t.redSlipDays) flag("RED", `节点逾期 ${facts.maxOverdueDays} 天（超过 ${t.redSlipDays} 天）`);
  else if (facts.maxOverdueDays > t.yellowSlipDays) flag("YELLOW", `节点逾期 ${facts.maxOverdueDays} 天`);
  return { color, reasons, lagPoints };
}

/**
 * When a light's facts are read: at a past instant, or at the present (`now`), when a project's stage
 * is its stage column. A move writes the stage and its transition together, but the transition's
 * instant is taken as the move begins, and may fall a moment after a concurrent read's present; the
 * stage column is then the one the card shows beside the light. (It also spares a lookup per card.)
 */
export type LightInstant = { asOf: Date; present: boolean };

/** The present, one instant for a whole read. */
export function lightsNow(): LightInstant {
  return { asOf: new Date(), present: true };
}

/**
 * A light's facts as of an instant for the project aliased `p`, with the office's thresholds, as
 * columns named `${prefix}stage` and so on: lightsOf reads them for any projects, and the board with
 * its cards (card-rows.ts), so a card's light costs no statement of its own.
 */
export function lightFactsColumns({ asOf, present }: LightInstant, prefix = ""): Prisma.Sql {
  const range = reportMonthRange(asOf);
  const day = sqlChinaDay(asOf);
  const as = (name: string) => Prisma.raw(`"${prefix}${name}"`);
  const stage = present
    ? Prisma.sql`p.stage::text`
    : Prisma.sql`(SELECT t.to_stage::text FROM stage_transition t WHERE t.project_id = p.id AND t.at <= ${sqlInstant(asOf)}
                   ORDER BY t.at DESC, t.id DESC LIMIT 1)`;
  return Prisma.sql`
    ${stage} AS ${as("stage")},
    p.planned_start AS ${as("plannedStart")},
    (SELECT ap.planned_investment::text FROM project_annual_plan ap WHERE ap.project_id = p.id AND ap.year = ${range.year}) AS ${as("planned")},
    (SELECT coalesce(sum(r.investment_this_month), 0)::text FROM progress_report r
      WHERE r.project_id = p.id AND r.month >= ${range.from} AND r.month <= ${range.to} AND r.reported_at <= ${sqlInstant(asOf)}) AS ${as("completed")},
    (SELECT coalesce(max(${day} - m.planned_date), 0)::int FROM milestone m
      WHERE m.project_id = p.id AND m.planned_date < ${day} AND (m.actual_date IS NULL OR m.actual_date > ${day})) AS ${as("overdue")},
    (SELECT concat_ws(',', ls.yellow_points, ls.red_points, ls.unstarted_months, ls.yellow_slip_days, ls.red_slip_days)
       FROM light_setting ls WHERE ls.id = 1) AS ${as("thresholds")}`;
}

const FACT_NAMES = ["stage", "plannedStart", "planned", "completed", "overdue", "thresholds"] as const;
type FactName = (typeof FACT_NAMES)[number];

const columnNames = new Map<string, Record<FactName, string>>();

/**
 * The office's thresholds as lightFactsColumns reads them: one text column, the same on every row of
 * a statement (one column rather than five a card), parsed once while it stays the same.
 */
let lastThresholds: { text: string | null; thresholds: LightThresholds } = { text: null, thresholds: DEFAULT_LIGHT_THRESHOLDS };
function thresholdsOf(text: string | null): LightThresholds {
  if (text === null) return DEFAULT_LIGHT_THRESHOLDS;
  if (text !== lastThresholds.text) {
    const [yellowPoints, redPoints, unstartedMonths, yellowSlipDays, redSlipDays] = text.split(",").map(Number) as [number, number, number, number, number];
    lastThresholds = { text, thresholds: { yellowPoints, redPoints, unstartedMonths, yellowSlipDays, redSlipDays } };
  }
  return lastThresholds.thresholds;
}

/** The light of a row whose columns lightFactsColumns named with `prefix`. */
export function lightOfRow(row: Record<string, unknown>, asOf: Date, prefix = ""): Light {
  // The column names are built once per prefix: a board reads a hundred rows.
  let names = columnNames.get(prefix);
  if (!names) columnNames.set(prefix, (names = Object.fromEntries(FACT_NAMES.map((name) => [name, `${prefix}${name}`])) as Record<FactName, string>));
  const planned = row[names.planned] as string | null;
  const thresholds = thresholdsOf(row[names.thresholds] as string | null);
  return trafficLight(
    {
      asOf,
      stage: row[names.stage] as Stage | null,
      plannedStart: row[names.plannedStart] as Date | null,
      plannedThisYear: planned === null ? null : Number(planned),
      completedThisYear: Number(row[names.completed]),
      maxOverdueDays: row[names.overdue] as number,
    },
    thresholds,
  );
}

/** The lights of the given projects at an instant, in one statement. */
export async function lightsOf(sql: SqlRunner, projectIds: readonly number[], instant: LightInstant): Promise<Map<number, Light>> {
  if (projectIds.length === 0) return new Map();
  const rows = await sql.rows<Record<string, unknown> & { id: number }>(Prisma.sql`
    SELECT p.id, ${lightFactsColumns(instant)} FROM project p WHERE p.id = ANY(${[...projectIds]}::int[])`);
  return new Map(rows.map((row) => [row.id, lightOfRow(row, instant.asOf)]));
}

/**
 * Lights read with their projects, as of the instant they were read (the board's cards): the Project's
 * light field (now) takes one from here, without a statement of its own. Kept on the row under a
 * symbol of this module's (a WeakMap's entry cost a board ~1.5% of its CPU).
 */
const LIGHT_READ = Symbol("light read with the row");

export function keepLightWithRow(row: object, light: Light): void {
  (row as { [LIGHT_READ]?: Light })[LIGHT_READ] = light;
}

/** The light read with `row` (now), if it was read with one. */
export function lightReadWithRow(row: object): Light | undefined {
  return (row as { [LIGHT_READ]?: Light })[LIGHT_READ];
}

/**
 * One loader per request and instant: every light asked for in the same tick (a board's cards, a
 * list's rows) is read in one statement.
 */
const loaders = new WeakMap<object, Map<string, DataLoader<number, Light>>>();

/** `asOf` null: now, one instant for the whole request. */
export function lightLoader(requestKey: object, sql: SqlRunner, asOf: Date | null): DataLoader<number, Light> {
  const perRequest = loaders.get(requestKey) ?? new Map<string, DataLoader<number, Light>>();
  loaders.set(requestKey, perRequest);
  const key = asOf ? asOf.toISOString() : "now";
  let loader = perRequest.get(key);
  if (!loader) {
    const instant = asOf ? { asOf, present: false } : lightsNow();
    loader = new DataLoader<number, Light>(async (ids) => {
      const lights = await lightsOf(sql, ids, instant);
      return ids.map((id) => lights.get(id) ?? { color: "GREEN", reasons: [], lagPoints: null });
    });
    perRequest.set(key, loader);
  }
  return loader;
}
