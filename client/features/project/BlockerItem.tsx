import { useState } from "react";
import type { ResultOf } from "../../graphql";
import type { BlockersSectionFragment } from "./BlockersSection";
import { BLOCKER_LABELS, formatDateTime } from "./labels";
import { ResolveBlockerForm } from "./ResolveBlockerForm";
import { useReturnFocus } from "./useReturnFocus";

type Blocker = ResultOf<typeof BlockersSectionFragment>["blockers"][number];

interface BlockerItemProps {
  blocker: Blocker;
  mayEdit: boolean;
  onSaved: () => Promise<unknown>;
}

/** One blocker: its kind, state and text; an open one can be resolved by those who may edit. */
export function BlockerItem({ blocker, mayEdit, onSaved }: BlockerItemProps) {
  const [resolving, setResolving] = useState(false);
  const resolveButton = useReturnFocus<HTMLButtonElement>(resolving);
  const open = blocker.resolvedAt === null;
  return (
    <li className={`blocker${open ? " blocker--open" : " blocker--resolved"}`}>
      <div className="blocker__top">
        <p className="blocker__head">
          <span className="blocker__kind">{BLOCKER_LABELS[blocker.kind]}</span>
          <span className="blocker__state">{open ? "待协调" : "已解决"}</span>
          <span className="blocker__date">{formatDateTime(blocker.raisedAt)} 提出</span>
        </p>
        {open && mayEdit && !resolving && (
          <button ref={resolveButton} className="button button--small" type="button" onClick={() => setResolving(true)}>
            标记解决
          </button>
        )}
      </div>
      <p className="blocker__text">{blocker.description}</p>
      {blocker.resolvedAt && (
        <p className="blocker__resolution">
          {formatDateTime(blocker.resolvedAt)} 解决{blocker.resolution ? `：${blocker.resolution}` : ""}
        </p>
      )}
      {open && resolving && <ResolveBlockerForm blockerId={blocker.id} onSaved={onSaved} onCancel={() => setResolving(false)} />}
    </li>
  );
}
