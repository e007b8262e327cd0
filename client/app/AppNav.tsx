// The header's navigation: the boards and the pages this role may open (views.ts).
import type { MouseEvent } from "react";
import type { ViewDefinition } from "./views";

interface AppNavProps {
  views: readonly ViewDefinition[];
  /** The open page's key; null for the boards. */
  current: string | null;
  onSelect: (key: string | null) => void;
}

export function AppNav({ views, current, onSelect }: AppNavProps) {
  if (views.length === 0) return null;
  const follow = (key: string | null) => (event: MouseEvent) => {
    // Plain clicks stay in the page; ctrl/cmd-click still opens a new tab.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onSelect(key);
  };
  const entries = [{ key: null, label: "项目看板" }, ...views.map(({ key, label }) => ({ key, label }))];
  return (
    <nav className="app-nav" aria-label="功能">
      <ul className="app-nav__list">
        {entries.map(({ key, label }) => (
          <li key={key ?? "board"}>
            <a
              className="app-nav__link"
              href={key ? `?view=${key}` : "?"}
              aria-current={current === key ? "page" : undefined}
              onClick={follow(key)}
            >
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
