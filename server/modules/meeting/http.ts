// GET /export/meeting.docx?id=<DispatchMeeting global id>: the meeting brief as a Word document.
import type http from "node:http";
import { decodeGlobalID } from "@pothos/plugin-relay";
import type { Database } from "../../db/client.js";
import { log } from "../../log.js";
import { sendDownload, sendJsonError as fail, viewerOfRequest } from "../auth/http.js";
import { hasRole } from "../auth/policy.js";
import type { TokenSigner } from "../auth/tokens.js";
import { BOTTLENECK_READERS } from "../bottleneck/access.js";
import { meetingDocx } from "./docx.js";

export const MEETING_DOCX_PATH = "/export/meeting.docx";
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

export async function handleMeetingDocx(db: Database, tokens: TokenSigner, req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
  const viewer = await viewerOfRequest(db.prisma, tokens, req);
  if (!viewer) return fail(res, 401, "请先登录");
  if (!hasRole(viewer, BOTTLENECK_READERS)) return fail(res, 403, "当前角色无权导出调度会议");
  const id = meetingId(url.searchParams.get("id"));
  if (!id) return fail(res, 400, "id 不是有效的会议编号");
  try {
    const meeting = await db.prisma.dispatchMeeting.findUnique({
      where: { id },
      include: { tasks: { include: { unit: true }, orderBy: [{ deadline: "asc" }, { id: "asc" }] } },
    });
    if (!meeting) return fail(res, 404, "会议不存在");
    sendDownload(res, await meetingDocx(meeting), DOCX_CONTENT_TYPE, `${meeting.title}.docx`);
  } catch (error) {
    log.error("meeting export failed", { error });
    fail(res, 500, "导出失败");
  }
}
