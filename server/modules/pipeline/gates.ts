// Stage gates: the checklist a project must complete to leave its stage. The requirements are data
// (gate_requirement, adjusted by the office); MANUAL items are ticked on the project, the others are
// read from the project's records.
import { Prisma, type GateCheck, type Project, type Stage } from "@prisma/client";
import { rowsIn, type AnyTx } from "../../db/transaction.js";

export interface GateItemStatus {
  requirementId: number;
  key: string;
  label: string;
  check: GateCheck;
  done: boolean;
  reference: string | null;
}

type GateProject = Pick<Project, "id" | "acceptanceDate" | "acceptanceRef">;

/**
 * The gate's items and whether each is done, in one statement: moves check the gate inside their
 * transaction, with the project's row locked, so every round trip here lengthens that lock.
 */
export async function gateStatus(tx: AnyTx, project: GateProject, fromStage: Stage): Promise<GateItemStatus[]> {
  const rows = await rowsIn<Omit<GateItemStatus, "done"> & { done: boolean | null }>(tx, Prisma.sql`
    SELECT r.id AS "requirementId", r.key, r.label, r."check"::text AS "check", i.reference,
           CASE r."check"
             WHEN 'MANUAL' THEN coalesce(i.done, false)
             WHEN 'FUNDING_SOURCE' THEN EXISTS (SELECT 1 FROM project_funding f WHERE f.project_id = ${project.id} AND f.removed_at IS NULL)
             WHEN 'PROGRESS_REPORT' THEN EXISTS (SELECT 1 FROM progress_report pr WHERE pr.project_id = ${project.id})
           END AS done
      FROM gate_requirement r
      LEFT JOIN project_gate_item i ON i.requirement_id = r.id AND i.project_id = ${project.id}
     WHERE r.from_stage = ${fromStage}::"Stage" AND r.active
     ORDER BY r.position, r.id`);
  // Acceptance is on the project itself.
  const accepted = project.acceptanceDate !== null && Boolean(project.acceptanceRef?.trim());
  return rows.map((r) => ({
    requirementId: r.requirementId,
    key: r.key,
    label: r.label,
    check: r.check,
    done: r.check === "ACCEPTANCE" ? accepted : r.done === true,
    reference: r.reference,
  }));
}

export function missingItems(statuses: GateItemStatus[]): string[] {
  return statuses.filter((s) => !s.done).map((s) => s.label);
}
