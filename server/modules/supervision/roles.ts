// Who reads the supervision tables (see auth/policy.ts for the role matrix).
import type { Role } from "@prisma/client";

/** Scoreboards as computed, schemes and exemptions; owners read published lists only. */
export const SCORE_READERS: readonly Role[] = ["TEAM", "OFFICE", "LEADER", "ADMIN", "AUDITOR"];
/** Notices (owners only their own unit's) and published lists. */
export const NOTICE_READERS: readonly Role[] = [...SCORE_READERS, "OWNER"];
