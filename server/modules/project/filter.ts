// The project filter shared by the board and the project list: plain rules, no GraphQL. It renders
// two ways: as a Prisma where (the project list) and as SQL over `project p` (the board's
// hand-written statements); tests/filter.test.ts checks that both select the same projects.
import { Prisma, type Stage } from "@prisma/client";

export interface ProjectFilter {
  /** 1..5 */
  actionCode?: number;
  stage?: Stage;
  subTaskId?: number;
  responsibleUnitId?: number;
  townshipId?: number;
  /** Matches the name or the code, ignoring case. */
  search?: string;
}

/** `at`: as the records stood then, so projects archived since still count. */
export function projectWhere(filter: ProjectFilter, at?: Date): Prisma.ProjectWhereInput {
  const where: Prisma.ProjectWhereInput = at ? { AND: [{ OR: [{ archivedAt: null }, { archivedAt: { gt: at } }] }] } : { archivedAt: null };
  if (filter.actionCode !== undefined) where.action = { code: filter.actionCode };
  if (filter.stage !== undefined) where.stage = filter.stage;
  if (filter.subTaskId !== undefined) where.subTaskId = filter.subTaskId;
  if (filter.responsibleUnitId !== undefined) where.responsibleUnitId = filter.responsibleUnitId;
  if (filter.townshipId !== undefined) where.townshipId = filter.townshipId;
  const search = filter.search?.trim();
  if (search) {
    // Prisma passes `contains` to LIKE as it is: escaped, a % or _ typed by the user is literal.
    const literal = escapeLike(search);
    where.OR = [
      { name: { contains: literal, mode: "insensitive" } },
      { code: { contains: literal, mode: "insensitive" } },
    ];
  }
  return where;
}

/** Whether the filter keeps every project (of its action, if it names one). */
export function isUnfiltered(filter: ProjectFilter): boolean {
  const { actionCode: _action, search, ...others } = filter;
  return !search?.trim() && Object.values(others).every((value) => value === undefined);
}

/** The same filter as an SQL condition on `project p` (a past instant `at` as for projectWhere). */
export function projectWhereSql(filter: ProjectFilter, at?: Date): Prisma.Sql {
  const conditions = [at ? Prisma.sql`(p.archived_at IS NULL OR p.archived_at > ${at.toISOString()}::timestamp)` : Prisma.sql`p.archived_at IS NULL`];
  if (filter.actionCode !== undefined) conditions.push(Prisma.sql`p.action_id = (SELECT a.id FROM action a WHERE a.code = ${filter.actionCode})`);
  if (filter.stage !== undefined) conditions.push(Prisma.sql`p.stage = ${filter.stage}::"Stage"`);
  if (filter.subTaskId !== undefined) conditions.push(Prisma.sql`p.sub_task_id = ${filter.subTaskId}`);
  if (filter.responsibleUnitId !== undefined) conditions.push(Prisma.sql`p.responsible_unit_id = ${filter.responsibleUnitId}`);
  if (filter.townshipId !== undefined) conditions.push(Prisma.sql`p.township_id = ${filter.townshipId}`);
  const search = filter.search?.trim();
  if (search) {
    const pattern = `%${escapeLike(search)}%`;
    conditions.push(Prisma.sql`(p.name ILIKE ${pattern} OR p.code ILIKE ${pattern})`);
  }
  return Prisma.join(conditions, " AND ");
}

/** LIKE's wildcards and its escape character (PostgreSQL's default, backslash) taken literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Whole days since `since`, as shown on cards (在本阶段 N 天). */
export function daysSince(since: Date, now = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - since.getTime()) / 86_400_000));
}
