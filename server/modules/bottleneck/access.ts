// Who reads the bottleneck review and the dispatch meetings: everyone but project owners.
import type { Role } from "@prisma/client";

export const BOTTLENECK_READERS: readonly Role[] = ["TEAM", "OFFICE", "LEADER", "ADMIN", "AUDITOR"];
