import { useState } from "react";
import type { ResultOf } from "../../graphql";
import { CompleteMilestoneForm } from "./CompleteMilestoneForm";
import type { MilestonesSectionFragment } from "./MilestonesSection";
import { useReturnFocus } from "./useReturnFocus";

type Milestone = ResultOf<typeof MilestonesSectionFragment>["milestones"][number];

interface MilestoneItemProps {
  milestone: Milestone;
  mayEdit: boolean;
  onSaved: () => Promise<unknown>;
}

/** A milestone on the 倒排工期 timeline: done, overdue or pending; an open one can be marked 完成. */
export function MilestoneItem({ milestone, mayEdit, onSaved }: MilestoneItemProps) {
  const [completing, setCompleting] = useState(false);
  const completeButton = useReturnFocus<HTMLButtonElement>(completing);
  const state = milestone.actualDate ? "done" : milestone.overdue ? "overdue" : "pending";
  return (
    <li className={`timeline__item timeline__item--${state}`}>
      <div className="timeline__row">
        <div className="timeline__text">
          <span className="timeline__name">{milestone.name}</span>
          <span className="timeline__dates">
            计划 {milestone.plannedDate}
            {milestone.actualDate && ` · 实际完成 ${milestone.actualDate}`}
            {state === "overdue" && <strong className="timeline__overdue"> 逾期</strong>}
          </span>
        </div>
        {mayEdit && !milestone.actualDate && !completing && (
          <button
            ref={completeButton}
            className="button button--small"
            type="button"
            aria-label={`完成：${milestone.name}`}
            onClick={() => setCompleting(true)}
          >
            完成
          </button>
        )}
      </div>
      {completing && !milestone.actualDate && (
        <CompleteMilestoneForm milestone={milestone} onSaved={onSaved} onCancel={() => setCompleting(false)} />
      )}
    </li>
  );
}
