// The selected action and the board's "as of" date live in the URL (?action=2&at=2025-06-30), so a
// reload or a shared link keeps them, and the browser's back button goes to the previous board.
import { useCallback, useEffect, useSyncExternalStore } from "react";

const PARAM = "action";
const AS_OF_PARAM = "at";
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

function writeParam(name: string, value: string | null, mode: "push" | "replace"): void {
  writeParams({ [name]: value }, mode);
}

/** Sets (or, with null, removes) several parameters in one history entry. */
function writeParams(values: Record<string, string | null>, mode: "push" | "replace"): void {
  const url = new URL(window.location.href);
  for (const [name, value] of Object.entries(values)) {
    if (value === null) url.searchParams.delete(name);
    else url.searchParams.set(name, value);
  }
  if (url.href === window.location.href) return;
  if (mode === "push") window.history.pushState(null, "", url);
  else window.history.replaceState(null, "", url);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** The action code in the URL (null when absent or not a number), and a setter. */
export function useActionParam(): [number | null, (code: number, mode?: "push" | "replace") => void] {
  const code = useSyncExternalStore(subscribe, readActionCode);
  const setCode = useCallback((next: number, mode: "push" | "replace" = "push") => writeParam(PARAM, String(next), mode), []);
  return [code, setCode];
}

/** The earliest date the history picker offers. */
export const AS_OF_MIN = "2020-01-01";

/** Today's date in China (YYYY-MM-DD), the last date the history picker offers. */
export function todayInChina(): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
}

/** Whether `value` is a real calendar date (YYYY-MM-DD) from AS_OF_MIN up to `today`. */
export function isPastBoardDate(value: string, today: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real && value >= AS_OF_MIN && value <= today;
}

function readAsOfParam(): string | null {
  return new URLSearchParams(window.location.search).get(AS_OF_PARAM);
}

/**
 * The past date whose board is shown (YYYY-MM-DD), or null for the live board, and a setter (null
 * goes back to the live board). Today is the live board; a future or malformed ?at= is dropped.
 */
export function useAsOfParam(): [string | null, (date: string | null, mode?: "push" | "replace") => void] {
  const raw = useSyncExternalStore(subscribe, readAsOfParam);
  const today = todayInChina();
  const date = raw !== null && isPastBoardDate(raw, today) && raw < today ? raw : null;

  useEffect(() => {
    if (raw !== null && date === null) writeParam(AS_OF_PARAM, null, "replace");
  }, [raw, date]);

  const setDate = useCallback((next: string | null, mode: "push" | "replace" = "push") => {
    writeParam(AS_OF_PARAM, next !== null && next < todayInChina() ? next : null, mode);
  }, []);
  return [date, setDate];
}

const PROJECT_PARAM = "project";

function readProjectParam(): string | null {
  const value = new URLSearchParams(window.location.search).get(PROJECT_PARAM);
  return value && value.trim() !== "" ? value : null;
}

/**
 * The project whose drawer is open (`&project=<id>`), so a reload or a shared link reopens it, and
 * a setter (null closes it). Opening pushes a history entry: the back button closes the drawer.
 */
export function useProjectParam(): [string | null, (id: string | null, mode?: "push" | "replace") => void] {
  const id = useSyncExternalStore(subscribe, readProjectParam);
  const setId = useCallback((next: string | null, mode: "push" | "replace" = "push") => writeParam(PROJECT_PARAM, next, mode), []);
  return [id, setId];
}

const VIEW_PARAM = "view";
const INTAKE_TAB_PARAM = "tab";

function readViewParam(): string | null {
  const value = new URLSearchParams(window.location.search).get(VIEW_PARAM);
  return value && value.trim() !== "" ? value : null;
}

/**
 * The page shown (`?view=bottlenecks`; absent: the boards), and a setter (null: the boards). A page's
 * own parameters (its `tab`) go when another page opens.
 */
export function useViewParam(): [string | null, (view: string | null, mode?: "push" | "replace") => void] {
  const view = useSyncExternalStore(subscribe, readViewParam);
  const setView = useCallback(
    (next: string | null, mode: "push" | "replace" = "push") => writeParams({ [VIEW_PARAM]: next, [INTAKE_TAB_PARAM]: null }, mode),
    [],
  );
  return [view, setView];
}

/** The 项目入库 view's tabs: one project by the form, or many from an XLSX file (`&tab=import`). */
export type IntakeTab = "form" | "import";

function readIntakeTab(): IntakeTab {
  return new URLSearchParams(window.location.search).get(INTAKE_TAB_PARAM) === "import" ? "import" : "form";
}

export function useIntakeTabParam(): [IntakeTab, (tab: IntakeTab) => void] {
  const tab = useSyncExternalStore(subscribe, readIntakeTab);
  const setTab = useCallback((next: IntakeTab) => writeParam(INTAKE_TAB_PARAM, next === "import" ? "import" : null, "push"), []);
  return [tab, setTab];
}

/** Leaves a page for a project's card on its action's live board, its drawer open. */
export function openProjectOnBoard(actionCode: number, projectId: string): void {
  writeParams(
    { [VIEW_PARAM]: null, [INTAKE_TAB_PARAM]: null, [AS_OF_PARAM]: null, [PARAM]: String(actionCode), [PROJECT_PARAM]: projectId },
    "push",
  );
}

/** The URL of a page (null: the boards), for links (a new tab, a bookmark) that the app then follows itself. */
export function viewHref(view: string | null): string {
  const url = new URL(window.location.href);
  url.searchParams.delete(PROJECT_PARAM);
  url.searchParams.delete(INTAKE_TAB_PARAM);
  if (view) url.searchParams.set(VIEW_PARAM, view);
  else url.searchParams.delete(VIEW_PARAM);
  return url.search || "?";
}
