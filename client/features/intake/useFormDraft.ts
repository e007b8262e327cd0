// The registration form's draft, kept in this tab's sessionStorage as it is typed: a save that fails
// because the session ran out (the app goes back to the sign-in page and drops its state) or a reload
// loses nothing. Per user, and gone with the tab.
import { useCallback, useEffect, useState } from "react";
import { emptyProjectForm, type ProjectFormValues } from "./projectForm";

function read(key: string, initial: ProjectFormValues): { values: ProjectFormValues; restored: boolean } {
  try {
    const stored = window.sessionStorage.getItem(key);
    if (!stored) return { values: initial, restored: false };
    const parsed = JSON.parse(stored) as Partial<ProjectFormValues>;
    const values: ProjectFormValues = { ...initial };
    for (const field of Object.keys(initial) as (keyof ProjectFormValues)[]) {
      const value = parsed[field];
      if (field === "fundingSources") {
        if (Array.isArray(value)) values.fundingSources = value.filter((row) => typeof row?.key === "string");
      } else if (typeof value === "string") {
        values[field] = value;
      }
    }
    // What may not be chosen (an owner's own unit) is not taken from the draft.
    if (initial.responsibleUnitId) values.responsibleUnitId = initial.responsibleUnitId;
    const empty = JSON.stringify(values) === JSON.stringify(initial);
    return { values, restored: !empty };
  } catch {
    return { values: initial, restored: false };
  }
}

/** The form's values, restored from the draft; `clear` starts afresh (after a save, or on request). */
export function useFormDraft(userId: string, fixedResponsibleUnitId: string | null) {
  const key = `tuijin:intake-draft:${userId}`;
  const initial = emptyProjectForm(fixedResponsibleUnitId ?? "");
  const [state, setState] = useState(() => read(key, initial));

  useEffect(() => {
    try {
      window.sessionStorage.setItem(key, JSON.stringify(state.values));
    } catch {
      // Storage full or disabled: the form still works, without a draft.
    }
  }, [key, state.values]);

  const setValues = useCallback((update: (values: ProjectFormValues) => ProjectFormValues) => {
    setState((current) => ({ ...current, values: update(current.values) }));
  }, []);

  const clear = useCallback(() => {
    window.sessionStorage.removeItem(key);
    setState({ values: emptyProjectForm(fixedResponsibleUnitId ?? ""), restored: false });
  }, [key, fixedResponsibleUnitId]);

  return { values: state.values, restored: state.restored, setValues, clear };
}
