// Chinese labels and formatting shared by the 督办 and 红黑榜 pages.
import type { SchemaType } from "../../graphql";

export const NOTICE_STATE_LABELS: Record<SchemaType<"NoticeState">, string> = {
  ISSUED: "待回复",
  REPLIED: "已回复",
  CLOSED: "已办结",
  ESCALATED: "已提请领导小组",
};

export const MARK_LABELS: Record<SchemaType<"ListMark">, string> = { RED: "红榜", BLACK: "黑榜", NONE: "—" };

const dateTimeFormat = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTimeFormat.format(new Date(iso)) : "";
}

/** A number with at most two decimals, as scores are kept. */
export function formatScore(value: number | null | undefined): string {
  return value == null ? "—" : String(Math.round(value * 100) / 100);
}

/** A link to one of the supervision XLSX exports (server/modules/supervision/http.ts). */
export function exportHref(table: string, params: Record<string, string | null | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const query = search.toString();
  return `/export/supervision/${table}.xlsx${query ? `?${query}` : ""}`;
}
