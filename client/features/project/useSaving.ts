import { useCallback, useRef, useState } from "react";

/**
 * One save at a time per form: `saving` shows progress (and disables the button); a second submit
 * while a save is under way (a double click, Enter pressed twice) is ignored.
 */
export function useSaving(): [saving: boolean, run: (task: () => Promise<void>) => Promise<void>] {
  const busy = useRef(false);
  const [saving, setSaving] = useState(false);
  const run = useCallback(async (task: () => Promise<void>) => {
    if (busy.current) return;
    busy.current = true;
    setSaving(true);
    try {
      await task();
    } finally {
      busy.current = false;
      setSaving(false);
    }
  }, []);
  return [saving, run];
}
