// 指标监测 (?view=indicators): the plan's 22 indicators as cards (baseline → latest → target, progress
// that respects direction) or as a table (exported as XLSX); the selected indicator's chart, linked
// projects and, for the office, the yearly entry form. Everyone signed in reads.
import { useCallback, useRef, useState, useSyncExternalStore } from "react";
import { useQuery } from "urql";
import { describeError } from "../../app/errors";
import { BackToBoardLink } from "../../app/BackToBoardLink";
import type { ViewProps } from "../../app/views";
import { graphql, readFragment } from "../../graphql";
import { MovableBoardViewerFragment } from "../board/MovableBoard";
import { IndicatorCard, IndicatorCardFragment } from "./IndicatorCard";
import { IndicatorDetail, IndicatorDetailFragment } from "./IndicatorDetail";
import { STATUS_LABELS, type ProgressStatus } from "./indicatorFormat";
import { INDICATOR_EXPORT_URL, IndicatorTable, IndicatorTableFragment } from "./IndicatorTable";
import "./indicators.css";

const IndicatorsQueryDocument = graphql(
  `
    query Indicators {
      indicators {
        id
        measures {
          id
          progress {
            status
          }
        }
        ...IndicatorCard_indicator
        ...IndicatorTable_indicator
        ...IndicatorDetail_indicator
      }
    }
  `,
  [IndicatorCardFragment, IndicatorTableFragment, IndicatorDetailFragment],
);
// Sent as its hash only (persisted operations); the build lists every such document.
const IndicatorsQuery = graphql.persisted("Indicators", IndicatorsQueryDocument);

/** Below this width the detail stands above the cards and shows only once a card is picked (indicators.css). */
const NARROW = "(max-width: 1099px)";

function subscribeNarrow(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

const SUMMARY: ProgressStatus[] = ["ACHIEVED", "ON_TRACK", "BEHIND", "WRONG_WAY", "NO_DATA"];

type Tab = "cards" | "table";

export function IndicatorsPage({ viewer: viewerData }: ViewProps) {
  const viewer = readFragment(MovableBoardViewerFragment, viewerData);
  const access = { role: viewer.role, unitId: viewer.unit?.id ?? null };
  const [{ data, error }, reexecute] = useQuery({ query: IndicatorsQuery });
  const [tab, setTab] = useState<Tab>("cards");
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const detail = useRef<HTMLElement>(null);
  const indicators = data?.indicators ?? [];
  const narrow = useSyncExternalStore(subscribeNarrow, () => window.matchMedia(NARROW).matches);
  const selected = indicators.find((i) => i.id === selectedId) ?? indicators[0];
  // On a wide screen the first indicator is shown until another is picked; on a narrow one none is.
  const pressedId = selectedId ?? (narrow ? null : (selected?.id ?? null));

  const select = useCallback((id: string) => {
    setSelectedId(id);
    setTab("cards");
    // On a phone the detail stands above the cards: bring it into view.
    requestAnimationFrame(() => {
      const node = detail.current;
      if (node && window.matchMedia(NARROW).matches) node.scrollIntoView({ block: "start" });
      node?.focus({ preventScroll: true });
    });
  }, []);

  const counts = new Map<ProgressStatus, number>();
  for (const indicator of indicators) for (const m of indicator.measures) counts.set(m.progress.status, (counts.get(m.progress.status) ?? 0) + 1);

  return (
    <section className="indicators" aria-labelledby="indicators-title">
      <div className="indicators__inner">
        <div className="indicators__head">
          <BackToBoardLink className="indicators__back" />
          <h1 className="indicators__title" id="indicators-title">
            指标监测
          </h1>
          <p className="indicators__lead">
            试点 22 项指标：2022 年基期、年度实际值与 2025 年目标。进度 =（最新值 − 基期）÷（目标 − 基期），师生比、收入比、第一产业占比以降低为进。
          </p>
        </div>

        {data && (
          <ul className="indicators__summary" aria-label="进度概况（按计量）">
            {SUMMARY.map((status) => (
              <li key={status} data-status={status}>
                <strong>{counts.get(status) ?? 0}</strong> {STATUS_LABELS[status]}
              </li>
            ))}
          </ul>
        )}

        <div className="indicators__bar">
          <nav className="indicators__tabs" aria-label="显示方式">
            {(["cards", "table"] as const).map((t) => (
              <button key={t} type="button" className="indicators__tab" aria-current={tab === t ? "page" : undefined} onClick={() => setTab(t)}>
                {t === "cards" ? "指标卡片" : "指标表格"}
              </button>
            ))}
          </nav>
          <a className="button button--small" href={INDICATOR_EXPORT_URL} download="指标监测.xlsx">
            导出 Excel
          </a>
        </div>

        {error && !data ? (
          <div className="panel-message panel-message--error" role="alert">
            <p>指标加载失败：{describeError(error)}</p>
            <button className="button" type="button" onClick={() => reexecute({ requestPolicy: "network-only" })}>
              重试
            </button>
          </div>
        ) : !data ? (
          <p className="panel-message">正在加载…</p>
        ) : tab === "table" ? (
          <IndicatorTable indicators={indicators} onSelect={select} />
        ) : (
          <div className="indicators__layout">
            <div className="indicators__grid">
              {indicators.map((indicator) => (
                <IndicatorCard key={indicator.id} indicator={indicator} selected={indicator.id === pressedId} onSelect={select} />
              ))}
            </div>
            {selected && (
              <IndicatorDetail
                ref={detail}
                key={selected.id}
                indicator={selected}
                viewer={access}
                chosen={selectedId !== null}
                onClose={() => setSelectedId(null)}
              />
            )}
          </div>
        )}
      </div>
    </section>
  );
}
