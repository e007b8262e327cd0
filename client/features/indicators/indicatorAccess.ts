// Who may do what on the 指标监测 page, as the server's policy: everyone signed in reads; the office
// (and ADMIN) enters yearly actuals; project editors link their projects.
import type { SchemaType } from "../../graphql";

type Role = SchemaType<"Role">;

export interface IndicatorViewer {
  role: Role;
  unitId: string | null;
}

export function canEnterActuals(viewer: { role: Role }): boolean {
  return viewer.role === "OFFICE" || viewer.role === "ADMIN";
}
