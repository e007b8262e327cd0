// 倒排工期: milestones planned backwards from the target completion date. Each non-final stage has a
// milestone that closes it; the last one (竣工验收) falls on the completion date, and each earlier one
// falls the next stage's default duration before the one after it. Pure functions.
import type { Stage } from "@prisma/client";
import { STAGES } from "../common/stage.js";

export interface StageSettingRow {
  stage: Stage;
  milestoneName: string;
  defaultDays: number;
}

export interface PlannedMilestone {
  stage: Stage;
  name: string;
  position: number;
  plannedDate: Date;
}

const DAY = 86_400_000;

/** The stages that have a milestone, in order: every stage but 竣工. */
export const MILESTONE_STAGES: readonly Stage[] = STAGES.slice(0, -1);

export function planMilestones(completion: Date, settings: StageSettingRow[]): PlannedMilestone[] {
  const byStage = new Map(settings.map((s) => [s.stage, s]));
  const planned: PlannedMilestone[] = [];
  let due = Date.UTC(completion.getUTCFullYear(), completion.getUTCMonth(), completion.getUTCDate());
  for (let i = MILESTONE_STAGES.length - 1; i >= 0; i--) {
    const stage = MILESTONE_STAGES[i]!;
    const setting = byStage.get(stage);
    if (!setting) throw new Error(`no stage setting for ${stage}`);
    planned.unshift({ stage, name: setting.milestoneName, position: i, plannedDate: new Date(due) });
    // The milestone before this one is due when this stage should start.
    due -= setting.defaultDays * DAY;
  }
  return planned;
}

export function startOfTodayUtc(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** A milestone is overdue when its planned date has passed and it is not done. */
export function isOverdue(milestone: { plannedDate: Date; actualDate: Date | null }, today = new Date()): boolean {
  return milestone.actualDate === null && milestone.plannedDate < startOfTodayUtc(today);
}
