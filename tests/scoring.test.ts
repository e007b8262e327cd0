// 红黑榜: a scripted history for four units over 2025-Q2, scored by hand here; exemptions; publishing
// (idempotent, audited, frozen) and recomputing a published period after records dated later.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeProject } from "./support/projects.js";
import { startTestServer, type TestServer } from "./support/server.js";

let server: TestServer;
let office: string;
let team: string;
let owner: string;
let officeId: number;

const PERIOD = "2025-Q2"; // 2025-04-01 .. 2025-06-30
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const at = (iso: string) => new Date(iso);
const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString("base64");
const round2 = (x: number) => Math.round(x * 100) / 100;
// 序时进度 at 2025-06-30: 181 of 365 days.
const SHARE = 181 / 365;

// The scheme the office sets for the test: weights, thresholds, one red and one black.
const SCHEME = {
  weights: [
    { component: "MILESTONES", weight: 20 },
    { component: "ADVANCEMENT", weight: 20 },
    { component: "INVESTMENT", weight: 20 },
    { component: "BLOCKERS", weight: 15 },
    { component: "REPORTS", weight: 15 },
    { component: "NOTICES", weight: 10 },
  ],
  blockerTargetDays: 10,
  reportDueDay: 5,
  passMark: 60,
  redCount: 1,
  blackCount: 1,
  note: "测试方案",
};

const BOARD_FIELDS = /* GraphQL */ `
  period published schemeVersion
  publishedBy { username }
  entries {
    unit { code } score rank mark missedTarget countedWeight
    components { component weight counted exempted score points due met excluded completedInvestment plannedInvestment medianDays explanation }
    exemptions { projectCode component reason }
  }
`;
const SCOREBOARD = `query($p: String!) { scoreboard(period: $p) { ${BOARD_FIELDS} } }`;
const RECOMPUTED = `query($p: String!) { recomputedScoreboard(period: $p) { ${BOARD_FIELDS} } }`;
const PUBLISH = `mutation($input: PublishScoreboardInput!) {
  publishScoreboard(input: $input) {
    __typename
    ... on PublishScoreboardSuccess { alreadyPublished scoreboard { ${BOARD_FIELDS} } }
    ... on Error { message }
  }
}`;

const ids: Record<string, number> = {};

async function milestone(projectId: number, planned: string, actual: string | null) {
  return server.db.prisma.milestone.create({
    data: { projectId, name: `节点 ${planned}`, position: 0, plannedDate: day(planned), actualDate: actual ? day(actual) : null },
  });
}
async function report(projectId: number, month: string, amount: string, reportedAt: string) {
  await server.db.prisma.progressReport.create({ data: { projectId, month, investmentThisMonth: amount, narrative: "进展", reportedAt: at(reportedAt) } });
}
async function blocker(projectId: number, raised: string, resolved: string | null) {
  return server.db.prisma.blocker.create({
    data: { projectId, kind: "LAND", description: "用地", raisedAt: at(raised), resolvedAt: resolved ? at(resolved) : null, resolution: resolved ? "已解决" : null },
  });
}
async function notice(projectId: number, unitCode: string, deadline: string, repliedAt: string | null) {
  const unit = await server.db.prisma.unit.findUniqueOrThrow({ where: { code: unitCode } });
  return server.db.prisma.supervisionNotice.create({
    data: {
      projectId,
      unitId: unit.id,
      subject: "督办",
      requirement: "请按期推进",
      replyDeadline: day(deadline),
      issuedAt: at("2025-03-20T02:00:00Z"),
      issuedById: officeId,
      state: repliedAt ? "REPLIED" : "ISSUED",
      reply: repliedAt ? "已落实" : null,
      repliedAt: repliedAt ? at(repliedAt) : null,
    },
  });
}
async function plan(projectId: number, amount: string) {
  await server.db.prisma.projectAnnualPlan.create({ data: { projectId, year: 2025, plannedInvestment: amount } });
}
async function plannedStart(projectId: number, date: string) {
  await server.db.prisma.project.update({ where: { id: projectId }, data: { plannedStart: day(date) } });
}

