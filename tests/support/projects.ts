// Builds projects for a test directly in its database, with a consistent intake transition.
import type { Stage } from "@prisma/client";
import { STAGES } from "../../server/modules/common/stage.js";
import type { Database } from "../../server/db/client.js";
import { inTransaction } from "../../server/db/transaction.js";
import { appendAuditEvents } from "../../server/modules/audit/service.js";

let counter = 0;

export interface MakeProject {
  code?: string;
  name?: string;
  actionCode?: number;
  subTaskCode?: string;
  unitCode?: string;
  townshipCode?: string | null;
  stage?: Stage;
  totalInvestment?: string;
  /** When the project entered the pipeline; each later stage follows 30 days apart. */
  since?: Date;
  /** Complete the checklist of the gate out of the project's stage. */
  gateReady?: boolean;
}

/** Creates a project whose history walks forward from 储备 to `stage`, one transition per step. */
export async function makeProject(db: Database, spec: MakeProject = {}) {
  counter += 1;
  const action = await db.prisma.action.findUniqueOrThrow({
    where: { code: spec.actionCode ?? Number((spec.subTaskCode ?? "2.1").split(".")[0]) },
    include: { subTasks: { orderBy: { position: "asc" } } },
  });
  const subTask = spec.subTaskCode ? action.subTasks.find((s) => s.code === spec.subTaskCode)! : action.subTasks[0]!;
  const unit = await db.prisma.unit.findUniqueOrThrow({ where: { code: spec.unitCode ?? "zjj" } });
  const township = spec.townshipCode ? await db.prisma.unit.findUniqueOrThrow({ where: { code: spec.townshipCode } }) : null;
  const stage = spec.stage ?? "RESERVE";
  const steps = STAGES.slice(0, STAGES.indexOf(stage) + 1);
  const start = spec.since?.getTime() ?? Date.UTC(2024, 0, 1);
  const project = await db.prisma.project.create({
    data: {
      code: spec.code ?? `T-${String(counter).padStart(5, "0")}`,
      name: spec.name ?? `测试项目 ${counter}`,
      actionId: action.id,
      subTaskId: subTask.id,
      responsibleUnitId: unit.id,
      ownerUnitId: unit.id,
      townshipId: township?.id ?? null,
      stage,
      version: steps.length,
      stageEnteredAt: new Date(start + (steps.length - 1) * 30 * 86_400_000),
      totalInvestment: spec.totalInvestment ?? "1000",
      transitions: {
        create: steps.map((to, i) => ({
          fromStage: i === 0 ? null : steps[i - 1]!,
          toStage: to,
          kind: i === 0 ? "INTAKE" : "FORWARD",
          at: new Date(start + i * 30 * 86_400_000),
        })),
      },
    },
  });
  if (spec.gateReady) await completeGate(db, project.id);
  await recordFixture(db, project);
  return project;
}

/**
 * Registers a project written straight into the database with its audit event, as every project of
 * the record has one (the seeds do the same): the caches of boards and of the bottleneck review see
 * changes by the audit chain (server/modules/audit/fingerprint.ts).
 */
export async function recordFixture(db: Database, project: { id: number; code: string; stage: Stage }): Promise<void> {
  await inTransaction(db.prisma, (tx) =>
    appendAuditEvents(tx, [{ actorId: null, entity: "Project", entityId: project.id, projectId: project.id, action: "project.seed", after: { code: project.code, stage: project.stage } }]),
  );
}

/** Supplies everything the gate out of the project's current stage asks for. */
export async function completeGate(db: Database, projectId: number): Promise<void> {
  const project = await db.prisma.project.findUniqueOrThrow({ where: { id: projectId } });
  await supplyRequirements(db, projectId, { fromStage: project.stage });
}

/** Supplies everything every gate asks for, so the project may move forward through all of them. */
export async function completeAllGates(db: Database, projectId: number): Promise<void> {
  await supplyRequirements(db, projectId, {});
}

async function supplyRequirements(db: Database, projectId: number, where: { fromStage?: Stage }): Promise<void> {
  const project = await db.prisma.project.findUniqueOrThrow({ where: { id: projectId } });
  const requirements = await db.prisma.gateRequirement.findMany({ where: { ...where, active: true } });
  // Automatic checks ask for the same record whichever gate they belong to: supply it once.
  const supplied = new Set<string>();
  for (const r of requirements) {
    if (r.check !== "MANUAL" && supplied.has(r.check)) continue;
    supplied.add(r.check);
    if (r.check === "MANUAL") {
      await db.prisma.projectGateItem.create({
        data: { projectId, requirementId: r.id, done: true, reference: `测试文号 ${r.key}`, updatedAt: new Date() },
      });
    } else if (r.check === "FUNDING_SOURCE") {
      await db.prisma.projectFunding.create({ data: { projectId, kind: "FISCAL", amount: project.totalInvestment } });
    } else if (r.check === "PROGRESS_REPORT") {
      await db.prisma.progressReport.create({
        data: { projectId, month: "2024-06", investmentThisMonth: "1", narrative: "已开工", reportedAt: new Date() },
      });
    } else {
      await db.prisma.project.update({ where: { id: projectId }, data: { acceptanceDate: new Date("2025-01-10"), acceptanceRef: "测试验收〔2025〕1号" } });
    }
  }
}
