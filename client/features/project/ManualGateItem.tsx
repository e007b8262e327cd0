// A MANUAL gate item for those who may edit: tick it (saved at once, with the 文号 typed so far), or
// type its 文号 and save. A failed save keeps the box and the text as the user left them.
import { useId, useState } from "react";
import type { ResultOf } from "../../graphql";
import type { GateSectionFragment } from "./GateSection";
import { checkText } from "./validation";
import { useSaving } from "./useSaving";
import { useSetGateItem } from "./useSetGateItem";

type GateItem = ResultOf<typeof GateSectionFragment>["gate"][number];

interface ManualGateItemProps {
  projectId: string;
  item: GateItem;
  onSaved: () => Promise<unknown>;
}

export function ManualGateItem({ projectId, item, onSaved }: ManualGateItemProps) {
  const setGateItem = useSetGateItem();
  const [saving, runSave] = useSaving();
  const [done, setDone] = useState(item.done);
  const [reference, setReference] = useState(item.reference ?? "");
  const [failure, setFailure] = useState<string | null>(null);
  const referenceId = useId();
  const failureId = useId();
  const dirty = done !== item.done || reference.trim() !== (item.reference ?? "");

  function save(nextDone: boolean) {
    void runSave(async () => {
      const invalid = checkText(reference, "文号");
      setFailure(invalid);
      if (invalid) return;
      const trimmed = reference.trim();
      const outcome = await setGateItem({
        input: { projectId, requirementId: item.requirement.id, done: nextDone, reference: trimmed === "" ? null : trimmed },
      });
      if (outcome.ok) await onSaved();
      else setFailure(`保存失败：${outcome.message}`);
    });
  }

  return (
    <li className={`gate-item gate-item--manual${item.done ? " gate-item--done" : ""}`} aria-busy={saving}>
      <div className="gate-item__main">
        <label className="gate-item__check">
          <input
            type="checkbox"
            checked={done}
            disabled={saving}
            onChange={(event) => {
              setDone(event.target.checked);
              save(event.target.checked);
            }}
          />{" "}
          {item.label}
        </label>
        <form
          className="gate-item__reference"
          onSubmit={(event) => {
            event.preventDefault();
            save(done);
          }}
          noValidate
        >
          <label className="visually-hidden" htmlFor={referenceId}>
            {item.label} 文号
          </label>
          <input
            id={referenceId}
            className="input input--small"
            type="text"
            placeholder="文号（选填），如 渠发改审批〔2024〕12号"
            value={reference}
            aria-invalid={Boolean(failure)}
            aria-describedby={failure ? failureId : undefined}
            onChange={(event) => setReference(event.target.value)}
          />
          <button className="button button--small" type="submit" disabled={saving || !dirty} aria-label={`保存「${item.label}」的文号`}>
            {saving ? "正在保存…" : "保存"}
          </button>
        </form>
        {failure && (
          <p className="form-message form-message--error" role="alert" id={failureId}>
            {failure}
          </p>
        )}
      </div>
    </li>
  );
}
