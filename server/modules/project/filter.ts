// The project filter shared by the board and the project list: plain rules, no GraphQL.
import type { Prisma, Stage } from "@prisma/client";

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
    where.OR = [
      { name: { contains: search, mode: "insensitive" } },
      { code: { contains: search, mode: "insensitive" } },
    ];
  }
  return where;
}

/** Whole days since `since`, as shown on cards (在本阶段 N 天). */
export function daysSince(since: Date, now = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - since.getTime()) / 86_400_000));
}
