// The ranked table; each unit opens its drill-down: per component the figures, score, weight and
// points, and the exemptions applied.
import { Fragment, useState } from "react";
import type { ResultOf } from "../../graphql";
import { formatScore, MARK_LABELS } from "./labels";
import type { ScoreboardFragment } from "./scoreboardFragment";

type Entry = ResultOf<typeof ScoreboardFragment>["entries"][number];

export function ScoreTable({ entries }: { entries: Entry[] }) {
  const [open, setOpen] = useState<string | null>(null);
  if (entries.length === 0) return <p className="panel-message">该考核期没有可计分的单位。</p>;
  return (
    <div className="sv-table-wrap">
      <table className="sv-table sv-scores">
        <thead>
          <tr>
            <th>名次</th>
            <th>单位</th>
            <th>得分</th>
            <th>榜单</th>
            <th>达标</th>
            <th>明细</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <Fragment key={e.unit.id}>
              <tr className={`sv-score sv-score--${e.mark.toLowerCase()}`}>
                <td data-label="名次">{e.rank}</td>
                <td data-label="单位">{e.unit.name}</td>
                <td data-label="得分" className="sv-num">{formatScore(e.score)}</td>
                <td data-label="榜单">
                  {e.mark === "NONE" ? <span className="sv-muted">—</span> : <span className={`sv-mark sv-mark--${e.mark.toLowerCase()}`}>{MARK_LABELS[e.mark]}</span>}
                </td>
                <td data-label="达标">{e.missedTarget ? <span className="sv-tag sv-tag--danger">未达标</span> : "达标"}</td>
                <td data-label="明细">
                  <button type="button" className="button button--small button--ghost" aria-expanded={open === e.unit.id} onClick={() => setOpen(open === e.unit.id ? null : e.unit.id)}>
                    {open === e.unit.id ? "收起" : "查看"}
                  </button>
                </td>
              </tr>
              {open === e.unit.id && (
                <tr className="sv-drill-row">
                  <td colSpan={6}>
                    <ScoreDrillDown entry={e} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ScoreDrillDown({ entry }: { entry: Entry }) {
  const points = entry.components.reduce((sum, c) => sum + c.points, 0);
  return (
    <div className="sv-drill" aria-label={`${entry.unit.name}得分明细`}>
      <table className="sv-table sv-table--stack sv-drill__table">
        <thead>
          <tr>
            <th>考核项</th>
            <th>权重</th>
            <th>得分(百分制)</th>
            <th>折算分</th>
            <th>依据</th>
          </tr>
        </thead>
        <tbody>
          {entry.components.map((c) => (
            <tr key={c.component} className={c.counted ? undefined : "sv-drill__skipped"}>
              <td data-label="考核项">{c.label}</td>
              <td data-label="权重" className="sv-num">{c.weight}</td>
              <td data-label="得分" className="sv-num">{formatScore(c.score)}</td>
              <td data-label="折算分" className="sv-num">{c.counted ? formatScore(c.points) : c.exempted ? "豁免" : "不计"}</td>
              <td data-label="依据">{c.explanation}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="sv-drill__total">
        总分 = 折算分合计 {formatScore(points)} ÷ 计分权重 {entry.countedWeight} × 100 = <strong>{formatScore(entry.score)}</strong>
      </p>
      {entry.exemptions.length > 0 && (
        <div className="sv-drill__exemptions">
          <h4>适用的豁免</h4>
          <ul>
            {entry.exemptions.map((x) => (
              <li key={x.exemptionId}>
                {x.projectName ? `项目「${x.projectName}」全部考核项` : `考核项「${entry.components.find((c) => c.component === x.component)?.label ?? ""}」`}
                ，{x.startDate} 至 {x.endDate}：{x.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
