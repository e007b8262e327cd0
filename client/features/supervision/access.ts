// Who may do what on the 督办 and 红黑榜 pages, mirroring the server's rules
// (server/modules/supervision/roles.ts, auth/policy.ts CONFIGURERS).
import type { SchemaType } from "../../graphql";

type Role = SchemaType<"Role">;

/** The office (and ADMIN): issue, close and escalate notices; configure scoring; publish. */
export const isOffice = (role: Role) => role === "OFFICE" || role === "ADMIN";
/** Scoreboards as computed, schemes and exemptions; owners see published lists only. */
export const readsLiveScores = (role: Role) => role !== "OWNER";