beforeAll(async () => {
  server = await startTestServer();
  office = await server.signIn("office", "OFFICE");
  team = await server.signIn("team", "TEAM");
  owner = await server.signIn("owner-jtj", "OWNER", "jtj");
  officeId = (await server.db.prisma.user.findUniqueOrThrow({ where: { username: "office" } })).id;
  const saved = await server.gql(
    `mutation($input: SaveScoringSchemeInput!) { saveScoringScheme(input: $input) { __typename ... on SaveScoringSchemeSuccess { scheme { version } } } }`,
    { input: SCHEME },
    office,
  );
  expect(saved.data.saveScoringScheme).toEqual({ __typename: "SaveScoringSchemeSuccess", scheme: { version: 2 } });

  // Unit A (jtj, 交通运输局): a mixed record. In construction since 2024-03-31 (makeProject: 30 days a stage).
  const a1 = await makeProject(server.db, { code: "SC-A1", unitCode: "jtj", stage: "UNDER_CONSTRUCTION" });
  const a2 = await makeProject(server.db, { code: "SC-A2", unitCode: "jtj", stage: "RESERVE" });
  ids.a1 = a1.id;
  ids.a2 = a2.id;
  await plannedStart(a1.id, "2024-06-01");
  await plannedStart(a2.id, "2025-05-01"); // past its planned start, not started
  await milestone(a1.id, "2025-03-01", null); // before the period: not counted
  await milestone(a1.id, "2025-04-10", "2025-04-08"); // on time
  await milestone(a1.id, "2025-05-10", "2025-05-10"); // on time (the day itself)
  ids.a1Late = (await milestone(a1.id, "2025-06-10", "2025-06-20")).id; // late
  ids.a1Open = (await milestone(a1.id, "2025-06-25", null)).id; // not done by the period's end
  await plan(a1.id, "1000");
  await report(a1.id, "2025-01", "50", "2025-02-03T02:00:00Z");
  await report(a1.id, "2025-02", "50", "2025-03-04T02:00:00Z");
  await report(a1.id, "2025-03", "60", "2025-04-03T02:00:00Z"); // due 04-05: on time
  await report(a1.id, "2025-04", "70", "2025-05-08T02:00:00Z"); // due 05-05: late
  await report(a1.id, "2025-05", "70", "2025-06-05T10:00:00Z"); // 18:00 on 06-05 in China: on time
  await report(a1.id, "2025-06", "100", "2025-07-03T02:00:00Z"); // reported after the period: not counted
  await blocker(a1.id, "2025-04-01T00:00:00Z", "2025-04-06T00:00:00Z"); // 5 days
  await blocker(a1.id, "2025-04-01T00:00:00Z", "2025-04-21T00:00:00Z"); // 20 days
  await blocker(a1.id, "2025-05-01T00:00:00Z", "2025-05-31T00:00:00Z"); // 30 days
  await blocker(a1.id, "2025-06-01T00:00:00Z", "2025-07-02T00:00:00Z"); // resolved after the period
  await blocker(a1.id, "2025-06-01T00:00:00Z", null); // open
  await notice(a1.id, "jtj", "2025-05-15", "2025-05-14T02:00:00Z"); // on time
  await notice(a1.id, "jtj", "2025-06-10", "2025-06-12T02:00:00Z"); // late

  // Unit B (zjj, 住建局): everything on time.
  const b1 = await makeProject(server.db, { code: "SC-B1", unitCode: "zjj", stage: "UNDER_CONSTRUCTION" });
  await plannedStart(b1.id, "2024-06-01");
  await milestone(b1.id, "2025-04-15", "2025-04-15");
  await milestone(b1.id, "2025-06-15", "2025-06-01");
  await plan(b1.id, "1000");
  for (const [month, reported] of [
    ["2025-01", "2025-02-01"], ["2025-02", "2025-03-01"], ["2025-03", "2025-04-01"],
    ["2025-04", "2025-05-02"], ["2025-05", "2025-06-01"], ["2025-06", "2025-06-30"],
  ] as const) {
    await report(b1.id, month, "100", `${reported}T10:00:00Z`);
  }
  await blocker(b1.id, "2025-05-01T00:00:00Z", "2025-05-05T00:00:00Z"); // 4 days
  await notice(b1.id, "zjj", "2025-04-20", "2025-04-18T02:00:00Z");

  // Unit C (fgj, 发改局): no blockers and no notices in the period (those weights leave its total).
  const c1 = await makeProject(server.db, { code: "SC-C1", unitCode: "fgj", stage: "UNDER_CONSTRUCTION" });
  await plannedStart(c1.id, "2024-06-01");
  await milestone(c1.id, "2025-04-05", "2025-04-01");
  await milestone(c1.id, "2025-05-05", "2025-05-05");
  await milestone(c1.id, "2025-06-05", "2025-06-02");
  await milestone(c1.id, "2025-06-20", "2025-06-28"); // late
  await plan(c1.id, "1000");
  for (const month of ["01", "02", "03", "04", "05"]) {
    const next = String(Number(month) + 1).padStart(2, "0");
    await report(c1.id, `2025-${month}`, "80", `2025-${next}-03T02:00:00Z`);
  }
  ids.c1 = c1.id;

  // Unit D (jkj, 教科局): still preparing, behind on everything.
  const d1 = await makeProject(server.db, { code: "SC-D1", unitCode: "jkj", stage: "PREPARATION" });
  ids.d1 = d1.id;
  await plannedStart(d1.id, "2025-03-01");
  await milestone(d1.id, "2025-04-30", null);
  await plan(d1.id, "500");
  await blocker(d1.id, "2025-03-01T00:00:00Z", "2025-04-10T00:00:00Z"); // 40 days
  ids.d1Notice = (await notice(d1.id, "jkj", "2025-06-20", null)).id;
});
afterAll(() => server?.close());

