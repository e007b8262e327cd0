// 督办单: issued by the office, replied by the unit's owners (late replies flagged), closed or
// escalated by the office; who may do what; the lists each role sees; every write audited.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInChina } from "../server/modules/common/calendar.js";
import { makeProject } from "./support/projects.js";
import { startTestServer, type TestServer } from "./support/server.js";

let server: TestServer;
let office: string;
let admin: string;
let team: string;
let ownerJtj: string;
let ownerZjj: string;
let projectId: string;

const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString("base64");
const today = () => todayInChina().toISOString().slice(0, 10);
const daysFromToday = (days: number) => new Date(todayInChina().getTime() + days * 86_400_000).toISOString().slice(0, 10);

const ISSUE = `mutation($input: IssueSupervisionNoticeInput!) {
  issueSupervisionNotice(input: $input) {
    __typename
    ... on IssueSupervisionNoticeSuccess { notice { id state unit { code } replyDeadline overdue issuedBy { username } } }
    ... on ValidationError { field message }
    ... on Error { message }
  }
}`;
const REPLY = `mutation($input: ReplySupervisionNoticeInput!) {
  replySupervisionNotice(input: $input) {
    __typename
    ... on ReplySupervisionNoticeSuccess { notice { state reply replyLate repliedBy { username } } }
    ... on ValidationError { field message }
    ... on Error { message }
  }
}`;
const CLOSE = `mutation($input: CloseSupervisionNoticeInput!) {
  closeSupervisionNotice(input: $input) { __typename ... on CloseSupervisionNoticeSuccess { notice { state resolutionNote } } ... on Error { message } }
}`;
const ESCALATE = `mutation($input: EscalateSupervisionNoticeInput!) {
  escalateSupervisionNotice(input: $input) {
    __typename ... on EscalateSupervisionNoticeSuccess { notice { state resolutionNote } } ... on ValidationError { field message } ... on Error { message }
  }
}`;
const LIST = `query($filter: SupervisionNoticeFilter) {
  supervisionNotices(first: 50, filter: $filter) { totalCount edges { node { subject state overdue unit { code } } } }
}`;

async function issue(subject: string, deadline = daysFromToday(7), token = office, project = projectId) {
  return server.gql(ISSUE, { input: { projectId: project, subject, requirement: "请于期限内报告整改情况", replyDeadline: deadline } }, token);
}

beforeAll(async () => {
  server = await startTestServer();
  office = await server.signIn("office", "OFFICE");
  admin = await server.signIn("admin", "ADMIN");
  team = await server.signIn("team", "TEAM");
  ownerJtj = await server.signIn("owner-jtj", "OWNER", "jtj");
  ownerZjj = await server.signIn("owner-zjj", "OWNER", "zjj");
  projectId = gid("Project", (await makeProject(server.db, { code: "NT-001", unitCode: "jtj", stage: "STARTED" })).id);
});
afterAll(() => server?.close());

