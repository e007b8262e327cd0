import { useId, type ReactNode } from "react";

/** What a field's control needs to be labelled and to point at its hint and error. */
export interface FieldControlProps {
  id: string;
  "aria-invalid": boolean;
  "aria-describedby": string | undefined;
}

interface FormFieldProps {
  label: string;
  /** The failed check or the server's ValidationError for this field, in Chinese. */
  error?: string | null;
  hint?: ReactNode;
  required?: boolean;
  /** e.g. `drawer-field--wide` to span the form's two columns. */
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/** A labelled field of a drawer form, with its hint and its error message under the control. */
export function FormField({ label, error, hint, required, className, children }: FormFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error && errorId, hint && hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className ? `drawer-field ${className}` : "drawer-field"}>
      <label className="drawer-field__label" htmlFor={id}>
        {label}
        {required && (
          <span className="drawer-field__required" aria-hidden="true">
            *
          </span>
        )}
      </label>
      {children({ id, "aria-invalid": Boolean(error), "aria-describedby": describedBy })}
      {hint && (
        <p className="drawer-field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="drawer-field__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