// The expected scores, by hand. Component score → points = weight × score / 100 (two decimals).
function handScores() {
  const pts = (weight: number, score: number) => round2((weight * score) / 100);
  const investment = (completed: number, planned: number) => round2(Math.min(100, (completed / (planned * SHARE)) * 100));
  // A: milestones 2 of 4; started 1 of 2; 300 of 1000 × 序时进度; blockers median 20 days vs 10 → 10/20;
  // reports 2 of 3; notices 1 of 2.
  const a = [pts(20, 50), pts(20, 50), pts(20, investment(300, 1000)), pts(15, 50), pts(15, round2((2 / 3) * 100)), pts(10, 50)];
  const aTotal = round2(a.reduce((s, p) => s + p, 0));
  // B: everything 100 (600 completed is ahead of 序时进度: capped at 100; median 4 days ≤ 10).
  const bTotal = 100;
  // C: milestones 3 of 4, started 1 of 1, 400 of 1000, reports 3 of 3; no blockers, no notices: weight 75.
  const c = [pts(20, 75), pts(20, 100), pts(20, investment(400, 1000)), pts(15, 100)];
  const cTotal = round2((c.reduce((s, p) => s + p, 0) / 75) * 100);
  // D: milestones 0 of 1, started 0 of 1, 0 of 500, blocker 40 days → 10/40 = 25, notices 0 of 1; no reports due (not started): weight 85.
  const dTotal = round2((pts(15, 25) / 85) * 100);
  return { a, aTotal, bTotal, cTotal, dTotal };
}

