import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { STAGE_LABELS } from "./format";
import type { Stage } from "./moveRules";

interface MoveBackDialogProps {
  projectName: string;
  from: Stage;
  to: Stage;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

/** Asks for the 退回原因 before a project goes back to an earlier stage. */
export function MoveBackDialog({ projectName, from, to, onConfirm, onCancel }: MoveBackDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState("");
  const [touched, setTouched] = useState(false);
  const titleId = useId();
  const fieldId = useId();
  const errorId = useId();
  const missing = reason.trim() === "";

  // A modal <dialog> keeps focus inside and closes on Escape (its `cancel` event).
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!missing) onConfirm(reason.trim());
  }

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <form className="dialog__form" onSubmit={submit} noValidate>
        <h2 className="dialog__title" id={titleId}>
          退回项目
        </h2>
        <p className="dialog__text">
          将「{projectName}」从「{STAGE_LABELS[from]}」退回到「{STAGE_LABELS[to]}」，请说明原因。
        </p>
        <div className="form-field">
          <label className="form-field__label" htmlFor={fieldId}>
            退回原因
          </label>
          <textarea
            id={fieldId}
            className="input dialog__textarea"
            rows={4}
            required
            autoFocus
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            aria-invalid={touched && missing}
            aria-describedby={touched && missing ? errorId : undefined}
          />
          {touched && missing && (
            <p className="form-message form-message--error" id={errorId}>
              请填写退回原因。
            </p>
          )}
        </div>
        <div className="dialog__actions">
          <button className="button" type="button" onClick={onCancel}>
            取消
          </button>
          <button className="button button--primary" type="submit">
            确认退回
          </button>
        </div>
      </form>
    </dialog>
  );
}
