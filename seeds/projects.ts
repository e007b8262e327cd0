// Inserts projects together with a consistent past: stage transitions, annual plans, funding,
// milestones, monthly progress reports, blockers and one audit event per project. Used by the demo
// set and by `--scale N`; it writes in bulk so that tens of thousands of projects load quickly.
import type { BlockerKind, FundingKind, Stage } from "@prisma/client";
import type { Database } from "../server/db/client.js";
import { AUDIT_CHAIN_LOCK, chainEvents, type ChainHead } from "../server/modules/audit/service.js";
import { STAGES, stageIndex } from "../server/modules/common/stage.js";
import { transitionKind } from "../server/modules/pipeline/service.js";
import { planMilestones, type StageSettingRow } from "../server/modules/pipeline/milestones.js";
import { bulkInsert } from "./bulk.js";
import type { Random } from "./random.js";

export interface SeedProject {
  code: string;
  name: string;
  description: string | null;
  actionId: number;
  subTaskId: number;
  responsibleUnitId: number;
  ownerUnitId: number;
  townshipId: number | null;
  totalInvestment: string;
  completedInvestment: string;
  fundingSources: { kind: FundingKind; amount: string }[];
  plannedStart: Date | null;
  plannedCompletion: Date | null;
  targetQuantity: string | null;
  targetUnit: string | null;
  illustrative: boolean;
  /** Oldest first; the first entry is the intake into 储备, the last gives the current stage. */
  history: { stage: Stage; at: Date; note?: string | null }[];
}

const DAY = 86_400_000;

const BLOCKERS: { kind: BlockerKind; description: string }[] = [
  { kind: "LAND", description: "用地指标尚未落实，等待土地报批" },
  { kind: "APPROVAL", description: "环评批复未取得，已申请容缺预审" },
  { kind: "FUNDS", description: "专项债券资金未到位" },
  { kind: "DEMOLITION", description: "征地拆迁未完成，个别户未签约" },
  { kind: "OTHER", description: "设计方案调整，等待专家评审" },
];

function month(date: Date): string {
  return date.toISOString().slice(0, 7);
}

function addMonths(date: Date, n: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + n, 1));
}

/** Splits an amount in 分 (hundredths of 万元) into n shares that add up exactly. */
function split(totalCents: number, n: number, random: Random): number[] {
  if (n <= 0) return [];
  const weights = Array.from({ length: n }, () => 0.5 + random.next());
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => Math.floor((totalCents * w) / sum));
  shares[n - 1]! += totalCents - shares.reduce((a, b) => a + b, 0);
  return shares;
}

function cents(amount: string): number {
  return Math.round(Number(amount) * 100);
}

function fromCents(value: number): string {
  return (value / 100).toFixed(2);
}

export interface InsertOptions {
  now: Date;
  random: Random;
  /** At most this many monthly progress reports per project (the latest ones). */
  maxReports?: number;
  auditAction: string;
  stageSettings: StageSettingRow[];
}

