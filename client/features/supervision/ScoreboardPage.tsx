// 红黑榜 (?view=scoreboard): choose a period, read the ranked list (a table with red and black marks,
// a bar chart, each unit's drill-down), export it; the office publishes a period (with confirmation),
// edits the scheme and records exemptions. Owners see the published lists only.
import { useState } from "react";
import { useQuery } from "urql";
import { describeError } from "../../app/errors";
import type { ViewProps } from "../../app/views";
import { graphql, readFragment } from "../../graphql";
import { MovableBoardViewerFragment } from "../board/MovableBoard";
import { isOffice as isOfficeRole, readsLiveScores } from "./access";
import { ExemptionsPanel } from "./ExemptionsPanel";
import { exportHref, formatDateTime } from "./labels";
import { lastEndedQuarter, periodLabel, periodOptions } from "./periods";
import { PublicationHistory } from "./PublicationHistory";
import { PublishControl } from "./PublishControl";
import { SchemeEditor } from "./SchemeEditor";
import { ScoreboardFragment } from "./scoreboardFragment";
import { ScoreChart } from "./ScoreChart";
import { ScoreTable } from "./ScoreTable";
import "./supervision.css";

export const ScoreboardPageDocument = graphql(`
  query ScoreboardPage {
    scoreboardPublications {
      period
      publishedAt
      schemeVersion
      entryCount
      publishedBy {
        id
        displayName
      }
    }
    scoringScheme {
      version
      weights {
        component
        label
        weight
      }
      blockerTargetDays
      reportDueDay
      passMark
      redCount
      blackCount
    }
  }
`);
const ScoreboardPageQuery = graphql.persisted("ScoreboardPage", ScoreboardPageDocument);

const ScoreboardDocument = graphql(
  `
    query Scoreboard($period: String!) {
      scoreboard(period: $period) {
        ...Scoreboard_board
      }
    }
  `,
  [ScoreboardFragment],
);
const ScoreboardQuery = graphql.persisted("Scoreboard", ScoreboardDocument);

type Section = "board" | "scheme" | "exemptions";

export function ScoreboardPage({ viewer: viewerData }: ViewProps) {
  const viewer = readFragment(MovableBoardViewerFragment, viewerData);
  const office = isOfficeRole(viewer.role);
  const live = readsLiveScores(viewer.role);
  const [{ data: meta, error: metaError }, reloadMeta] = useQuery({ query: ScoreboardPageQuery });
  const publishedPeriods = meta?.scoreboardPublications.map((p) => p.period) ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  const period = chosen ?? (live ? lastEndedQuarter() : (publishedPeriods[0] ?? null));
  const [{ data, error, fetching }, reloadBoard] = useQuery({ query: ScoreboardQuery, variables: { period: period ?? "" }, pause: !period });
  const board = data ? readFragment(ScoreboardFragment, data.scoreboard) : null;
  const [section, setSection] = useState<Section>("board");
  const reload = () => {
    reloadMeta({ requestPolicy: "network-only" });
    reloadBoard({ requestPolicy: "network-only" });
  };

  return (
    <section className="sv-page" aria-labelledby="sb-title">
      <div className="sv-page__inner">
        <header className="sv-head">
          <h1 id="sb-title" className="sv-head__title">红黑榜</h1>
          <p className="sv-head__lead">按考核方案对各责任单位计分排名：前列为红榜，未达标单位中倒数为黑榜。发布后的榜单冻结，可随时复核。</p>
        </header>

        {office && (
          <nav className="sv-tabs" aria-label="红黑榜">
            {([["board", "榜单"], ["scheme", "考核方案"], ["exemptions", "豁免"]] as const).map(([key, label]) => (
              <button key={key} type="button" className="sv-tabs__tab" aria-current={section === key ? "page" : undefined} onClick={() => setSection(key)}>
                {label}
              </button>
            ))}
          </nav>
        )}
        {metaError && <p className="panel-message panel-message--error" role="alert">{describeError(metaError)}</p>}

        {section === "scheme" && meta && <SchemeEditor key={meta.scoringScheme.version} scheme={meta.scoringScheme} onSaved={reload} />}
        {section === "exemptions" && <ExemptionsPanel canEdit={office} onChanged={reload} />}

        {section === "board" && (
          <>
            <div className="sv-toolbar" role="group" aria-label="选择考核期">
              {(live || publishedPeriods.length > 0) && (
                <label className="filter">
                  <span className="filter__label">考核期</span>
                  <select className="select" aria-label="考核期" value={period ?? ""} onChange={(e) => setChosen(e.target.value)}>
                    {live
                      ? periodOptions().map((group) => (
                          <optgroup key={group.year} label={`${group.year} 年`}>
                            {group.periods.map((p) => (
                              <option key={p.key} value={p.key}>
                                {p.label}
                                {publishedPeriods.includes(p.key) ? "（已发布）" : ""}
                              </option>
                            ))}
                          </optgroup>
                        ))
                      : publishedPeriods.map((p) => (
                          <option key={p} value={p}>
                            {periodLabel(p)}
                          </option>
                        ))}
                  </select>
                </label>
              )}
              {board && (
                <span className={board.published ? "sv-status sv-status--published" : "sv-status"}>
                  {board.published ? `已发布 · ${formatDateTime(board.publishedAt)} · ${board.publishedBy?.displayName ?? ""}` : "未发布（按当前记录实时计算）"}
                </span>
              )}
              <span className="sv-toolbar__spacer" />
              {office && board && period && <PublishControl key={period} period={period} published={board.published} onPublished={reload} />}
              {period && (
                <a className="button button--small" href={exportHref("scoreboard", { period })} download>
                  导出 Excel
                </a>
              )}
            </div>
            {!period && <p className="panel-message">尚无已发布的红黑榜。</p>}
            {error && <p className="panel-message panel-message--error" role="alert">{describeError(error)}</p>}
            {!board && fetching && <p className="panel-message">正在计算…</p>}
            {board && (
              <>
                <p className="sv-muted">
                  {periodLabel(board.period)} · 考核方案第 {board.schemeVersion} 版（达标线 {board.scheme.passMark} 分，堵点化解目标 {board.scheme.blockerTargetDays} 天，月报次月 {board.scheme.reportDueDay} 日前报送） · 期末序时进度 {Math.round(board.yearElapsedShare * 1000) / 10}%
                </p>
                <ScoreChart entries={board.entries} passMark={board.scheme.passMark} />
                <ScoreTable entries={board.entries} />
              </>
            )}
            {meta && <PublicationHistory publications={meta.scoreboardPublications} onChoose={setChosen} />}
          </>
        )}
      </div>
    </section>
  );
}
