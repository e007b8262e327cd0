// Who may register projects (入库), as the app shell needs it to offer the view. The server's rule
// (createProject's PROJECT_EDITORS, and an owner only for its own unit) is the one for changing a
// project: whoever may change a project of its own unit, or of any, may register one.
import type { SchemaType } from "../../graphql";
import { canMoveProject } from "../board/moveRules";

export function canRegisterProjects(viewer: { role: SchemaType<"Role">; unitId: string | null }): boolean {
  return canMoveProject(viewer, viewer.unitId ?? "");
}