export async function insertProjects(db: Database, projects: SeedProject[], options: InsertOptions): Promise<void> {
  const { now, random } = options;
  for (const p of projects) validateHistory(p);

  await db.sql.transaction(async (sql) => {
    const created = await bulkInsert<{ id: number; code: string }>(
      sql,
      "project",
      [
        "code", "name", "description", "action_id", "sub_task_id", "responsible_unit_id", "owner_unit_id",
        "township_id", "stage", "version", "stage_entered_at", "total_investment", "completed_investment",
        "planned_start", "planned_completion", "target_quantity", "target_unit", "illustrative", "created_at", "updated_at",
      ],
      projects.map((p) => {
        const last = p.history[p.history.length - 1]!;
        return [
          p.code, p.name, p.description, p.actionId, p.subTaskId, p.responsibleUnitId, p.ownerUnitId,
          p.townshipId, last.stage, p.history.length, last.at, p.totalInvestment, p.completedInvestment,
          p.plannedStart, p.plannedCompletion, p.targetQuantity, p.targetUnit, p.illustrative, p.history[0]!.at, now,
        ];
      }),
      "id, code",
    );
    const ids = new Map(created.map((row) => [row.code, row.id]));
    const requirements = await sql.query<{ id: number; from_stage: Stage; check: string }>(
      `SELECT id, from_stage, "check" FROM gate_requirement WHERE active ORDER BY position`,
    );
    const gateItems: unknown[][] = [];
    const accepted: unknown[][] = [];

    const transitions: unknown[][] = [];
    const funding: unknown[][] = [];
    const plans: unknown[][] = [];
    const milestones: unknown[][] = [];
    const reports: unknown[][] = [];
    const blockers: unknown[][] = [];
    for (const p of projects) {
      const projectId = ids.get(p.code)!;
      p.history.forEach((h, i) => {
        const from = i === 0 ? null : p.history[i - 1]!.stage;
        transitions.push([projectId, from, h.stage, from === null ? "INTAKE" : transitionKind(from, h.stage), h.at, h.note ?? null]);
      });
      for (const f of p.fundingSources) funding.push([projectId, f.kind, f.amount]);
      plans.push(...annualPlans(p, random).map((r) => [projectId, ...r]));
      milestones.push(...projectMilestones(p, now, options.stageSettings).map((r) => [projectId, ...r]));
      gateItems.push(...projectGateItems(p, requirements, now, random).map((r) => [projectId, ...r]));
      const completed = p.history.findLast((h) => h.stage === "COMPLETED");
      if (completed && p.history[p.history.length - 1]!.stage === "COMPLETED") {
        accepted.push([projectId, completed.at, `渠住建验〔${completed.at.getUTCFullYear()}〕${projectId}号`]);
      }
      reports.push(...progressReports(p, now, random, options.maxReports ?? Infinity).map((r) => [projectId, ...r]));
      blockers.push(...projectBlockers(p, now, random).map((r) => [projectId, ...r]));
    }
    await bulkInsert(sql, "stage_transition", ["project_id", "from_stage", "to_stage", "kind", "at", "note"], transitions);
    await bulkInsert(sql, "project_funding", ["project_id", "kind", "amount"], funding);
    await bulkInsert(sql, "project_annual_plan", ["project_id", "year", "planned_investment"], plans);
    await bulkInsert(sql, "milestone", ["project_id", "name", "stage", "position", "planned_date", "actual_date"], milestones);
    await bulkInsert(
      sql,
      "progress_report",
      ["project_id", "month", "investment_this_month", "narrative", "problems", "reported_at"],
      reports,
    );
    await bulkInsert(sql, "blocker", ["project_id", "kind", "description", "raised_at", "resolved_at", "resolution"], blockers);
    await bulkInsert(sql, "project_gate_item", ["project_id", "requirement_id", "done", "reference", "updated_at"], gateItems);
    for (let i = 0; i < accepted.length; i += 5000) {
      const chunk = accepted.slice(i, i + 5000);
      await sql.query(
        `UPDATE project p SET acceptance_date = (v.at AT TIME ZONE 'UTC')::date, acceptance_ref = v.ref
           FROM unnest($1::int[], $2::timestamptz[], $3::text[]) AS v(id, at, ref) WHERE p.id = v.id`,
        [chunk.map((r) => r[0]), chunk.map((r) => (r[1] as Date).toISOString()), chunk.map((r) => r[2])],
      );
    }

    // One audit event per project, chained under the same lock every writer takes.
    await sql.query("SELECT pg_advisory_xact_lock($1)", [AUDIT_CHAIN_LOCK]);
    const [head] = await sql.query<ChainHead>("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1");
    const events = chainEvents(
      head ?? null,
      projects.map((p) => {
        const projectId = ids.get(p.code)!;
        const last = p.history[p.history.length - 1]!;
        return {
          actorId: null,
          entity: "Project",
          entityId: projectId,
          projectId,
          action: options.auditAction,
          after: { code: p.code, name: p.name, stage: last.stage, version: p.history.length },
          at: now,
        };
      }),
    );
    await bulkInsert(
      sql,
      "audit_event",
      ["seq", "at", "actor_id", "entity", "entity_id", "project_id", "action", "before", "after", "request_id", "prev_hash", "hash"],
      events.map((e) => [e.seq, e.at, e.actorId, e.entity, e.entityId, e.projectId, e.action, e.before, e.after, e.requestId, e.prevHash, e.hash]),
    );
  });
}

function validateHistory(p: SeedProject): void {
  const first = p.history[0];
  if (!first || first.stage !== "RESERVE") throw new Error(`${p.code}: history must start in RESERVE`);
  for (let i = 1; i < p.history.length; i++) {
    const prev = p.history[i - 1]!;
    const cur = p.history[i]!;
    if (cur.at < prev.at) throw new Error(`${p.code}: history is not in date order`);
    if (cur.stage === prev.stage) throw new Error(`${p.code}: history repeats ${cur.stage}`);
  }
}

/** [year, planned investment] rows that add up to the total. */
function annualPlans(p: SeedProject, random: Random): unknown[][] {
  const start = (p.plannedStart ?? p.history[0]!.at).getUTCFullYear();
  const end = Math.max(start, (p.plannedCompletion ?? p.history[0]!.at).getUTCFullYear());
  const years = Array.from({ length: end - start + 1 }, (_, i) => start + i);
  const shares = split(cents(p.totalInvestment), years.length, random);
  return years.map((year, i) => [year, fromCents(shares[i]!)]);
}

