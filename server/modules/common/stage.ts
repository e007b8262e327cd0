// The pipeline's stages in order, with their Chinese names (谋储争推).
import type { Stage } from "@prisma/client";

export const STAGES: readonly Stage[] = ["RESERVE", "PREPARATION", "STARTED", "UNDER_CONSTRUCTION", "COMPLETED"];

export const STAGE_NAMES: Record<Stage, string> = {
  RESERVE: "储备",
  PREPARATION: "准备",
  STARTED: "开工",
  UNDER_CONSTRUCTION: "在建",
  COMPLETED: "竣工",
};

export function stageIndex(stage: Stage): number {
  return STAGES.indexOf(stage);
}
