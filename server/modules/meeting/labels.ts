// Chinese names used in the meeting brief (agenda text, DOCX).
import type { BlockerKind } from "@prisma/client";

export const BLOCKER_KIND_NAMES: Record<BlockerKind, string> = {
  LAND: "用地",
  FUNDS: "资金",
  APPROVAL: "审批",
  DEMOLITION: "征地拆迁",
  OTHER: "其他",
};

export const AGENDA_KIND_NAMES = { STUCK: "滞留", OVERDUE: "节点逾期", BLOCKED: "堵点" } as const;