/** When the project left each stage, if it has (the last time, after any move back). */
function exits(p: SeedProject): Map<Stage, Date> {
  const left = new Map<Stage, Date>();
  for (let i = 1; i < p.history.length; i++) {
    const prev = p.history[i - 1]!;
    const cur = p.history[i]!;
    if (stageIndex(cur.stage) > stageIndex(prev.stage)) left.set(prev.stage, cur.at);
    else for (const s of STAGES.slice(stageIndex(cur.stage))) left.delete(s);
  }
  return left;
}

/** [name, stage, position, planned date, actual date] rows, planned backwards from completion (倒排工期). */
function projectMilestones(p: SeedProject, now: Date, settings: StageSettingRow[]): unknown[][] {
  const completion = p.plannedCompletion ?? new Date(p.history[0]!.at.getTime() + 3 * 365 * DAY);
  const left = exits(p);
  return planMilestones(completion, settings).map((m) => {
    const actual = left.get(m.stage) ?? null;
    return [m.name, m.stage, m.position, m.plannedDate, actual && actual <= now ? actual : null];
  });
}

/**
 * [requirement id, done, reference, updated at] rows: every ticked item of the gates the project has
 * passed, and some of the gate it stands before.
 */
function projectGateItems(
  p: SeedProject,
  requirements: { id: number; from_stage: Stage; check: string }[],
  now: Date,
  random: Random,
): unknown[][] {
  const current = stageIndex(p.history[p.history.length - 1]!.stage);
  return requirements
    .filter((r) => r.check === "MANUAL")
    .flatMap((r) => {
      const gate = stageIndex(r.from_stage);
      const passed = gate < current;
      if (!passed && !(gate === current && random.chance(0.5))) return [];
      const at = p.history.find((h) => stageIndex(h.stage) > gate)?.at ?? now;
      return [[r.id, true, `渠发改〔${at.getUTCFullYear()}〕${random.int(1, 300)}号`, at]];
    });
}

/** [month, investment this month, narrative, problems, reported at] rows that add up to completed investment. */
function progressReports(p: SeedProject, now: Date, random: Random, maxReports: number): unknown[][] {
  const started = p.history.find((h) => h.stage === "STARTED")?.at;
  if (!started || cents(p.completedInvestment) === 0) return [];
  const completed = p.history.find((h) => h.stage === "COMPLETED")?.at ?? now;
  const months: Date[] = [];
  for (let m = addMonths(started, 0); m < completed && m < addMonths(now, 0); m = addMonths(m, 1)) months.push(m);
  if (months.length === 0) months.push(addMonths(started, 0));
  const shares = split(cents(p.completedInvestment), months.length, random);
  const rows = months.map((m, i) => ({
    month: month(m),
    investmentThisMonth: fromCents(shares[i]!),
    narrative: `${month(m)} 完成投资 ${fromCents(shares[i]!)} 万元，工程按计划推进。`,
    problems: random.chance(0.1) ? "雨季影响施工进度" : null,
    reportedAt: new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, random.int(1, 8))),
  }));
  // Older reports are folded into the first one kept, so the sum still equals completed investment.
  if (rows.length > maxReports) {
    const dropped = rows.slice(0, rows.length - maxReports);
    const kept = rows.slice(rows.length - maxReports);
    const carried = dropped.reduce((sum, r) => sum + cents(r.investmentThisMonth), 0);
    kept[0]!.investmentThisMonth = fromCents(cents(kept[0]!.investmentThisMonth) + carried);
    return kept.map(Object.values);
  }
  return rows.map(Object.values);
}

/** [kind, description, raised at, resolved at, resolution] rows. */
function projectBlockers(p: SeedProject, now: Date, random: Random): unknown[][] {
  const last = p.history[p.history.length - 1]!;
  const rows: unknown[][] = [];
  const dwellDays = (now.getTime() - last.at.getTime()) / DAY;
  const early = stageIndex(last.stage) <= stageIndex("STARTED");
  // Long-stuck projects usually have an open blocker; some others had one that was resolved.
  if (early && dwellDays > 150 && random.chance(0.8)) {
    const b = random.pick(BLOCKERS);
    rows.push([b.kind, b.description, new Date(last.at.getTime() + 60 * DAY), null, null]);
  }
  if (p.history.length > 2 && random.chance(0.25)) {
    const b = random.pick(BLOCKERS);
    const raised = p.history[1]!.at;
    rows.push([b.kind, b.description, raised, new Date(raised.getTime() + random.int(10, 90) * DAY), "经专班协调已解决"]);
  }
  return rows;
}
