import { useState, type FormEvent } from "react";
import type { SchemaType } from "../../graphql";
import { FormActions } from "./FormActions";
import { FormField } from "./FormField";
import { BLOCKER_KINDS, BLOCKER_LABELS } from "./labels";
import { useChangeForm } from "./useChangeForm";
import { useRaiseBlocker } from "./useRaiseBlocker";
import { checkText, failedChecks } from "./validation";

type BlockerKind = SchemaType<"BlockerKind">;

const FIELDS = ["kind", "description"] as const;

interface RaiseBlockerFormProps {
  projectId: string;
  onSaved: () => Promise<unknown>;
  onCancel: () => void;
}

/** 提出堵点: its kind (用地, 资金, 审批, …) and what the problem is. */
export function RaiseBlockerForm({ projectId, onSaved, onCancel }: RaiseBlockerFormProps) {
  const raiseBlocker = useRaiseBlocker();
  const form = useChangeForm(FIELDS, "提交失败：");
  const [kind, setKind] = useState<BlockerKind | "">("");
  const [description, setDescription] = useState("");

  function submit(event: FormEvent) {
    event.preventDefault();
    void form.submit(
      failedChecks({ kind: kind ? null : "请选择堵点类型", description: checkText(description, "问题描述", true) }),
      // Sent only once the checks pass, so with a kind.
      () => raiseBlocker({ input: { projectId, kind: kind as BlockerKind, description: description.trim() } }),
      onSaved,
    );
  }

  return (
    <form ref={form.formRef} className="drawer-form drawer-form--boxed" onSubmit={submit} noValidate aria-label="提出堵点">
      <FormField label="堵点类型" required error={form.errors.kind}>
        {(control) => (
          <select className="select" autoFocus {...control} value={kind} onChange={(event) => setKind(event.target.value as BlockerKind | "")}>
            <option value="">请选择</option>
            {BLOCKER_KINDS.map((value) => (
              <option key={value} value={value}>
                {BLOCKER_LABELS[value]}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label="问题描述" required error={form.errors.description}>
        {(control) => (
          <textarea
            className="input drawer-textarea"
            rows={3}
            placeholder="如：红线内 3 户未完成征收，影响管网施工"
            {...control}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
          />
        )}
      </FormField>
      <FormActions saving={form.saving} failure={form.failureText} submitLabel="提交" onCancel={onCancel} />
    </form>
  );
}
