// A labelled field with its hint and error, for every form that edits a project (the drawer's forms
// and 项目入库). Its classes are in fields.css; a form sets only its own spacing around them.
import { useId, type ReactNode } from "react";
import "./fields.css";

/** What a field's control needs to be labelled and to point at its hint and error. */
export interface FieldControlProps {
  id: string;
  "aria-invalid": boolean;
  "aria-describedby": string | undefined;
  "aria-required": boolean | undefined;
}

interface FormFieldProps {
  /** The control's id when the form needs to know it (e.g. "intake-name"); otherwise one is made. */
  id?: string;
  label: string;
  /** The failed check or the server's ValidationError for this field, in Chinese. */
  error?: string | null;
  hint?: ReactNode;
  required?: boolean;
  /** e.g. `drawer-field--wide` to span the form's two columns. */
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/** A labelled control with its error in Chinese beneath it, when there is one, then its hint. */
export function FormField({ id: givenId, label, error, hint, required, className, children }: FormFieldProps) {
  const madeId = useId();
  const id = givenId ?? madeId;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error && errorId, hint && hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label className="field__label" htmlFor={id}>
        {label}
        {required && (
          <span className="field__required" aria-hidden="true">
            *
          </span>
        )}
      </label>
      {children({ id, "aria-invalid": Boolean(error), "aria-describedby": describedBy, "aria-required": required || undefined })}
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}
