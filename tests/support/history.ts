// Projects with a scripted history for the bottleneck and meeting tests: transitions at given
// instants, milestones, blockers, a 2025 annual plan and monthly reports, written straight to the database.
import type { BlockerKind, Stage } from "@prisma/client";
import { recordFixture } from "./projects.js";
import type { Database } from "../../server/db/client.js";

export interface Script {
  code: string;
  /** The action (default 2); the project is filed under its first sub-task. */
  action?: number;
  unit?: string;
  steps: [Stage, string][];
  plannedStart?: string;
  milestones?: { planned: string; done?: string }[];
  blockers?: { kind: BlockerKind; raised: string; resolved?: string }[];
  plan2025?: string;
  reports?: { month: string; amount: string; reported: string }[];
  /** When the project was archived, if it was. */
  archived?: string;
}

/** A project with exactly the given history (stage, instant), milestones, blockers, plan and reports. */
export async function scripted(db: Database, s: Script) {
  const action = await db.prisma.action.findUniqueOrThrow({ where: { code: s.action ?? 2 }, include: { subTasks: true } });
  const unit = await db.prisma.unit.findUniqueOrThrow({ where: { code: s.unit ?? "zjj" } });
  const last = s.steps.at(-1)!;
  const project = await db.prisma.project.create({
    data: {
      code: s.code,
      name: `瓶颈测试 ${s.code}`,
      actionId: action.id,
      subTaskId: action.subTasks[0]!.id,
      responsibleUnitId: unit.id,
      ownerUnitId: unit.id,
      stage: last[0],
      version: s.steps.length,
      stageEnteredAt: new Date(last[1]),
      archivedAt: s.archived ? new Date(s.archived) : null,
      totalInvestment: "5000",
      plannedStart: s.plannedStart ? new Date(s.plannedStart) : null,
      transitions: {
        create: s.steps.map(([to, at], i) => ({
          fromStage: i === 0 ? null : s.steps[i - 1]![0],
          toStage: to,
          kind: i === 0 ? "INTAKE" : "FORWARD",
          at: new Date(at),
        })),
      },
      milestones: {
        create: (s.milestones ?? []).map((m, i) => ({
          name: `节点 ${i + 1}`,
          position: i,
          plannedDate: new Date(m.planned),
          actualDate: m.done ? new Date(m.done) : null,
        })),
      },
      blockers: {
        create: (s.blockers ?? []).map((b) => ({
          kind: b.kind,
          description: `${b.kind} 堵点`,
          raisedAt: new Date(b.raised),
          resolvedAt: b.resolved ? new Date(b.resolved) : null,
          resolution: b.resolved ? "已协调解决" : null,
        })),
      },
      annualPlans: { create: s.plan2025 ? [{ year: 2025, plannedInvestment: s.plan2025 }] : [] },
      progressReports: {
        create: (s.reports ?? []).map((r) => ({
          month: r.month,
          investmentThisMonth: r.amount,
          narrative: "按计划推进",
          reportedAt: new Date(r.reported),
        })),
      },
    },
  });
  await recordFixture(db, project);
  return project;
}
