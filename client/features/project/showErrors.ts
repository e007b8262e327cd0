import { flushSync } from "react-dom";

/**
 * Shows a form's failed checks at once and moves focus to the first field that failed, so a keyboard
 * or screen-reader user lands on what to fix.
 */
export function showErrors(form: HTMLFormElement | null, update: () => void): void {
  flushSync(update);
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
