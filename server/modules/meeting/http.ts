// GET /export/meeting.docx?id=<DispatchMeeting global id>: the meeting brief as a Word document;
// /export/meeting.xlsx?id=…: its tables (the agenda by unit, the decisions) as a workbook.
import type http from "node:http";
import { decodeGlobalID } from "@pothos/plugin-relay";
import type { Database } from "../../db/client.js";
import { log } from "../../log.js";
import { sendDownload, sendJsonError as fail, viewerOfRequest, XLSX_CONTENT_TYPE } from "../auth/http.js";
import { hasRole } from "../auth/policy.js";
import type { TokenSigner } from "../auth/tokens.js";
import { BOTTLENECK_READERS } from "../bottleneck/access.js";
import { workbook } from "../common/xlsx.js";
import { meetingDocx, TASK_HEADERS, taskCells } from "./docx.js";
import { AGENDA_KIND_NAMES } from "./labels.js";
import type { Agenda } from "./service.js";

export const MEETING_DOCX_PATH = "/export/meeting.docx";
export const MEETING_XLSX_PATH = "/export/meeting.xlsx";
export const DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

function meetingId(value: string | null): number | null {
  if (!value) return null;
  try {
    const decoded = decodeGlobalID(value);
    const id = Number(decoded.id);
    return decoded.typename === "DispatchMeeting" && Number.isSafeInteger(id) && id > 0 ? id : null;
  } catch {
    return null;
  }
}

type MeetingWithTasks = NonNullable<Awaited<ReturnType<typeof loadMeeting>>>;

function loadMeeting(db: Database, id: number) {
  return db.prisma.dispatchMeeting.findUnique({
    where: { id },
    include: { tasks: { include: { unit: true }, orderBy: [{ deadline: "asc" }, { id: "asc" }] } },
  });
}

function meetingWorkbook(meeting: MeetingWithTasks): Promise<Buffer> {
  const agenda = meeting.agenda as unknown as Agenda;
  return workbook([
    {
      name: "会议议题",
      headers: ["责任单位", "项目编号", "项目名称", "类别", "情况"],
      widths: [24, 16, 36, 10, 48],
      rows: agenda.units.flatMap((unit) => unit.items.map((item) => [unit.unitName, item.code, item.name, AGENDA_KIND_NAMES[item.kind], item.detail])),
    },
    {
      name: "议定事项",
      headers: TASK_HEADERS,
      widths: [24, 48, 12, 10, 40],
      rows: meeting.tasks.map(taskCells),
    },
  ]);
}

export async function handleMeetingExport(db: Database, tokens: TokenSigner, req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
  const viewer = await viewerOfRequest(db.sql, tokens, req);
  if (!viewer) return fail(res, 401, "请先登录");
  if (!hasRole(viewer, BOTTLENECK_READERS)) return fail(res, 403, "当前角色无权导出调度会议");
  const id = meetingId(url.searchParams.get("id"));
  if (!id) return fail(res, 400, "id 不是有效的会议编号");
  try {
    const meeting = await loadMeeting(db, id);
    if (!meeting) return fail(res, 404, "会议不存在");
    if (url.pathname === MEETING_XLSX_PATH) sendDownload(res, await meetingWorkbook(meeting), XLSX_CONTENT_TYPE, `${meeting.title}.xlsx`);
    else sendDownload(res, await meetingDocx(meeting), DOCX_CONTENT_TYPE, `${meeting.title}.docx`);
  } catch (error) {
    log.error("meeting export failed", { error });
    fail(res, 500, "导出失败");
  }
}
