// Who may move which card, and the pipeline's order, as the board needs them. The server decides
// in the end (scope-auth and the gates); this only keeps cards still that cannot move anyway.
import type { SchemaType } from "../../graphql";
import { STAGES } from "./format";

export type Stage = SchemaType<"Stage">;
type Role = SchemaType<"Role">;

/**
 * 业主单位 (OWNER) move their own unit's projects; 工作专班, the office and ADMIN move any;
 * the leading group and auditors only look.
 */
export function canMoveProject(viewer: { role: Role; unitId: string | null }, responsibleUnitId: string): boolean {
  switch (viewer.role) {
    case "OWNER":
      return viewer.unitId !== null && viewer.unitId === responsibleUnitId;
    case "TEAM":
    case "OFFICE":
    case "ADMIN":
      return true;
    case "LEADER":
    case "AUDITOR":
      return false;
  }
}

/** A move to an earlier column (退回) needs a reason. */
export function isMoveBack(from: Stage, to: Stage): boolean {
  return STAGES.indexOf(to) < STAGES.indexOf(from);
}
