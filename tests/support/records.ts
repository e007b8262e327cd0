// Checks of the official record after a load run, read from the database itself: every acknowledged
// change is there exactly once, refused ones left nothing behind, and no change is half-applied.
import { Prisma } from "@prisma/client";
import type { Database } from "../../server/db/client.js";
import { verifyAuditChain } from "../../server/modules/audit/service.js";
import type { LedgerEntry } from "./load.js";

export interface ProjectStart {
  id: number;
  version: number;
  transitions: number;
}

/** Each project's version and history length before the load, to count its changes from. */
export async function projectsAtStart(db: Database, ids: number[]): Promise<ProjectStart[]> {
  const projects = await db.prisma.project.findMany({
    where: { id: { in: ids } },
    select: { id: true, version: true, _count: { select: { transitions: true } } },
  });
  return projects.map((p) => ({ id: p.id, version: p.version, transitions: p._count.transitions }));
}

/**
 * What is wrong with the projects' records: each version must equal its starting version plus its
 * audited changes (numbered consecutively, none twice), its history must hold one transition per
 * audited move (with the stage the move recorded), its stage the last transition's, its completed
 * investment the sum of its monthly reports; and the audit chain must verify.
 */
export async function recordProblems(db: Database, start: ProjectStart[]): Promise<string[]> {
  const problems: string[] = [];
  for (const initial of start) {
    const project = await db.prisma.project.findUniqueOrThrow({
      where: { id: initial.id },
      include: {
        transitions: { orderBy: [{ at: "asc" }, { id: "asc" }] },
        progressReports: true,
      },
    });
    // Changes only: a fixture's registration event (tests/support/projects.ts) records the start.
    const events = await db.prisma.auditEvent.findMany({ where: { projectId: initial.id, action: { not: "project.seed" } }, orderBy: { seq: "asc" } });
    const versions = events.map((e) => (e.after as { version?: number } | null)?.version);
    const expectedVersions = Array.from({ length: events.length }, (_, i) => initial.version + i + 1);
    const label = `project ${initial.id}`;
    if (project.version !== initial.version + events.length) {
      problems.push(`${label}: version ${project.version}, but ${initial.version} + ${events.length} audited changes`);
    }
    if (JSON.stringify(versions) !== JSON.stringify(expectedVersions)) {
      problems.push(`${label}: audited versions ${versions.join(",")} are not ${initial.version + 1}..${initial.version + events.length}`);
    }
    const moves = events.filter((e) => e.action === "project.move");
    if (project.transitions.length !== initial.transitions + moves.length) {
      problems.push(`${label}: ${project.transitions.length} transitions, but ${initial.transitions} + ${moves.length} audited moves`);
    }
    for (const move of moves) {
      const after = move.after as { transitionId?: number; stage?: string };
      const transition = project.transitions.find((t) => t.id === after.transitionId);
      if (!transition || transition.toStage !== after.stage) problems.push(`${label}: audited move ${move.seq} has no matching transition`);
    }
    const last = project.transitions.at(-1);
    if (last?.toStage !== project.stage) problems.push(`${label}: stage ${project.stage}, but its last transition went to ${last?.toStage}`);
    const reported = project.progressReports.reduce((sum, r) => sum.add(r.investmentThisMonth), new Prisma.Decimal(0));
    if (!reported.equals(project.completedInvestment)) {
      problems.push(`${label}: completed investment ${project.completedInvestment}, but its reports sum to ${reported}`);
    }
  }
  const chain = await verifyAuditChain(db.prisma);
  if (!chain.valid) problems.push(`audit chain broken at ${chain.firstBadSeq}: ${chain.problem}`);
  return problems;
}

export interface LedgerCheck {
  /** Acknowledged changes not in the audit trail exactly once, or not made on the version they named. */
  lost: string[];
  /** Refused changes that left an audit event behind. */
  phantom: string[];
  /** Requests recorded more than once (answered or not). */
  duplicated: string[];
}

/** Matches every answer of a load run with the audit trail, by request id. */
export async function checkLedger(db: Database, ledger: LedgerEntry[]): Promise<LedgerCheck> {
  const events = await db.prisma.auditEvent.findMany({
    where: { requestId: { startsWith: "rel-" } },
    select: { requestId: true, projectId: true, after: true },
  });
  const recorded = new Map<string, { projectId: number | null; version?: number }[]>();
  for (const event of events) {
    const version = (event.after as { version?: number } | null)?.version;
    recorded.set(event.requestId!, [...(recorded.get(event.requestId!) ?? []), { projectId: event.projectId, version }]);
  }
  const check: LedgerCheck = { lost: [], phantom: [], duplicated: [] };
  for (const entry of ledger) {
    if (entry.operation === "read" || entry.operation === "request") continue;
    const changes = recorded.get(entry.requestId) ?? [];
    const [change] = changes;
    const describe = `${entry.requestId} ${entry.operation} on version ${entry.expectedVersion ?? "-"} ${entry.detail}: ${changes.length} audit events (version ${change?.version ?? "-"})`;
    // A change made on the version it named leads to the next one; any other means it overwrote a change it never saw.
    const onItsVersion = entry.expectedVersion === undefined || change?.version === entry.expectedVersion + 1;
    if (entry.outcome === "success" && (changes.length !== 1 || change?.projectId !== entry.projectId || !onItsVersion)) {
      check.lost.push(describe);
    }
    // (A change the database committed just as it went down may still be answered "unavailable": like
    // a request without an answer, it may or may not be recorded, but never twice.)
    if (entry.outcome === "refused" && changes.length !== 0) check.phantom.push(describe);
  }
  // Every request, answered or not, is recorded at most once.
  for (const [requestId, changes] of recorded) {
    if (changes.length > 1) check.duplicated.push(`${requestId}: ${changes.length} audit events`);
  }
  return check;
}

/** A summary of everything the API can change: equal before and after, nothing was written. */
export async function fingerprint(db: Database): Promise<Record<string, string>> {
  const [row] = await db.sql.query<Record<string, string>>(`
    SELECT
      (SELECT count(*) FROM project)::text AS projects,
      (SELECT coalesce(sum(version), 0) FROM project)::text AS versions,
      (SELECT max(updated_at) FROM project)::text AS last_update,
      (SELECT count(*) FROM stage_transition)::text AS transitions,
      (SELECT count(*) FROM audit_event)::text AS audit_events,
      (SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1) AS audit_head,
      (SELECT count(*) FROM blocker)::text AS blockers,
      (SELECT count(*) FROM progress_report)::text AS progress_reports,
      (SELECT count(*) FROM milestone)::text AS milestones,
      (SELECT count(*) FROM project_funding)::text AS funding_sources,
      (SELECT count(*) FROM project_gate_item)::text AS gate_items,
      (SELECT count(*) FROM gate_requirement)::text AS gate_requirements,
      (SELECT count(*) FROM app_user)::text AS users`);
  return row!;
}
