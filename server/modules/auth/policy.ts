// Who may change what. Rules as plain functions, used by services; the full role matrix grows here.
import type { Project } from "@prisma/client";
import type { Viewer } from "../../context.js";

/** OWNER: only projects their unit is responsible for. TEAM, OFFICE, ADMIN: any. LEADER, AUDITOR: none. */
export function canChangeProject(viewer: Viewer, project: Pick<Project, "responsibleUnitId">): boolean {
  switch (viewer.role) {
    case "ADMIN":
    case "OFFICE":
    case "TEAM":
      return true;
    case "OWNER":
      return viewer.unitId !== null && viewer.unitId === project.responsibleUnitId;
    case "LEADER":
    case "AUDITOR":
      return false;
  }
}

/** Gates, milestone defaults and scoring are configured by the office (and ADMIN). */
export function canConfigure(viewer: Viewer): boolean {
  return viewer.role === "OFFICE" || viewer.role === "ADMIN";
}
