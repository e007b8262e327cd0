// Dispatch meetings (调度会议): the agenda generated from a scripted state as of the meeting's date,
// grouped by unit and frozen; decisions as tasks tracked to closure; the DOCX brief; who may do what.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scripted } from "./support/history.js";
import { startTestServer, type TestServer } from "./support/server.js";
import { zipEntry } from "./support/zip.js";

let server: TestServer;
let team: string;
let office: string;
let auditor: string;
let owner: string;

beforeAll(async () => {
  server = await startTestServer();
  team = await server.signIn("mt-team", "TEAM");
  office = await server.signIn("mt-office", "OFFICE", "czhb");
  auditor = await server.signIn("mt-auditor", "AUDITOR");
  owner = await server.signIn("mt-owner", "OWNER", "jtj");
  // 住建局: M-1 in 储备 since 1 Jan 2024 (stuck); M-4 gets a blocker only after the meeting's date.
  await scripted(server.db, { code: "M-1", steps: [["RESERVE", "2024-01-01T00:00:00Z"]] });
  await scripted(server.db, { code: "M-4", steps: [["RESERVE", "2025-06-01T00:00:00Z"]], blockers: [{ kind: "LAND", raised: "2025-07-15T00:00:00Z" }] });
  // 交通运输局: M-2 with a milestone due 1 May 2025 and a funds blocker since 1 Jun 2025; M-3 healthy.
  await scripted(server.db, {
    code: "M-2",
    unit: "jtj",
    steps: [["RESERVE", "2025-03-01T00:00:00Z"]],
    milestones: [{ planned: "2025-05-01" }],
    blockers: [{ kind: "FUNDS", raised: "2025-06-01T00:00:00Z" }],
  });
  await scripted(server.db, { code: "M-3", unit: "jtj", steps: [["RESERVE", "2025-06-01T00:00:00Z"]] });
});
afterAll(() => server?.close());

const CREATE = /* GraphQL */ `
  mutation($input: CreateDispatchMeetingInput!) {
    createDispatchMeeting(input: $input) {
      __typename
      ... on CreateDispatchMeetingSuccess { meeting { id title date asOf agenda { unit { code } unitName items { code kind days detail } } } }
      ... on Error { message }
    }
  }
`;

const ADD_TASK = /* GraphQL */ `
  mutation($input: AddMeetingTaskInput!) {
    addMeetingTask(input: $input) {
      __typename
      ... on AddMeetingTaskSuccess { task { id status overdue deadline unit { code } } }
      ... on Error { message }
    }
  }
`;

const CLOSE_TASK = /* GraphQL */ `
  mutation($input: CloseMeetingTaskInput!) {
    closeMeetingTask(input: $input) {
      __typename
      ... on CloseMeetingTaskSuccess { task { id status overdue closeNote } }
      ... on Error { message }
    }
  }
`;

let meetingId: string;

async function ids() {
  const { data } = await server.gql(`{ units { id code } projects(first: 20) { edges { node { id code } } } }`, {}, team);
  return {
    unit: (code: string) => data.units.find((u: any) => u.code === code).id as string,
    project: (code: string) => data.projects.edges.find((e: any) => e.node.code === code).node.id as string,
  };
}

describe("the agenda", () => {
  it("is generated from the bottlenecks as of the meeting's date, by unit", async () => {
    const { data } = await server.gql(CREATE, { input: { date: "2025-06-30" } }, office);
    expect(data.createDispatchMeeting.__typename).toBe("CreateDispatchMeetingSuccess");
    const meeting = data.createDispatchMeeting.meeting;
    meetingId = meeting.id;
    expect(meeting.title).toBe("2025-06-30 调度会议");
    // The end of 30 June in China.
    expect(meeting.asOf).toBe("2025-06-30T15:59:59.999Z");
    // 交通运输局 (2 items) before 住建局 (1). M-2's milestone: 1 May → 30 Jun = 60 days overdue; its blocker
    // since 1 Jun 00:00 UTC, 29 whole days by 30 Jun 15:59. M-1: 1 Jan 2024 → 30 Jun 2025 = 366 + 180 = 546
    // days in 储备 (> 180). M-3 is fine, and M-4's blocker came in July.
    expect(meeting.agenda.map((u: any) => [u.unit.code, u.items.map((i: any) => [i.code, i.kind, i.days])])).toEqual([
      ["jtj", [["M-2", "OVERDUE", 60], ["M-2", "BLOCKED", 29]]],
      ["zjj", [["M-1", "STUCK", 546]]],
    ]);
    expect(meeting.agenda[1].items[0].detail).toBe("在「储备」阶段滞留 546 天（阈值 180 天）");
  });

  it("is frozen: later changes do not alter it, a new meeting sees them", async () => {
    const m2 = await server.db.prisma.project.findUniqueOrThrow({ where: { code: "M-2" }, include: { blockers: true } });
    await server.db.prisma.blocker.update({ where: { id: m2.blockers[0]!.id }, data: { resolvedAt: new Date("2025-06-10T00:00:00Z"), resolution: "资金已落实" } });
    const { data } = await server.gql(`query($id: ID!) { node(id: $id) { ... on DispatchMeeting { agenda { items { code kind } } } } }`, { id: meetingId }, team);
    expect(data.node.agenda.flatMap((u: any) => u.items.map((i: any) => i.kind))).toEqual(["OVERDUE", "BLOCKED", "STUCK"]);
    const again = await server.gql(CREATE, { input: { date: "2025-06-30", title: "补充调度会" } }, team);
    const agenda = again.data.createDispatchMeeting.meeting.agenda;
    expect(agenda.flatMap((u: any) => u.items.map((i: any) => [i.code, i.kind]))).toEqual([
      ["M-2", "OVERDUE"],
      ["M-1", "STUCK"],
    ]);
  });
});

