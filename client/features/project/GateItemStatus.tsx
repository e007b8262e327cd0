import type { ResultOf } from "../../graphql";
import type { GateSectionFragment } from "./GateSection";

type GateItem = ResultOf<typeof GateSectionFragment>["gate"][number];

const AUTO_CHECK_NOTES: Record<Exclude<GateItem["check"], "MANUAL">, string> = {
  FUNDING_SOURCE: "已填写资金来源",
  PROGRESS_REPORT: "已报送月度进度",
  ACCEPTANCE: "已填写竣工验收日期和文号",
};

/** A gate item as read: done or not, with its 文号, or how the server judges it. */
export function GateItemStatus({ item }: { item: GateItem }) {
  return (
    <li className={`gate-item${item.done ? " gate-item--done" : ""}`}>
      <span className="gate-item__status" aria-hidden="true">
        {item.done ? "✓" : "○"}
      </span>
      <div className="gate-item__main">
        <span className="gate-item__label">
          {item.label}
          <span className="visually-hidden">：{item.done ? "已满足" : "未满足"}</span>
        </span>
        <span className="gate-item__note">
          {item.check === "MANUAL"
            ? `${item.done ? "已满足" : "未满足"}${item.reference ? ` · 文号：${item.reference}` : ""}`
            : `系统自动判断（${AUTO_CHECK_NOTES[item.check]}）：${item.done ? "已满足" : "未满足"}`}
        </span>
      </div>
    </li>
  );
}
