// 查看历史: pick a past date to see the board as it stood at the end of that day (China time).
import { useId, useState } from "react";
import { AS_OF_MIN, isPastBoardDate, todayInChina } from "../../app/useActionParam";

/** 2025-06-30 → 2025年6月30日 */
export function formatChineseDate(date: string): string {
  const [year, month, day] = date.split("-").map(Number);
  return `${year}年${month}月${day}日`;
}

interface AsOfPickerProps {
  /** The past date shown (YYYY-MM-DD), or null for the live board. */
  value: string | null;
  /** null: back to today's (live) board. */
  onChange: (date: string | null, mode?: "push" | "replace") => void;
}

/** A native date input (up to today) and 回到今天. */
export function AsOfPicker({ value, onChange }: AsOfPickerProps) {
  const id = useId();
  const today = todayInChina();
  // What the input holds: while a date is being typed it may not be a date yet (e.g. year 0202).
  const [draft, setDraft] = useState(value ?? "");
  const [shownValue, setShownValue] = useState(value);
  if (shownValue !== value) {
    // Changed from outside (the back button, 回到今天 in the banner).
    setShownValue(value);
    setDraft(value ?? "");
  }
  const invalid = draft !== "" && !isPastBoardDate(draft, today);

  return (
    <div className="as-of">
      <label className="as-of__label" htmlFor={id}>
        查看历史
      </label>
      <input
        id={id}
        className="input as-of__input"
        type="date"
        aria-label="查看历史：日期"
        min={AS_OF_MIN}
        max={today}
        value={draft}
        aria-invalid={invalid || undefined}
        title={invalid ? "请选择今天或以前的日期" : undefined}
        onChange={(event) => {
          const next = event.target.value;
          setDraft(next);
          // Cleared: back to today. A date being typed, or a future one, changes nothing yet.
          if (next === "") onChange(null);
          else if (isPastBoardDate(next, today)) onChange(next, value ? "replace" : "push");
        }}
      />
      {value && (
        <button className="button button--small button--ghost as-of__back" type="button" onClick={() => onChange(null)}>
          回到今天
        </button>
      )}
    </div>
  );
}

/** Over a past board: which day it is, that it is read-only, and the way back. */
export function AsOfBanner({ date, onBack }: { date: string; onBack: () => void }) {
  return (
    <div className="as-of-banner" role="status">
      <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
        <circle cx="8" cy="8" r="6.6" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="M8 4.5V8l2.4 1.6" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
      <p className="as-of-banner__text">
        <span>正在查看</span> <strong>{formatChineseDate(date)}</strong> <span>的看板（只读）</span>
      </p>
      <button className="button button--small" type="button" onClick={onBack}>
        回到今天
      </button>
    </div>
  );
}