describe("supervision notices", () => {
  it("go ISSUED → REPLIED → CLOSED, each step audited, with the open count on the project", async () => {
    const issued = await issue("征地进度滞后", today());
    expect(issued.data.issueSupervisionNotice).toMatchObject({
      __typename: "IssueSupervisionNoticeSuccess",
      notice: { state: "ISSUED", unit: { code: "jtj" }, replyDeadline: today(), overdue: false, issuedBy: { username: "office" } },
    });
    const noticeId = issued.data.issueSupervisionNotice.notice.id;
    const count = async () => (await server.gql(`query($id: ID!) { node(id: $id) { ... on Project { openNoticeCount } } }`, { id: projectId }, team)).data.node.openNoticeCount;
    expect(await count()).toBe(1);

    const replied = await server.gql(REPLY, { input: { noticeId, reply: "已协调自然资源局，下周完成组卷" } }, ownerJtj);
    expect(replied.data.replySupervisionNotice).toEqual({
      __typename: "ReplySupervisionNoticeSuccess",
      notice: { state: "REPLIED", reply: "已协调自然资源局，下周完成组卷", replyLate: false, repliedBy: { username: "owner-jtj" } },
    });
    const again = await server.gql(REPLY, { input: { noticeId, reply: "再次回复" } }, ownerJtj);
    expect(again.data.replySupervisionNotice).toMatchObject({ __typename: "ValidationError", message: "督办单已回复，不能回复" });

    const closed = await server.gql(CLOSE, { input: { noticeId, note: "整改到位" } }, office);
    expect(closed.data.closeSupervisionNotice).toEqual({ __typename: "CloseSupervisionNoticeSuccess", notice: { state: "CLOSED", resolutionNote: "整改到位" } });
    expect((await server.gql(CLOSE, { input: { noticeId } }, office)).data.closeSupervisionNotice.__typename).toBe("ValidationError");
    expect(await count()).toBe(0);

    const events = await server.db.prisma.auditEvent.findMany({ where: { entity: "SupervisionNotice", entityId: String(Buffer.from(noticeId, "base64").toString().split(":")[1]) }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["notice.issue", "notice.reply", "notice.close"]);
    expect((await server.gql(`{ auditChain { valid } }`, {}, office)).data.auditChain.valid).toBe(true);
  });

  it("let only the office issue, only the notice's own unit reply, and only the office close or escalate", async () => {
    expect((await issue("业主自行下发", daysFromToday(3), ownerJtj)).data.issueSupervisionNotice.__typename).toBe("ForbiddenError");
    expect((await issue("专班下发", daysFromToday(3), team)).data.issueSupervisionNotice.__typename).toBe("ForbiddenError");
    expect((await issue("管理员下发", daysFromToday(3), admin)).data.issueSupervisionNotice.__typename).toBe("IssueSupervisionNoticeSuccess");
    const past = await issue("期限已过", daysFromToday(-1));
    expect(past.data.issueSupervisionNotice).toMatchObject({ __typename: "ValidationError", field: "replyDeadline" });
    const noSubject = await issue("  ");
    expect(noSubject.data.issueSupervisionNotice).toMatchObject({ __typename: "ValidationError", field: "subject" });

    const noticeId = (await issue("资金到位情况")).data.issueSupervisionNotice.notice.id;
    const other = await server.gql(REPLY, { input: { noticeId, reply: "代为回复" } }, ownerZjj);
    expect(other.data.replySupervisionNotice).toEqual({ __typename: "ForbiddenError", message: "只有被督办单位的业主账号可以回复" });
    expect((await server.gql(REPLY, { input: { noticeId, reply: "办公室代回" } }, office)).data.replySupervisionNotice.__typename).toBe("ForbiddenError");
    expect((await server.gql(CLOSE, { input: { noticeId } }, ownerJtj)).data.closeSupervisionNotice.__typename).toBe("ForbiddenError");
    // Not replied: it cannot be closed, but it can be escalated, with a note.
    expect((await server.gql(CLOSE, { input: { noticeId } }, office)).data.closeSupervisionNotice.__typename).toBe("ValidationError");
    expect((await server.gql(ESCALATE, { input: { noticeId } }, office)).data.escalateSupervisionNotice).toEqual({
      __typename: "ValidationError",
      field: "note",
      message: "请填写提请说明",
    });
    const escalated = await server.gql(ESCALATE, { input: { noticeId, note: "逾期未落实，提请领导小组调度" } }, office);
    expect(escalated.data.escalateSupervisionNotice).toEqual({
      __typename: "EscalateSupervisionNoticeSuccess",
      notice: { state: "ESCALATED", resolutionNote: "逾期未落实，提请领导小组调度" },
    });
    expect((await server.gql(REPLY, { input: { noticeId, reply: "迟到的回复" } }, ownerJtj)).data.replySupervisionNotice.__typename).toBe("ValidationError");
  });

  it("flag a reply after the deadline's day as late, and list overdue notices", async () => {
    const jtj = await server.db.prisma.unit.findUniqueOrThrow({ where: { code: "jtj" } });
    const officeUser = await server.db.prisma.user.findUniqueOrThrow({ where: { username: "office" } });
    const project = await server.db.prisma.project.findUniqueOrThrow({ where: { code: "NT-001" } });
    // Issued weeks ago with a deadline that has passed (the API refuses a past deadline at issue).
    const old = await server.db.prisma.supervisionNotice.create({
      data: {
        projectId: project.id, unitId: jtj.id, subject: "逾期督办", requirement: "限期回复",
        replyDeadline: new Date(`${daysFromToday(-3)}T00:00:00Z`), issuedAt: new Date(Date.now() - 20 * 86_400_000), issuedById: officeUser.id,
      },
    });
    const overdue = await server.gql(LIST, { filter: { overdue: true } }, office);
    expect(overdue.data.supervisionNotices.edges.map((e: any) => [e.node.subject, e.node.overdue])).toEqual([["逾期督办", true]]);

    const replied = await server.gql(REPLY, { input: { noticeId: gid("SupervisionNotice", old.id), reply: "已落实" } }, ownerJtj);
    expect(replied.data.replySupervisionNotice.notice).toMatchObject({ state: "REPLIED", replyLate: true });
    expect((await server.gql(LIST, { filter: { overdue: true } }, office)).data.supervisionNotices.totalCount).toBe(0);
  });

  it("show owners only their unit's notices; the office filters by unit and state", async () => {
    const zjjProject = gid("Project", (await makeProject(server.db, { code: "NT-002", unitCode: "zjj" })).id);
    await issue("住建局督办", daysFromToday(5), office, zjjProject);

    const jtjView = await server.gql(LIST, {}, ownerJtj);
    const jtjUnits = new Set(jtjView.data.supervisionNotices.edges.map((e: any) => e.node.unit.code));
    expect([...jtjUnits]).toEqual(["jtj"]);
    const zjjView = await server.gql(LIST, {}, ownerZjj);
    expect(zjjView.data.supervisionNotices.edges.map((e: any) => e.node.subject)).toEqual(["住建局督办"]);
    // An owner asking for another unit still gets only its own.
    const zjj = await server.db.prisma.unit.findUniqueOrThrow({ where: { code: "zjj" } });
    expect((await server.gql(LIST, { filter: { unitId: gid("Unit", zjj.id) } }, ownerJtj)).data.supervisionNotices.totalCount).toBe(0);

    const all = await server.gql(LIST, {}, office);
    const total = await server.db.prisma.supervisionNotice.count();
    expect(all.data.supervisionNotices.totalCount).toBe(total);
    const byUnit = await server.gql(LIST, { filter: { unitId: gid("Unit", zjj.id) } }, office);
    expect(byUnit.data.supervisionNotices.edges.map((e: any) => e.node.subject)).toEqual(["住建局督办"]);
    const escalated = await server.gql(LIST, { filter: { state: "ESCALATED" } }, office);
    expect(escalated.data.supervisionNotices.edges.map((e: any) => e.node.subject)).toEqual(["资金到位情况"]);
    const response = await fetch(`${server.url}/export/supervision/notices.xlsx`, { headers: { authorization: `Bearer ${ownerZjj}` } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
    const sheet = book.getWorksheet("督办单")!;
    expect([sheet.rowCount, sheet.getRow(2).getCell(5).value]).toEqual([2, "住建局督办"]);
    const auditor = await server.signIn("auditor", "AUDITOR");
    expect((await server.gql(LIST, {}, auditor)).data.supervisionNotices.totalCount).toBe(total);
  });
});
