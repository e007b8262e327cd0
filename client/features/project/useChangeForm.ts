// What the drawer's forms share when they save: check first (the failed checks shown at their fields,
// focus on the first), send only then, and show what came back: a ValidationError at the field it
// names, any other failure above the buttons. The values stay as typed whatever happens.
import { useCallback, useRef, useState } from "react";
import type { SaveFailure, SaveOutcome } from "./projectChange";
import { showErrors } from "./showErrors";
import { useSaving } from "./useSaving";
import { hasErrors, type FieldErrors } from "./validation";

export function useChangeForm<Field extends string>(
  /** The fields the form shows: a server error about another field goes above the buttons. */
  fields: readonly Field[],
  /** How a failure starts, e.g. "保存失败：". */
  failurePrefix: string,
) {
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors<string>>({});
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const [saving, run] = useSaving();

  const submit = useCallback(
    (checked: FieldErrors<string>, send: () => Promise<SaveOutcome>, onSaved: () => Promise<unknown>) =>
      run(async () => {
        setFailure(null);
        showErrors(formRef.current, () => setErrors(checked));
        if (hasErrors(checked)) return;
        const outcome = await send();
        if (outcome.ok) await onSaved();
        else if (outcome.field !== null && (fields as readonly string[]).includes(outcome.field)) {
          const field = outcome.field;
          showErrors(formRef.current, () => setErrors({ [field]: outcome.message }));
        } else setFailure(outcome);
      }),
    [run, fields],
  );

  return {
    formRef,
    errors,
    setErrors,
    saving,
    submit,
    failure,
    setFailure,
    /** The failure as the form shows it above its buttons. */
    failureText: failure && `${failurePrefix}${failure.message}`,
  };
}
