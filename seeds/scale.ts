// `--scale N`: N generated projects with plausible histories, for benchmarks. Deterministic.
import type { FundingKind, Stage } from "@prisma/client";
import type { Database } from "../server/db/client.js";
import { STAGES } from "../server/modules/common/stage.js";
import { insertProjects, type SeedProject } from "./projects.js";
import { createRandom, type Random } from "./random.js";

const KINDS_BY_ACTION: Record<number, string[]> = {
  1: ["标准化厂房", "农产品加工园", "物流仓储中心", "商业街区提升", "电商服务中心"],
  2: ["市政道路改造", "雨污分流管网", "供水管网更新", "停车场建设", "智慧路灯改造"],
  3: ["学校扩建", "卫生院改造", "社区养老服务中心", "文化活动中心", "全民健身中心"],
  4: ["口袋公园", "河道综合治理", "垃圾转运站", "绿道建设", "地灾隐患治理"],
  5: ["乡镇污水处理厂", "农村公路提升", "村级便民服务中心", "集中安置点", "冷链物流点"],
};

// Roughly the demo's spread: most projects are under construction, some stuck in preparation.
const STAGE_WEIGHTS: [Stage, number][] = [
  ["RESERVE", 0.15],
  ["PREPARATION", 0.2],
  ["STARTED", 0.1],
  ["UNDER_CONSTRUCTION", 0.35],
  ["COMPLETED", 0.2],
];

// About five transitions a project on average: 20,000 projects give about 100,000.
const SETBACK_CHANCE = 0.45;
const SETBACK_NOTES = [
  "审批部门要求补充材料，退回重新办理",
  "用地手续未完成，暂缓推进",
  "资金未落实，退回上一阶段",
  "设计方案调整，重新履行前期程序",
];

const FUNDING: FundingKind[] = ["BOND", "HIGHER_LEVEL_SPECIAL", "BANK_LOAN", "FISCAL", "SOCIAL_CAPITAL"];
const DAY = 86_400_000;

function pickStage(random: Random): Stage {
  let r = random.next();
  for (const [stage, weight] of STAGE_WEIGHTS) {
    if ((r -= weight) < 0) return stage;
  }
  return "COMPLETED";
}

export async function seedScale(db: Database, count: number, now = new Date()): Promise<number> {
  const { prisma } = db;
  const random = createRandom(4000 + count);
  const subTasks = await prisma.subTask.findMany({ include: { action: true } });
  const units = await prisma.unit.findMany({ where: { kind: { not: "OFFICE" } } });
  const townships = units.filter((u) => u.kind === "TOWNSHIP");
  if (subTasks.length === 0 || units.length === 0) throw new Error("load the reference data first");
  const existing = await prisma.project.count({ where: { code: { startsWith: "GEN-" } } });
  const start = new Date("2023-01-01T00:00:00Z").getTime();
  const span = now.getTime() - start;

  const projects: SeedProject[] = [];
  for (let i = 1; i <= count; i++) {
    const n = existing + i;
    const subTask = random.pick(subTasks);
    const township = random.chance(0.8) ? random.pick(townships) : null;
    const stage = pickStage(random);
    const steps = STAGES.indexOf(stage);
    // Intake somewhere in the first part of the period, then one move every 1–8 months.
    let at = start + random.next() * span * 0.5;
    const history: SeedProject["history"] = [{ stage: "RESERVE", at: new Date(at) }];
    for (let s = 1; s <= steps; s++) {
      at = Math.min(now.getTime() - DAY, at + random.int(30, 240) * DAY);
      history.push({ stage: STAGES[s]!, at: new Date(at) });
      // Often a stage is not kept at the first try: 退回 with a reason, then on again.
      if (random.chance(SETBACK_CHANCE)) {
        at = Math.min(now.getTime() - DAY, at + random.int(10, 60) * DAY);
        history.push({ stage: STAGES[s - 1]!, at: new Date(at), note: random.pick(SETBACK_NOTES) });
        at = Math.min(now.getTime() - DAY, at + random.int(10, 90) * DAY);
        history.push({ stage: STAGES[s]!, at: new Date(at) });
      }
    }
    const totalCents = random.int(50, 50_000) * 10_000;
    const kinds = FUNDING.filter(() => random.chance(0.5));
    const funding = kinds.length > 0 ? kinds : ["FISCAL" as FundingKind];
    const per = Math.floor(totalCents / funding.length);
    const doneShare = { RESERVE: 0, PREPARATION: 0, STARTED: 0.05, UNDER_CONSTRUCTION: 0.5, COMPLETED: 1 }[stage];
    const plannedStart = new Date(history[0]!.at.getTime() + random.int(60, 300) * DAY);
    projects.push({
      code: `GEN-${String(n).padStart(6, "0")}`,
      name: `${township?.shortName ?? "县城"}${random.pick(KINDS_BY_ACTION[subTask.action.code]!)}项目（${n}）`,
      description: "生成的示例项目，用于性能测试",
      actionId: subTask.actionId,
      subTaskId: subTask.id,
      responsibleUnitId: random.pick(units).id,
      ownerUnitId: random.pick(units).id,
      townshipId: township?.id ?? null,
      totalInvestment: (totalCents / 100).toFixed(2),
      completedInvestment: ((Math.floor(totalCents * doneShare * (0.6 + 0.4 * random.next()))) / 100).toFixed(2),
      fundingSources: funding.map((kind, k) => ({
        kind,
        amount: ((k === funding.length - 1 ? totalCents - per * (funding.length - 1) : per) / 100).toFixed(2),
      })),
      plannedStart,
      plannedCompletion: new Date(plannedStart.getTime() + random.int(300, 1000) * DAY),
      targetQuantity: null,
      targetUnit: null,
      illustrative: true,
      history,
    });
  }
  await insertProjects(db, projects, { now, random, maxReports: 6, auditAction: "project.generate", stageSettings: await db.prisma.stageSetting.findMany() });
  // A bulk load leaves the planner's statistics describing the empty tables until autovacuum comes
  // round (without them it estimates one row per stage and reads the board ~20× slower), and the
  // visibility map unset (no index-only scans for the board's column sums).
  await db.sql.query("VACUUM ANALYZE");
  return count;
}
