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

/** A gate requirement with the project's facts for it, as gateItemsSql reads them. */
export interface GateItemRow extends Omit<GateItemStatus, "done"> {
  position: number;
  done: boolean | null;
}

/**
 * The gate's requirements for the project `projectId` leaving the stage `fromStage` (a SQL value, so
 * that a statement that reads the project can read its gate too: moves), with each one's facts.
 */
export function gateItemsSql(projectId: number, fromStage: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT r.id AS "requirementId", r.key, r.label, r."check"::text AS "check", r.position, i.reference,
           CASE r."check"
             WHEN 'MANUAL' THEN coalesce(i.done, false)
             WHEN 'FUNDING_SOURCE' THEN EXISTS (SELECT 1 FROM project_funding f WHERE f.project_id = ${projectId} AND f.removed_at IS NULL)
             WHEN 'PROGRESS_REPORT' THEN EXISTS (SELECT 1 FROM progress_report pr WHERE pr.project_id = ${projectId})
           END AS done
      FROM gate_requirement r
      LEFT JOIN project_gate_item i ON i.requirement_id = r.id AND i.project_id = ${projectId}
     WHERE r.from_stage = ${fromStage} AND r.active`;
}

/** The gate's items and whether each is done, in one statement. */
export async function gateStatus(tx: AnyTx, project: GateProject, fromStage: Stage): Promise<GateItemStatus[]> {
  return gateStatuses(await rowsIn<GateItemRow>(tx, gateItemsSql(project.id, Prisma.sql`${fromStage}::"Stage"`)), project);
}

/** The items of gateItemsSql's rows, in the office's order; acceptance is read from the project itself. */
export function gateStatuses(rows: GateItemRow[], project: GateProject): GateItemStatus[] {
  const accepted = project.acceptanceDate !== null && Boolean(project.acceptanceRef?.trim());
  return [...rows]
    .sort((a, b) => a.position - b.position || a.requirementId - b.requirementId)
    .map((r) => ({
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
