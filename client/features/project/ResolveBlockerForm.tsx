import { useState, type FormEvent } from "react";
import { FormActions } from "./FormActions";
import { FormField } from "./FormField";
import { useChangeForm } from "./useChangeForm";
import { useResolveBlocker } from "./useResolveBlocker";
import { checkText, failedChecks } from "./validation";

const FIELDS = ["resolution"] as const;

interface ResolveBlockerFormProps {
  blockerId: string;
  onSaved: () => Promise<unknown>;
  onCancel: () => void;
}

/** 标记解决: how the blocker was resolved (required). */
export function ResolveBlockerForm({ blockerId, onSaved, onCancel }: ResolveBlockerFormProps) {
  const resolveBlocker = useResolveBlocker();
  const form = useChangeForm(FIELDS, "保存失败：");
  const [resolution, setResolution] = useState("");

  function submit(event: FormEvent) {
    event.preventDefault();
    void form.submit(
      failedChecks({ resolution: checkText(resolution, "解决情况", true) }),
      () => resolveBlocker({ input: { blockerId, resolution: resolution.trim() } }),
      onSaved,
    );
  }

  return (
    <form ref={form.formRef} className="drawer-form drawer-form--inline" onSubmit={submit} noValidate aria-label="标记解决">
      <FormField label="解决情况" required error={form.errors.resolution}>
        {(control) => (
          <textarea
            className="input drawer-textarea"
            rows={2}
            autoFocus
            placeholder="如：县自然资源局已出具用地预审意见"
            {...control}
            value={resolution}
            onChange={(event) => setResolution(event.target.value)}
          />
        )}
      </FormField>
      <FormActions saving={form.saving} failure={form.failureText} submitLabel="确认解决" onCancel={onCancel} />
    </form>
  );
}
