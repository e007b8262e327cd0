// The supervision tables as XLSX workbooks (Excel and WPS): notices, a scoreboard with its
// drill-down, the published lists and the exemptions.
import type { PrismaClient } from "@prisma/client";
import type { Viewer } from "../../context.js";
import type { Sheet } from "../common/xlsx.js";
import { isoDate } from "./period.js";
import { isNoticeOverdue, noticeWhere, type NoticeFilter } from "./notices.js";
import type { Scoreboard } from "./publication.js";
import { COMPONENT_NAMES, type ComponentKey } from "./scheme.js";

const STATE_LABELS = { ISSUED: "待回复", REPLIED: "已回复", CLOSED: "已办结", ESCALATED: "已提请领导小组" } as const;
const MARK_LABELS = { RED: "红榜", BLACK: "黑榜", NONE: "" } as const;
const EXPORT_LIMIT = 10_000;

const dateTime = (value: Date | null) => (value ? value.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false }) : "");

export async function noticeSheet(prisma: PrismaClient, viewer: Viewer, filter: NoticeFilter): Promise<Sheet> {
  const notices = await prisma.supervisionNotice.findMany({
    where: noticeWhere(viewer, filter),
    include: { project: { select: { code: true, name: true } }, unit: { select: { name: true } } },
    orderBy: { id: "desc" },
    take: EXPORT_LIMIT,
  });
  return {
    name: "督办单",
    headers: ["编号", "项目编号", "项目名称", "责任单位", "督办事项", "督办要求", "回复期限", "状态", "是否逾期", "下发时间", "回复内容", "回复时间", "逾期回复", "办结/提请时间", "办结意见/提请说明"],
    widths: [8, 14, 30, 24, 24, 40, 12, 14, 10, 20, 40, 20, 10, 20, 30],
    rows: notices.map((n) => [
      n.id,
      n.project.code,
      n.project.name,
      n.unit.name,
      n.subject,
      n.requirement,
      isoDate(n.replyDeadline),
      STATE_LABELS[n.state],
      isNoticeOverdue(n) ? "逾期" : "",
      dateTime(n.issuedAt),
      n.reply ?? "",
      dateTime(n.repliedAt),
      n.replyLate ? "是" : n.replyLate === false ? "否" : "",
      dateTime(n.resolvedAt),
      n.resolutionNote ?? "",
    ]),
  };
}

export function scoreboardSheets(board: Scoreboard): Sheet[] {
  const ranking: Sheet = {
    name: "红黑榜",
    headers: ["名次", "单位", "得分", "榜单", "是否达标", "计分权重"],
    widths: [8, 30, 10, 8, 10, 10],
    rows: board.entries.map((e) => [e.rank, e.unitName, e.score, MARK_LABELS[e.mark], e.missedTarget ? "未达标" : "达标", e.countedWeight]),
  };
  const detail: Sheet = {
    name: "得分明细",
    headers: ["单位", "考核项", "权重", "是否计分", "得分(百分制)", "折算分", "说明"],
    widths: [30, 20, 8, 10, 12, 10, 80],
    rows: board.entries.flatMap((e) =>
      e.components.map((c) => [e.unitName, COMPONENT_NAMES[c.key], c.weight, c.counted ? "计分" : c.exempted ? "豁免" : "不计", c.score, c.points, c.explanation]),
    ),
  };
  const exemptions: Sheet = {
    name: "适用的豁免",
    headers: ["单位", "项目", "考核项", "开始日期", "结束日期", "理由"],
    widths: [30, 30, 20, 12, 12, 50],
    rows: board.entries.flatMap((e) =>
      e.exemptions.map((x) => [e.unitName, x.projectName ?? "", x.component ? COMPONENT_NAMES[x.component] : "全部", x.startDate, x.endDate, x.reason]),
    ),
  };
  return [ranking, detail, exemptions];
}

export async function publicationSheet(prisma: PrismaClient): Promise<Sheet> {
  const rows = await prisma.scoreboardPublication.findMany({
    include: { publishedBy: { select: { displayName: true } }, scheme: { select: { version: true } }, _count: { select: { entries: true } } },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
  });
  return {
    name: "已发布榜单",
    headers: ["考核期", "发布时间", "发布人", "方案版本", "上榜单位数"],
    widths: [12, 22, 16, 10, 12],
    rows: rows.map((p) => [p.period, dateTime(p.publishedAt), p.publishedBy.displayName, p.scheme.version, p._count.entries]),
  };
}

export async function exemptionSheet(prisma: PrismaClient): Promise<Sheet> {
  const rows = await prisma.scoringExemption.findMany({
    include: { unit: { select: { name: true } }, project: { select: { name: true } }, createdBy: { select: { displayName: true } } },
    orderBy: { id: "desc" },
    take: EXPORT_LIMIT,
  });
  return {
    name: "豁免",
    headers: ["单位", "项目", "考核项", "开始日期", "结束日期", "理由", "登记人", "登记时间", "状态"],
    widths: [30, 30, 20, 12, 12, 50, 14, 22, 10],
    rows: rows.map((x) => [
      x.unit.name,
      x.project?.name ?? "",
      x.component ? COMPONENT_NAMES[x.component as ComponentKey] : "全部",
      isoDate(x.startDate),
      isoDate(x.endDate),
      x.reason,
      x.createdBy.displayName,
      dateTime(x.createdAt),
      x.revokedAt ? "已撤销" : "有效",
    ]),
  };
}
