// Moving a project along the pipeline (谋储争推). A move is a compare-and-swap on the project's
// version: of many concurrent moves from the same version exactly one wins, and the rest get
// StaleVersionError with nothing written.
import type { PrismaClient, Stage, StageTransition, TransitionKind } from "@prisma/client";
import type { Viewer } from "../../context.js";
import { inTransaction } from "../../db/transaction.js";
import { appendAuditEvent } from "../audit/service.js";
import { canChangeProject } from "../auth/policy.js";
import { ForbiddenError, NotFoundError, StaleVersionError, TransitionNotAllowedError } from "../common/errors.js";
import { STAGE_NAMES, stageIndex } from "../common/stage.js";

export interface MoveProjectCommand {
  projectId: number;
  to: Stage;
  expectedVersion: number;
  note?: string | null;
}

export function transitionKind(from: Stage, to: Stage): TransitionKind {
  return stageIndex(to) > stageIndex(from) ? "FORWARD" : "BACKWARD";
}

export async function moveProject(
  prisma: PrismaClient,
  actor: Viewer,
  command: MoveProjectCommand,
  requestId: string,
): Promise<{ projectId: number; transition: StageTransition }> {
  return inTransaction(prisma, async (tx) => {
    const project = await tx.project.findUnique({ where: { id: command.projectId } });
    if (!project || project.archivedAt) throw new NotFoundError("项目");
    if (!canChangeProject(actor, project)) throw new ForbiddenError("只能调整本单位负责的项目");
    if (project.version !== command.expectedVersion) throw new StaleVersionError(project.version, project.stage);
    if (project.stage === command.to) {
      throw new TransitionNotAllowedError(`项目已处于「${STAGE_NAMES[command.to]}」阶段`, project.stage, command.to);
    }
    const at = new Date();
    const note = command.note?.trim() || null;
    // The compare-and-swap: a concurrent move that committed first makes this match nothing.
    const swapped = await tx.project.updateMany({
      where: { id: project.id, version: command.expectedVersion },
      data: { stage: command.to, stageEnteredAt: at, version: { increment: 1 } },
    });
    if (swapped.count === 0) {
      const current = await tx.project.findUniqueOrThrow({ where: { id: project.id } });
      throw new StaleVersionError(current.version, current.stage);
    }
    const transition = await tx.stageTransition.create({
      data: {
        projectId: project.id,
        fromStage: project.stage,
        toStage: command.to,
        kind: transitionKind(project.stage, command.to),
        at,
        actorId: actor.userId,
        note,
      },
    });
    await appendAuditEvent(tx, {
      at,
      actorId: actor.userId,
      entity: "Project",
      entityId: project.id,
      projectId: project.id,
      action: "project.move",
      before: { stage: project.stage, version: project.version, stageEnteredAt: project.stageEnteredAt },
      after: { stage: command.to, version: project.version + 1, stageEnteredAt: at, note, transitionId: transition.id },
      requestId,
    });
    return { projectId: project.id, transition };
  });
}
