import { useState, type FormEvent } from "react";
import { todayInChina } from "../../app/useActionParam";
import { FormActions } from "./FormActions";
import { FormField } from "./FormField";
import { useChangeForm } from "./useChangeForm";
import { useCompleteMilestone } from "./useCompleteMilestone";
import { checkPastDate, failedChecks } from "./validation";

const FIELDS = ["actualDate"] as const;

interface CompleteMilestoneFormProps {
  milestone: { id: string; name: string };
  onSaved: () => Promise<unknown>;
  onCancel: () => void;
}

/** 完成: the date a milestone was done, today (in China) by default and never later. */
export function CompleteMilestoneForm({ milestone, onSaved, onCancel }: CompleteMilestoneFormProps) {
  const completeMilestone = useCompleteMilestone();
  const form = useChangeForm(FIELDS, "保存失败：");
  const today = todayInChina();
  const [actualDate, setActualDate] = useState(today);

  function submit(event: FormEvent) {
    event.preventDefault();
    void form.submit(
      failedChecks({ actualDate: checkPastDate(actualDate, "完成日期", today, true) }),
      () => completeMilestone({ input: { milestoneId: milestone.id, actualDate } }),
      onSaved,
    );
  }

  return (
    <form ref={form.formRef} className="drawer-form drawer-form--inline" onSubmit={submit} noValidate aria-label={`完成节点：${milestone.name}`}>
      <FormField label="实际完成日期" required error={form.errors.actualDate}>
        {(control) => (
          <input className="input" type="date" max={today} autoFocus {...control} value={actualDate} onChange={(event) => setActualDate(event.target.value)} />
        )}
      </FormField>
      <FormActions saving={form.saving} failure={form.failureText} submitLabel="确认完成" onCancel={onCancel} />
    </form>
  );
}
