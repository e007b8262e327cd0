// The audit trail as auditors read it.
import { builder } from "../../builder.js";
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

builder.queryFields((t) => ({
  auditEvents: t.prismaConnection(
    {
      type: "AuditEvent",
      cursor: "seq",
      description: "The audit trail, oldest first.",
      resolve: (query, _root, _args, { prisma }) => prisma.auditEvent.findMany({ ...query, orderBy: { seq: "asc" } }),
      totalCount: (_root, _args, { prisma }) => prisma.auditEvent.count(),
    },
    AuditEventConnection,
  ),
  auditChain: t.field({
    type: AuditChainStatus,
    description: "Recomputes the hash chain and reports the first break.",
    resolve: (_root, _args, { prisma }) => verifyAuditChain(prisma),
  }),
}));
