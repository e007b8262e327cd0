import { BusyButton } from "./BusyButton";

interface FormActionsProps {
  saving: boolean;
  submitLabel: string;
  /** Why the last save failed, in Chinese; the form keeps its values. */
  failure?: string | null;
  /** Omitted for a form that is always shown. */
  onCancel?: () => void;
}

/**
 * A drawer form's foot: why the last save failed, if it did, and the buttons; the submit button shows
 * progress and is disabled while saving.
 */
export function FormActions({ saving, submitLabel, failure, onCancel }: FormActionsProps) {
  return (
    <>
      {failure && (
        <p className="form-message form-message--error" role="alert">
          {failure}
        </p>
      )}
      <div className="drawer-form__actions">
        {onCancel && (
          <button className="button button--small" type="button" onClick={onCancel} disabled={saving}>
            取消
          </button>
        )}
        <BusyButton busy={saving} busyLabel="正在保存…" type="submit" primary>
          {submitLabel}
        </BusyButton>
      </div>
    </>
  );
}
