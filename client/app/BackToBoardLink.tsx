// 返回看板: a page's way back to the boards (a real link, for a new tab; the app follows it itself).
import { useViewParam, viewHref } from "./useActionParam";

export function BackToBoardLink({ className }: { className?: string }) {
  const [, setView] = useViewParam();
  return (
    <a
      className={`button button--ghost button--small${className ? ` ${className}` : ""}`}
      href={viewHref(null)}
      onClick={(event) => {
        event.preventDefault();
        setView(null);
      }}
    >
      <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
        <path d="M10 3L5 8l5 5" stroke="currentColor" strokeWidth="1.8" fill="none" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      返回看板
    </a>
  );
}