describe("decisions", () => {
  it("are tasks for a unit with a deadline, tracked to closure, overdue ones visible", async () => {
    const id = await ids();
    const late = await server.gql(
      ADD_TASK,
      { input: { meetingId, unitId: id.unit("jtj"), projectId: id.project("M-2"), decision: "交通运输局 7 月 10 日前完成节点", deadline: "2025-07-10" } },
      office,
    );
    expect(late.data.addMeetingTask.task).toMatchObject({ status: "OPEN", overdue: true, deadline: "2025-07-10", unit: { code: "jtj" } });
    const ahead = await server.gql(ADD_TASK, { input: { meetingId, unitId: id.unit("zjj"), decision: "住建局推进前期工作", deadline: "2099-01-01" } }, team);
    expect(ahead.data.addMeetingTask.task.overdue).toBe(false);
    const early = await server.gql(ADD_TASK, { input: { meetingId, unitId: id.unit("zjj"), decision: "过早", deadline: "2025-06-01" } }, team);
    expect(early.data.addMeetingTask.__typename).toBe("ValidationError");

    const overdue = await server.gql(`{ meetingTasks(overdueOnly: true) { id decision } }`, {}, auditor);
    expect(overdue.data.meetingTasks.map((t: any) => t.id)).toEqual([late.data.addMeetingTask.task.id]);

    const taskId = late.data.addMeetingTask.task.id;
    const closed = await server.gql(CLOSE_TASK, { input: { taskId, note: "节点已完成" } }, office);
    expect(closed.data.closeMeetingTask.task).toEqual({ id: taskId, status: "DONE", overdue: false, closeNote: "节点已完成" });
    const twice = await server.gql(CLOSE_TASK, { input: { taskId, note: "再次" } }, office);
    expect(twice.data.closeMeetingTask.__typename).toBe("ValidationError");
    const open = await server.gql(`{ meetingTasks { decision } }`, {}, team);
    expect(open.data.meetingTasks.map((t: any) => t.decision)).toEqual(["住建局推进前期工作"]);

    const actions = (await server.db.prisma.auditEvent.findMany({ where: { entity: { in: ["DispatchMeeting", "MeetingTask"] } }, orderBy: { seq: "asc" } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(["meeting.create", "meeting.create", "meeting-task.create", "meeting-task.create", "meeting-task.close"]);
  });
});

describe("the brief as DOCX", () => {
  it("is a Word document with the units, projects and decisions", async () => {
    const response = await fetch(`${server.url}/export/meeting.docx?id=${encodeURIComponent(meetingId)}`, { headers: { authorization: `Bearer ${auditor}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    const xml = zipEntry(Buffer.from(await response.arrayBuffer()), "word/document.xml")!.toString("utf8");
    for (const text of ["渠县交通运输局", "渠县住房和城乡建设局", "瓶颈测试 M-1", "瓶颈测试 M-2", "交通运输局 7 月 10 日前完成节点", "已办结"]) {
      expect(xml).toContain(text);
    }
    expect(xml).not.toContain("瓶颈测试 M-3");
  });

  it("is refused to owners and strangers", async () => {
    for (const format of ["docx", "xlsx"]) {
      const url = `${server.url}/export/meeting.${format}?id=${encodeURIComponent(meetingId)}`;
      expect((await fetch(url)).status).toBe(401);
      expect((await fetch(url, { headers: { authorization: `Bearer ${owner}` } })).status).toBe(403);
    }
  });

  it("gives the agenda and the decisions as an Excel workbook too", async () => {
    const response = await fetch(`${server.url}/export/meeting.xlsx?id=${encodeURIComponent(meetingId)}`, { headers: { authorization: `Bearer ${auditor}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const values = (name: string) => book.getWorksheet(name)!.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1).join("|"));
    const agenda = values("会议议题");
    expect(agenda[0]).toBe("责任单位|项目编号|项目名称|类别|情况");
    expect(agenda.some((row) => row.includes("瓶颈测试 M-1"))).toBe(true);
    expect(agenda.some((row) => row.includes("瓶颈测试 M-3"))).toBe(false);
    const tasks = values("议定事项");
    expect(tasks[0]).toBe("责任单位|议定事项|完成时限|状态|办结情况");
    expect(tasks.some((row) => row.includes("交通运输局 7 月 10 日前完成节点") && row.includes("已办结"))).toBe(true);
  });
});

describe("permissions", () => {
  it("lets only the office and the special team create meetings; owners do not read them", async () => {
    for (const token of [owner, auditor, await server.signIn("mt-leader", "LEADER")]) {
      const { data } = await server.gql(CREATE, { input: { date: "2025-06-30" } }, token);
      expect(data.createDispatchMeeting.__typename).toBe("ForbiddenError");
    }
    const list = await server.gql(`{ dispatchMeetings { id } }`, {}, owner);
    expect(list.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const audited = await server.gql(`{ dispatchMeetings { title } }`, {}, auditor);
    expect(audited.data.dispatchMeetings).toHaveLength(2);
  });
});