describe("scoreboard", () => {
  it("scores, ranks and marks a scripted history as computed by hand", async () => {
    const { a, aTotal, bTotal, cTotal, dTotal } = handScores();
    expect(aTotal).toBeCloseTo(54.6, 2); // 10 + 10 + 12.1 + 7.5 + 10 + 5
    expect(cTotal).toBeCloseTo(88.17, 2); // (15 + 20 + 16.13 + 15) / 75 × 100
    expect(dTotal).toBeCloseTo(4.41, 2); // 3.75 / 85 × 100
    const { data, errors } = await server.gql(SCOREBOARD, { p: PERIOD }, team);
    expect(errors).toBeUndefined();
    const board = data.scoreboard;
    expect(board.published).toBe(false);
    expect(board.schemeVersion).toBe(2);
    expect(board.entries.map((e: any) => [e.unit.code, e.rank, e.mark, e.missedTarget])).toEqual([
      ["zjj", 1, "RED", false],
      ["fgj", 2, "NONE", false],
      ["jtj", 3, "NONE", true], // missed the pass mark, but only the bottom one is black
      ["jkj", 4, "BLACK", true],
    ]);
    const score = Object.fromEntries(board.entries.map((e: any) => [e.unit.code, e.score]));
    expect(score.zjj).toBeCloseTo(bTotal, 2);
    expect(score.fgj).toBeCloseTo(cTotal, 2);
    expect(score.jtj).toBeCloseTo(aTotal, 2);
    expect(score.jkj).toBeCloseTo(dTotal, 2);

    // The drill-down of A: every component's raw figures, score, weight and points.
    const jtj = board.entries.find((e: any) => e.unit.code === "jtj");
    const by = Object.fromEntries(jtj.components.map((c: any) => [c.component, c]));
    expect([by.MILESTONES.due, by.MILESTONES.met, by.MILESTONES.score]).toEqual([4, 2, 50]);
    expect([by.ADVANCEMENT.due, by.ADVANCEMENT.met]).toEqual([2, 1]);
    expect([by.INVESTMENT.plannedInvestment, by.INVESTMENT.completedInvestment]).toEqual([1000, 300]);
    expect([by.BLOCKERS.due, by.BLOCKERS.medianDays, by.BLOCKERS.score]).toEqual([3, 20, 50]);
    expect([by.REPORTS.due, by.REPORTS.met]).toEqual([3, 2]);
    expect([by.NOTICES.due, by.NOTICES.met, by.NOTICES.score]).toEqual([2, 1, 50]);
    expect(jtj.components.map((c: any) => c.points)).toEqual(a);
    expect(jtj.countedWeight).toBe(100);
    expect(by.MILESTONES.explanation).toBe("计划在本期完成的节点 4 个，按期完成 2 个");

    const fgj = board.entries.find((e: any) => e.unit.code === "fgj");
    const fgjBy = Object.fromEntries(fgj.components.map((c: any) => [c.component, c]));
    expect([fgjBy.BLOCKERS.counted, fgjBy.NOTICES.counted, fgj.countedWeight]).toEqual([false, false, 75]);
  });

  it("scores a month (2025-06) from the items that fall due in it, by hand", async () => {
    const pts = (weight: number, score: number) => round2((weight * score) / 100);
    // A in June: milestones 0 of 2 (one late, one open); started 1 of 2; 300 of 1000 × 序时进度 (June's
    // report came in July); no blocker resolved in June; May's report on time (1 of 1); the notice due
    // 06-10 replied late (0 of 1). Counted weight 85.
    const investment = round2(Math.min(100, (300 / (1000 * SHARE)) * 100));
    const a = round2(((pts(20, 0) + pts(20, 50) + pts(20, investment) + pts(15, 100) + pts(10, 0)) / 85) * 100);
    expect(a).toBeCloseTo(43.65, 2); // 37.1 / 85 × 100
    const { data } = await server.gql(SCOREBOARD, { p: "2025-06" }, team);
    const jtj = data.scoreboard.entries.find((e: any) => e.unit.code === "jtj");
    expect(jtj.score).toBeCloseTo(a, 2);
    expect(jtj.countedWeight).toBe(85);
    const by = Object.fromEntries(jtj.components.map((c: any) => [c.component, [c.due, c.met, c.counted]]));
    expect(by).toEqual({
      MILESTONES: [2, 0, true],
      ADVANCEMENT: [2, 1, true],
      INVESTMENT: [1, null, true],
      BLOCKERS: [null, null, false],
      REPORTS: [1, 1, true],
      NOTICES: [1, 0, true],
    });
    // B in June: milestone 1 of 1, started, ahead of 序时进度, May's report on time: 100 over weight 75.
    const zjj = data.scoreboard.entries.find((e: any) => e.unit.code === "zjj");
    expect([zjj.score, zjj.countedWeight, zjj.rank]).toEqual([100, 75, 1]);
  });

  it("takes exempted items out of the computation, visibly, as computed by hand, and puts them back when revoked", async () => {
    const grant = `mutation($input: GrantScoringExemptionInput!) {
      grantScoringExemption(input: $input) { __typename ... on GrantScoringExemptionSuccess { exemption { id } } ... on ValidationError { field message } ... on Error { message } }
    }`;
    const jtj = await server.db.prisma.unit.findUniqueOrThrow({ where: { code: "jtj" } });
    const unitId = gid("Unit", jtj.id);
    const noReason = await server.gql(grant, { input: { unitId, component: "NOTICES", startDate: "2025-06-01", endDate: "2025-06-30", reason: " " } }, office);
    expect(noReason.data.grantScoringExemption).toMatchObject({ __typename: "ValidationError", field: "reason" });
    const byOwner = await server.gql(grant, { input: { unitId, component: "NOTICES", startDate: "2025-06-01", endDate: "2025-06-30", reason: "洪灾" } }, owner);
    expect(byOwner.data.grantScoringExemption.__typename).toBe("ForbiddenError");

    const component = await server.gql(grant, { input: { unitId, component: "NOTICES", startDate: "2025-06-01", endDate: "2025-06-30", reason: "特大洪灾，停工一月" } }, office);
    const project = await server.gql(grant, { input: { unitId, projectId: gid("Project", ids.a2!), startDate: "2025-04-01", endDate: "2025-12-31", reason: "地质灾害，场地封闭" } }, office);
    expect(component.data.grantScoringExemption.__typename).toBe("GrantScoringExemptionSuccess");
    expect(project.data.grantScoringExemption.__typename).toBe("GrantScoringExemptionSuccess");

    // By hand: A's notices leave (weight 90 counted); SC-A2 leaves advancement (1 of 1 started).
    const { a } = handScores();
    const points = [a[0]!, 20, a[2]!, a[3]!, a[4]!];
    const expected = round2((points.reduce((s, p) => s + p, 0) / 90) * 100); // 59.6 / 90 × 100 = 66.22
    expect(expected).toBeCloseTo(66.22, 2);
    const { data } = await server.gql(SCOREBOARD, { p: PERIOD }, team);
    const entry = data.scoreboard.entries.find((e: any) => e.unit.code === "jtj");
    expect(entry.score).toBeCloseTo(expected, 2);
    expect([entry.countedWeight, entry.missedTarget, entry.rank]).toEqual([90, false, 3]);
    const by = Object.fromEntries(entry.components.map((c: any) => [c.component, c]));
    expect([by.NOTICES.exempted, by.NOTICES.counted, by.NOTICES.points]).toEqual([true, false, 0]);
    expect([by.ADVANCEMENT.due, by.ADVANCEMENT.met, by.ADVANCEMENT.excluded, by.ADVANCEMENT.score]).toEqual([1, 1, 1, 100]);
    expect(entry.exemptions).toEqual([
      { projectCode: null, component: "NOTICES", reason: "特大洪灾，停工一月" },
      { projectCode: "SC-A2", component: null, reason: "地质灾害，场地封闭" },
    ]);
    // A no longer misses its target; D is still the black one.
    expect(data.scoreboard.entries.map((e: any) => e.mark)).toEqual(["RED", "NONE", "NONE", "BLACK"]);

    const revoke = `mutation($input: RevokeScoringExemptionInput!) { revokeScoringExemption(input: $input) { __typename } }`;
    for (const granted of [component, project]) {
      const revoked = await server.gql(revoke, { input: { exemptionId: granted.data.grantScoringExemption.exemption.id } }, office);
      expect(revoked.data.revokeScoringExemption.__typename).toBe("RevokeScoringExemptionSuccess");
    }
    const after = await server.gql(SCOREBOARD, { p: PERIOD }, team);
    expect(after.data.scoreboard.entries.find((e: any) => e.unit.code === "jtj").score).toBeCloseTo(handScores().aTotal, 2);
    expect(await server.db.prisma.auditEvent.count({ where: { entity: "ScoringExemption" } })).toBe(4);
  });

  it("refuses a scheme whose weights do not sum to 100", async () => {
    const bad = { ...SCHEME, weights: SCHEME.weights.map((w) => (w.component === "NOTICES" ? { ...w, weight: 15 } : w)) };
    const { data } = await server.gql(
      `mutation($input: SaveScoringSchemeInput!) { saveScoringScheme(input: $input) { __typename ... on ValidationError { field message } } }`,
      { input: bad },
      office,
    );
    expect(data.saveScoringScheme).toEqual({ __typename: "ValidationError", field: "weights", message: "各项权重之和应为 100，现为 105" });
  });

  it("publishes once (audited, frozen); publishing again changes nothing; recomputing after later records gives the same numbers", async () => {
    const owners = await server.gql(SCOREBOARD, { p: PERIOD }, owner);
    expect(owners.errors?.[0]?.extensions?.code).toBe("FORBIDDEN"); // not published yet

    const live = (await server.gql(SCOREBOARD, { p: PERIOD }, team)).data.scoreboard;
    const auditBefore = await server.db.prisma.auditEvent.count();
    const first = await server.gql(PUBLISH, { input: { period: PERIOD } }, office);
    expect(first.data.publishScoreboard.__typename).toBe("PublishScoreboardSuccess");
    expect(first.data.publishScoreboard.alreadyPublished).toBe(false);
    expect(first.data.publishScoreboard.scoreboard.entries).toEqual(live.entries);
    expect(await server.db.prisma.auditEvent.count()).toBe(auditBefore + 1);
    const event = await server.db.prisma.auditEvent.findFirstOrThrow({ where: { action: "scoreboard.publish" } });
    expect([event.entityId, (event.after as any).schemeVersion]).toEqual([PERIOD, 2]);

    const second = await server.gql(PUBLISH, { input: { period: PERIOD } }, office);
    expect(second.data.publishScoreboard.alreadyPublished).toBe(true);
    expect(second.data.publishScoreboard.scoreboard.entries).toEqual(live.entries);
    expect(await server.db.prisma.auditEvent.count()).toBe(auditBefore + 1);
    const chain = await server.gql(`{ auditChain { valid length } }`, {}, office);
    expect(chain.data.auditChain).toEqual({ valid: true, length: auditBefore + 1 });

    // Others may not publish; a period not yet over cannot be published.
    expect((await server.gql(PUBLISH, { input: { period: "2025-Q1" } }, team)).data.publishScoreboard.__typename).toBe("ForbiddenError");
    const thisYear = String(new Date().getUTCFullYear() + 1);
    expect((await server.gql(PUBLISH, { input: { period: thisYear } }, office)).data.publishScoreboard.__typename).toBe("ValidationError");

    // Records dated after the period's end, and a new scheme version: the published numbers hold.
    await server.db.prisma.milestone.update({ where: { id: ids.a1Open! }, data: { actualDate: day("2025-07-05") } });
    await server.db.prisma.supervisionNotice.update({ where: { id: ids.d1Notice! }, data: { state: "REPLIED", reply: "补复", repliedAt: at("2025-07-01T02:00:00Z"), replyLate: true } });
    await server.db.prisma.stageTransition.create({ data: { projectId: ids.d1!, fromStage: "PREPARATION", toStage: "STARTED", kind: "FORWARD", at: at("2025-07-02T02:00:00Z") } });
    await report(ids.c1!, "2025-06", "900", "2025-07-02T02:00:00Z");
    await blocker(ids.d1!, "2025-06-20T00:00:00Z", "2025-07-01T00:00:00Z");
    await milestone(ids.d1!, "2025-07-15", "2025-07-10");
    await server.gql(
      `mutation($input: SaveScoringSchemeInput!) { saveScoringScheme(input: $input) { __typename } }`,
      { input: { ...SCHEME, redCount: 3, passMark: 90 } },
      office,
    );

    const frozen = (await server.gql(SCOREBOARD, { p: PERIOD }, team)).data.scoreboard;
    const recomputed = (await server.gql(RECOMPUTED, { p: PERIOD }, team)).data.recomputedScoreboard;
    expect(frozen.published).toBe(true);
    expect(frozen.publishedBy).toEqual({ username: "office" });
    expect(frozen.entries).toEqual(live.entries);
    expect(recomputed.entries).toEqual(live.entries);
    expect(recomputed.schemeVersion).toBe(2);

    // The owner reads the published list now; the history lists it.
    const ownerView = await server.gql(SCOREBOARD, { p: PERIOD }, owner);
    expect(ownerView.data.scoreboard.entries.map((e: any) => e.unit.code)).toEqual(["zjj", "fgj", "jtj", "jkj"]);
    const history = await server.gql(`{ scoreboardPublications { period schemeVersion entryCount publishedBy { username } } }`, {}, owner);
    expect(history.data.scoreboardPublications).toEqual([{ period: PERIOD, schemeVersion: 2, entryCount: 4, publishedBy: { username: "office" } }]);
  });

  it("exports the ranked table with its drill-down and the published lists as XLSX", async () => {
    const download = async (path: string, token: string) => {
      const response = await fetch(`${server.url}/export/supervision/${path}`, { headers: { authorization: `Bearer ${token}` } });
      return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
    };
    const file = await download(`scoreboard.xlsx?period=${PERIOD}`, owner);
    expect(file.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body as unknown as ArrayBuffer);
    const ranking = book.getWorksheet("红黑榜")!;
    expect(ranking.getRow(2).values).toEqual([undefined, 1, "渠县住房和城乡建设局", 100, "红榜", "达标", 100]);
    expect(book.getWorksheet("得分明细")!.rowCount).toBe(1 + 4 * 6);
    expect((await download("scoreboard.xlsx?period=2025-Q1", owner)).status).toBe(403);
    expect((await download("scoreboard.xlsx?period=2025-Q5", team)).status).toBe(400);
    expect((await download("publications.xlsx", owner)).status).toBe(200);
    expect((await download("exemptions.xlsx", owner)).status).toBe(404);
    expect((await download("exemptions.xlsx", team)).status).toBe(200);
  });

  it("refuses a malformed period", async () => {
    const { errors } = await server.gql(SCOREBOARD, { p: "2025-13" }, team);
    expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("lets the leading group and auditors read the live computation, and not owners", async () => {
    const leader = await server.signIn("leader", "LEADER");
    const auditor = await server.signIn("auditor", "AUDITOR");
    for (const token of [leader, auditor]) {
      const { data } = await server.gql(RECOMPUTED, { p: "2025-Q3" }, token);
      expect(data.recomputedScoreboard.published).toBe(false);
    }
    expect((await server.gql(RECOMPUTED, { p: "2025-Q3" }, owner)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await server.gql(`{ scoringExemptions { id } }`, {}, owner)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const publish = await server.gql(PUBLISH, { input: { period: "2025-Q3" } }, leader);
    expect(publish.data.publishScoreboard.__typename).toBe("ForbiddenError");
  });
});
