// Builds projects for a test directly in its database, with a consistent intake transition.
import type { Stage } from "@prisma/client";
import { STAGES } from "../../server/modules/common/stage.js";
import type { Database } from "../../server/db/client.js";

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
  const start = Date.UTC(2024, 0, 1);
  return db.prisma.project.create({
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
}
