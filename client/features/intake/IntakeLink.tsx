// The header's way into 项目入库, for those who may register projects. The view itself is loaded on
// demand; its stylesheet comes with this link (it is small), so the view shows styled at once.
import { viewHref } from "../../app/useActionParam";
import "./intake.css";

export function IntakeLink({ current, onOpen }: { current: boolean; onOpen: () => void }) {
  return (
    <a
      className="intake-link"
      href={viewHref("intake")}
      aria-label="项目入库"
      aria-current={current ? "page" : undefined}
      onClick={(event) => {
        event.preventDefault();
        onOpen();
      }}
    >
      <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
        <path d="M8 3v10M3 8h10" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      </svg>
      {/* On a phone only 入库 shows; the link keeps its full name (aria-label). */}
      <span>
        <span className="intake-link__long">项目</span>入库
      </span>
    </a>
  );
}
