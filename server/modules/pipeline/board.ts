// Reading a board: which projects stand in which column, now or at a past instant. Each board costs
// a fixed number of statements: one for the column counts and sums, one per column page, and for a
// past instant one more to find every project's stage then.
import type { Action, Prisma, PrismaClient, Stage } from "@prisma/client";
import { Prisma as PrismaNamespace } from "@prisma/client";
import { projectWhere, type ProjectFilter } from "../project/filter.js";

export interface ColumnSummary {
  count: number;
  investment: Prisma.Decimal;
}

export interface BoardReader {
  action: Action;
  at: Date | null;
  /** The Prisma filter for one column's projects. */
  columnWhere(stage: Stage): Promise<Prisma.ProjectWhereInput>;
  /** Counts and investment sums per column, read once per board. */
  summary(): Promise<Map<Stage, ColumnSummary>>;
}

function memo<T>(load: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= load());
}

export function boardReader(prisma: PrismaClient, action: Action, filter: ProjectFilter, at: Date | null): BoardReader {
  const where: Prisma.ProjectWhereInput = { ...projectWhere({ ...filter, actionCode: undefined }, at ?? undefined), actionId: action.id };
  if (!at) {
    return {
      action,
      at,
      columnWhere: async (stage) => ({ ...where, stage }),
      summary: memo(async () => {
        const groups = await prisma.project.groupBy({
          by: ["stage"],
          where,
          _count: { _all: true },
          _sum: { totalInvestment: true },
        });
        return new Map(
          groups.map((g) => [g.stage, { count: g._count._all, investment: g._sum.totalInvestment ?? new PrismaNamespace.Decimal(0) }]),
        );
      }),
    };
  }

  // Each project's stage at `at` is the target of its last transition at or before it; a project
  // with no transition by then did not exist yet.
  const stagesThen = memo(async () => {
    const rows = await prisma.$queryRaw<{ id: number; stage: Stage }[]>`
      SELECT DISTINCT ON (t.project_id) t.project_id AS id, t.to_stage::text AS stage
        FROM stage_transition t JOIN project p ON p.id = t.project_id
       WHERE p.action_id = ${action.id} AND t.at <= ${at.toISOString()}::timestamp
       ORDER BY t.project_id, t.at DESC, t.id DESC`;
    const byStage = new Map<Stage, number[]>();
    for (const row of rows) byStage.set(row.stage, [...(byStage.get(row.stage) ?? []), row.id]);
    return byStage;
  });
  return {
    action,
    at,
    columnWhere: async (stage) => ({ ...where, id: { in: (await stagesThen()).get(stage) ?? [] } }),
    summary: memo(async () => {
      const byStage = await stagesThen();
      const stageOf = new Map<number, Stage>();
      for (const [stage, ids] of byStage) for (const id of ids) stageOf.set(id, stage);
      const rows = await prisma.project.findMany({
        where: { ...where, id: { in: [...stageOf.keys()] } },
        select: { id: true, totalInvestment: true },
      });
      const summary = new Map<Stage, ColumnSummary>();
      for (const row of rows) {
        const stage = stageOf.get(row.id)!;
        const current = summary.get(stage) ?? { count: 0, investment: new PrismaNamespace.Decimal(0) };
        summary.set(stage, { count: current.count + 1, investment: current.investment.add(row.totalInvestment) });
      }
      return summary;
    }),
  };
}
