// 红黑榜 scores: the per-unit figures (figures.ts, aggregated in SQL) turned into component scores,
// points, a total, a rank and a mark by the scheme. Every number of an entry is kept with it, so the
// drill-down explains every point and a published entry can be frozen as computed.
//
// Component score (0–100): a rate (met / due × 100) for milestones, advancement, reports and notices;
// investment: completed / (planned × 序时进度) × 100, at most 100; blockers: 100 when the median days
// to resolve is within the target, else 100 × target / median. Points = weight × score / 100.
// A component with nothing to count in the period, or exempted for the unit, leaves the total and its
// weight with it: total = Σ points / Σ weights of the counted components × 100. Scores, points and
// totals are rounded to two decimals.
// Rank: by total, highest first (equal totals share a rank). Red: rank ≤ redCount among units that
// reached the pass mark. Black: units below the pass mark (missed their target) whose rank counted
// from the bottom is ≤ blackCount.
import type { Tx } from "../../db/transaction.js";
import { yearElapsedShare } from "../common/calendar.js";
import { periodFigures, type Figures } from "./figures.js";
import { isoDate, type Period } from "./period.js";
import { COMPONENTS, type ComponentKey, type Scheme } from "./scheme.js";

export type ListMark = "RED" | "BLACK" | "NONE";

export interface ComponentScore {
  key: ComponentKey;
  weight: number;
  /** Counted in the total: something to count in the period and not exempted. */
  counted: boolean;
  /** Exempted for the unit in this period (force majeure). */
  exempted: boolean;
  score: number | null;
  points: number;
  figures: Figures | null;
  explanation: string;
}

export interface AppliedExemption {
  id: number;
  projectId: number | null;
  projectCode: string | null;
  projectName: string | null;
  component: ComponentKey | null;
  startDate: string;
  endDate: string;
  reason: string;
}

export interface UnitScore {
  unitId: number;
  unitCode: string;
  unitName: string;
  score: number;
  rank: number;
  mark: ListMark;
  missedTarget: boolean;
  countedWeight: number;
  components: ComponentScore[];
  exemptions: AppliedExemption[];
}

export interface ComputedScoreboard {
  period: string;
  schemeId: number;
  schemeVersion: number;
  /** 序时进度 at the period's end. */
  yearElapsedShare: number;
  entries: UnitScore[];
}

const round2 = (value: number) => Math.round(value * 100) / 100;
const formatNumber = (value: number) => String(round2(value));

function componentScore(key: ComponentKey, f: Figures, scheme: Scheme, share: number): { score: number | null; explanation: string } {
  const rate = (label: string, metLabel: string, unit: string) =>
    f.due > 0
      ? { score: round2((f.met / f.due) * 100), explanation: `${label} ${f.due} ${unit}，${metLabel} ${f.met} ${unit}` }
      : { score: null, explanation: `本期无${label}` };
  switch (key) {
    case "MILESTONES":
      return rate("计划在本期完成的节点", "按期完成", "个");
    case "ADVANCEMENT":
      return rate("已到计划开工日期的项目", "已开工", "个");
    case "REPORTS":
      return rate("应报月度进度", "按时报送", "份");
    case "NOTICES":
      return rate("回复期限在本期的督办单", "按时回复", "件");
    case "INVESTMENT": {
      const planned = f.planned ?? 0;
      const completed = f.completed ?? 0;
      if (planned <= 0) return { score: null, explanation: "本年度无计划投资" };
      const expected = planned * share;
      return {
        score: round2(Math.min(100, (completed / expected) * 100)),
        explanation: `年度计划投资 ${formatNumber(planned)} 万元 × 序时进度 ${formatNumber(share * 100)}% = 应完成 ${formatNumber(expected)} 万元，实际完成 ${formatNumber(completed)} 万元`,
      };
    }
    case "BLOCKERS": {
      const target = scheme.config.blockerTargetDays;
      if (f.due === 0 || f.medianDays == null) return { score: null, explanation: "本期无化解的堵点" };
      const median = f.medianDays;
      return {
        score: median <= target ? 100 : round2((target / median) * 100),
        explanation: `本期化解堵点 ${f.due} 个，用时中位数 ${formatNumber(median)} 天（目标 ${target} 天以内）`,
      };
    }
  }
}

