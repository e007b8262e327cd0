// Which audit events a query asks for: shared by the API and the CSV/XLSX export.
import type { Prisma } from "@prisma/client";

export interface AuditFilter {
  entity?: string;
  projectId?: number;
  actorId?: number;
  action?: string;
  from?: Date;
  to?: Date;
}

export function auditWhere(filter: AuditFilter): Prisma.AuditEventWhereInput {
  const where: Prisma.AuditEventWhereInput = {};
  if (filter.entity) where.entity = filter.entity;
  if (filter.projectId !== undefined) where.projectId = filter.projectId;
  if (filter.actorId !== undefined) where.actorId = filter.actorId;
  if (filter.action) where.action = filter.action;
  if (filter.from || filter.to) where.at = { ...(filter.from && { gte: filter.from }), ...(filter.to && { lt: filter.to }) };
  return where;
}
