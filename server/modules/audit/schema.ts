// The audit trail as auditors read it.
import { builder } from "../../builder.js";
import { AUDIT_READERS } from "../auth/policy.js";
import { UserNode } from "../auth/schema.js";
import { badInput, databaseId } from "../common/input.js";
import { ProjectNode } from "../project/schema.js";
import { auditWhere, type AuditFilter } from "./query.js";
import { verifyAuditChain, type ChainStatus } from "./service.js";

const AuditEventNode = builder.prismaNode("AuditEvent", {
  id: { field: "seq" },
  description: "One recorded change; events form a hash chain in `seq` order.",
  fields: (t) => ({
    seq: t.exposeInt("seq"),
    at: t.expose("at", { type: "DateTime" }),
    actor: t.relation("actor", { nullable: true }),
    entity: t.exposeString("entity"),
    entityId: t.exposeString("entityId"),
    action: t.exposeString("action"),
    before: t.string({ nullable: true, description: "JSON", resolve: (e) => (e.before === null ? null : JSON.stringify(e.before)) }),
    after: t.string({ nullable: true, description: "JSON", resolve: (e) => (e.after === null ? null : JSON.stringify(e.after)) }),
    requestId: t.exposeString("requestId", { nullable: true }),
    hash: t.exposeString("hash"),
    prevHash: t.exposeString("prevHash"),
  }),
});

const AuditChainStatus = builder.objectRef<ChainStatus>("AuditChainStatus").implement({
  fields: (t) => ({
    valid: t.exposeBoolean("valid"),
    length: t.exposeInt("length", { description: "Events that verified, from the first" }),
    headHash: t.exposeString("headHash", { description: "Hash of the last verified event" }),
    firstBadSeq: t.exposeInt("firstBadSeq", { nullable: true, description: "The first event that does not verify" }),
    problem: t.exposeString("problem", { nullable: true }),
  }),
});

const AuditEventConnection = builder.connectionObject(
  { type: AuditEventNode, name: "AuditEventConnection" },
  { name: "AuditEventEdge" },
);

export const AuditEventFilterInput = builder.inputType("AuditEventFilter", {
  fields: (t) => ({
    entity: t.string({ description: "Project, Milestone, Blocker, ProgressReport, ProjectGateItem, GateRequirement, …" }),
    projectId: t.globalID({ for: ProjectNode }),
    actorId: t.globalID({ for: UserNode }),
    action: t.string({ description: "project.move, project.update, milestone.complete, …" }),
    from: t.field({ type: "DateTime", description: "At or after" }),
    to: t.field({ type: "DateTime", description: "Before" }),
  }),
});

export function toAuditFilter(input: typeof AuditEventFilterInput.$inferInput | null | undefined): AuditFilter {
  if (!input) return {};
  for (const key of ["entity", "action"] as const) {
    if ((input[key]?.length ?? 0) > 100) throw badInput(`${key} is too long`);
  }
  return {
    entity: input.entity ?? undefined,
    action: input.action ?? undefined,
    projectId: input.projectId ? databaseId(input.projectId) : undefined,
    actorId: input.actorId ? databaseId(input.actorId) : undefined,
    from: input.from ?? undefined,
    to: input.to ?? undefined,
  };
}

builder.prismaObjectField("Project", "timeline", (t) =>
  t.prismaConnection(
    {
      type: "AuditEvent",
      cursor: "seq",
      description: "Every recorded change of the project (moves, edits, milestones, blockers, reports), oldest first.",
      resolve: (query, project, _args, { prisma }) =>
        prisma.auditEvent.findMany({ ...query, where: { projectId: project.id }, orderBy: { seq: "asc" } }),
      totalCount: (project, _args, { prisma }) => prisma.auditEvent.count({ where: { projectId: project.id } }),
    },
    AuditEventConnection,
  ),
);

builder.queryFields((t) => ({
  auditEvents: t.prismaConnection(
    {
      type: "AuditEvent",
      cursor: "seq",
      description: "The audit trail, oldest first, filtered (auditors, the leading group, the office, ADMIN).",
      authScopes: { role: AUDIT_READERS },
      args: { filter: t.arg({ type: AuditEventFilterInput }) },
      resolve: (query, _root, args, { prisma }) =>
        prisma.auditEvent.findMany({ ...query, where: auditWhere(toAuditFilter(args.filter)), orderBy: { seq: "asc" } }),
      totalCount: (_root, args, { prisma }) => prisma.auditEvent.count({ where: auditWhere(toAuditFilter(args.filter)) }),
    },
    AuditEventConnection,
  ),
  auditChain: t.field({
    type: AuditChainStatus,
    description: "Recomputes the hash chain and reports the first break.",
    authScopes: { role: AUDIT_READERS },
    resolve: (_root, _args, { prisma }) => verifyAuditChain(prisma),
  }),
}));
