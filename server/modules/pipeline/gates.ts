// Stage gates: the checklist a project must complete to leave its stage. The requirements are data
// (gate_requirement, adjusted by the office); MANUAL items are ticked on the project, the others are
// read from the project's records.
import type { GateCheck, Project, Stage } from "@prisma/client";
import type { Tx } from "../../db/transaction.js";

export interface GateItemStatus {
  requirementId: number;
  key: string;
  label: string;
  check: GateCheck;
  done: boolean;
  reference: string | null;
}

type GateProject = Pick<Project, "id" | "acceptanceDate" | "acceptanceRef">;

export async function gateStatus(tx: Tx, project: GateProject, fromStage: Stage): Promise<GateItemStatus[]> {
  const requirements = await tx.gateRequirement.findMany({
    where: { fromStage, active: true },
    orderBy: { position: "asc" },
    include: { items: { where: { projectId: project.id } } },
  });
  const checks = new Set(requirements.map((r) => r.check));
  const [fundingSources, reports] = await Promise.all([
    checks.has("FUNDING_SOURCE") ? tx.projectFunding.count({ where: { projectId: project.id, removedAt: null } }) : 0,
    checks.has("PROGRESS_REPORT") ? tx.progressReport.count({ where: { projectId: project.id } }) : 0,
  ]);
  return requirements.map((r) => {
    const item = r.items[0];
    const done = {
      MANUAL: item?.done ?? false,
      FUNDING_SOURCE: fundingSources > 0,
      PROGRESS_REPORT: reports > 0,
      ACCEPTANCE: project.acceptanceDate !== null && Boolean(project.acceptanceRef?.trim()),
    }[r.check];
    return { requirementId: r.id, key: r.key, label: r.label, check: r.check, done, reference: item?.reference ?? null };
  });
}

export function missingItems(statuses: GateItemStatus[]): string[] {
  return statuses.filter((s) => !s.done).map((s) => s.label);
}
