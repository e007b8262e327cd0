// Who may do what (the role matrix). Role lists are declared on GraphQL fields with scope-auth;
// the one rule that needs the record, an owner's own unit, is checked by the services.
//
// | role    | reads                       | changes                                                     |
// | OWNER   | all boards and projects     | its own unit's projects: stage, milestones, progress, blockers, gate items, fields |
// | TEAM    | all                         | any project's stage, milestones, blockers, progress, fields |
// | OFFICE  | all, the audit trail too    | as TEAM, plus gates, scoring, the red/black list, corrections |
// | LEADER  | everything                  | nothing                                                     |
// | AUDITOR | everything, the audit trail | nothing                                                     |
// | ADMIN   | everything                  | users and roles; as OFFICE for the record                   |
import type { Project, Role } from "@prisma/client";
import type { Viewer } from "../../context.js";

export const PROJECT_EDITORS: readonly Role[] = ["OWNER", "TEAM", "OFFICE", "ADMIN"];
export const CONFIGURERS: readonly Role[] = ["OFFICE", "ADMIN"];
export const AUDIT_READERS: readonly Role[] = ["AUDITOR", "LEADER", "OFFICE", "ADMIN"];
export const USER_ADMINS: readonly Role[] = ["ADMIN"];

export function hasRole(viewer: Viewer | null, roles: readonly Role[]): boolean {
  return viewer !== null && roles.includes(viewer.role);
}

/** OWNER: only projects its unit is responsible for; the other editors: any project. */
export function canChangeProject(viewer: Viewer, project: Pick<Project, "responsibleUnitId">): boolean {
  if (!hasRole(viewer, PROJECT_EDITORS)) return false;
  if (viewer.role !== "OWNER") return true;
  return viewer.unitId !== null && viewer.unitId === project.responsibleUnitId;
}

/** Gates, milestone defaults and scoring are configured by the office (and ADMIN). */
export function canConfigure(viewer: Viewer): boolean {
  return hasRole(viewer, CONFIGURERS);
}
