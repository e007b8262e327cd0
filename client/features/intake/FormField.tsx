import type { ReactNode } from "react";

/** What a control needs to be named by its label and described by its hint and error. */
export interface ControlProps {
  id: string;
  "aria-invalid": boolean;
  "aria-describedby": string | undefined;
  "aria-required": boolean | undefined;
}

interface FormFieldProps {
  /** The control's id, e.g. "intake-name"; the error and hint ids derive from it. */
  id: string;
  label: string;
  required?: boolean;
  hint?: ReactNode;
  error?: string;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

/** A labelled control with its hint and, when there is one, its error in Chinese beneath. */
export function FormField({ id, label, required, hint, error, className, children }: FormFieldProps) {
  const hintId = hint ? `${id}-hint` : null;
  const errorId = error ? `${id}-error` : null;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={["intake-field", error ? "intake-field--invalid" : "", className ?? ""].filter(Boolean).join(" ")}>
      <label className="intake-field__label" htmlFor={id}>
        {label}
        {required && (
          <span className="intake-field__required" aria-hidden="true">
            *
          </span>
        )}
      </label>
      {children({ id, "aria-invalid": Boolean(error), "aria-describedby": describedBy, "aria-required": required || undefined })}
      {error && (
        <p className="intake-field__error" id={errorId!}>
          {error}
        </p>
      )}
      {hint && (
        <p className="intake-field__hint" id={hintId!}>
          {hint}
        </p>
      )}
    </div>
  );
}
