import type { SchemaType } from "../../graphql";

/** The three tiers of the plan's safeguard mechanism, plus owners, auditors and the administrator. */
export const ROLE_LABELS: Record<SchemaType<"Role">, string> = {
  ADMIN: "系统管理员",
  LEADER: "领导小组",
  OFFICE: "领导小组办公室",
  TEAM: "工作专班",
  OWNER: "业主单位",
  AUDITOR: "审计督查",
};
