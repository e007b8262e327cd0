// The selected action lives in the URL (?action=2), so a reload or a shared link keeps it,
// and the browser's back button goes to the previous board.
import { useCallback, useSyncExternalStore } from "react";

const PARAM = "action";
const NAVIGATE_EVENT = "tuijin:navigate";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("popstate", onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener("popstate", onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

function readActionCode(): number | null {
  const value = new URLSearchParams(window.location.search).get(PARAM);
  if (!value || !/^\d+$/.test(value)) return null;
  return Number(value);
}

function writeActionCode(code: number, mode: "push" | "replace"): void {
  const url = new URL(window.location.href);
  url.searchParams.set(PARAM, String(code));
  if (url.href === window.location.href) return;
  if (mode === "push") window.history.pushState(null, "", url);
  else window.history.replaceState(null, "", url);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** The action code in the URL (null when absent or not a number), and a setter. */
export function useActionParam(): [number | null, (code: number, mode?: "push" | "replace") => void] {
  const code = useSyncExternalStore(subscribe, readActionCode);
  const setCode = useCallback((next: number, mode: "push" | "replace" = "push") => writeActionCode(next, mode), []);
  return [code, setCode];
}