async function appliedExemptions(tx: Tx, period: Period): Promise<Map<number, AppliedExemption[]>> {
  const rows = await tx.scoringExemption.findMany({
    where: { revokedAt: null, startDate: { lte: period.endDate }, endDate: { gte: period.startDate } },
    include: { project: { select: { code: true, name: true } } },
    orderBy: { id: "asc" },
  });
  const byUnit = new Map<number, AppliedExemption[]>();
  for (const row of rows) {
    const list = byUnit.get(row.unitId) ?? [];
    list.push({
      id: row.id,
      projectId: row.projectId,
      projectCode: row.project?.code ?? null,
      projectName: row.project?.name ?? null,
      component: row.component as ComponentKey | null,
      startDate: isoDate(row.startDate),
      endDate: isoDate(row.endDate),
      reason: row.reason,
    });
    byUnit.set(row.unitId, list);
  }
  return byUnit;
}

/** The live computation of a period's scoreboard under `scheme`, in rank order. */
export async function computeScoreboard(tx: Tx, period: Period, scheme: Scheme): Promise<ComputedScoreboard> {
  const share = yearElapsedShare(period.endInstant).share;
  const figures = await periodFigures(tx, period, scheme.config.reportDueDay);
  const exemptions = await appliedExemptions(tx, period);
  const units = await tx.unit.findMany({ where: { id: { in: [...figures.keys()] }, kind: { not: "OFFICE" } } });

  const scored = units.map((unit) => {
    const unitFigures = figures.get(unit.id) ?? {};
    const unitExemptions = exemptions.get(unit.id) ?? [];
    const components = COMPONENTS.map((key): ComponentScore => {
      const weight = scheme.config.weights[key];
      const f = unitFigures[key] ?? null;
      const exemption = unitExemptions.find((e) => e.component === key);
      const computed = f ? componentScore(key, f, scheme, share) : { score: null, explanation: "本期无应计事项" };
      const excludedNote = f && f.excluded > 0 ? `（豁免项目的 ${f.excluded} 项不计）` : "";
      if (exemption) {
        return { key, weight, counted: false, exempted: true, score: computed.score, points: 0, figures: f, explanation: `已豁免（${exemption.reason}），不计分；${computed.explanation}${excludedNote}` };
      }
      if (computed.score === null) {
        return { key, weight, counted: false, exempted: false, score: null, points: 0, figures: f, explanation: `${computed.explanation}，不计分${excludedNote}` };
      }
      return { key, weight, counted: true, exempted: false, score: computed.score, points: round2((weight * computed.score) / 100), figures: f, explanation: computed.explanation + excludedNote };
    });
    const countedWeight = components.reduce((sum, c) => sum + (c.counted ? c.weight : 0), 0);
    const points = components.reduce((sum, c) => sum + c.points, 0);
    return {
      unitId: unit.id,
      unitCode: unit.code,
      unitName: unit.name,
      score: countedWeight > 0 ? round2((points / countedWeight) * 100) : 0,
      countedWeight,
      components,
      exemptions: unitExemptions,
    };
  });

  const ranked = scored.filter((s) => s.countedWeight > 0).sort((a, b) => b.score - a.score || a.unitCode.localeCompare(b.unitCode));
  const { passMark, redCount, blackCount } = scheme.config;
  const entries = ranked.map((s): UnitScore => {
    const rank = 1 + ranked.filter((o) => o.score > s.score).length;
    const missedTarget = s.score < passMark;
    const rankFromBottom = 1 + ranked.filter((o) => o.score < passMark && o.score < s.score).length;
    const mark: ListMark = !missedTarget && rank <= redCount ? "RED" : missedTarget && rankFromBottom <= blackCount ? "BLACK" : "NONE";
    return { ...s, rank, mark, missedTarget };
  });
  return { period: period.key, schemeId: scheme.id, schemeVersion: scheme.version, yearElapsedShare: share, entries };
}

