// 已发布的红黑榜: period, when, by whom; choosing one shows it.
import type { ResultOf } from "../../graphql";
import { exportHref, formatDateTime } from "./labels";
import { periodLabel } from "./periods";
import type { ScoreboardPageDocument } from "./ScoreboardPage";

type Publication = ResultOf<typeof ScoreboardPageDocument>["scoreboardPublications"][number];

export function PublicationHistory({ publications, onChoose }: { publications: Publication[]; onChoose: (period: string) => void }) {
  return (
    <section className="sv-panel" aria-labelledby="sv-history-title">
      <div className="sv-panel__head">
        <h2 className="sv-panel__title" id="sv-history-title">已发布的红黑榜</h2>
        <a className="button button--small" href={exportHref("publications")} download>
          导出 Excel
        </a>
      </div>
      {publications.length === 0 ? (
        <p className="sv-muted">尚未发布。</p>
      ) : (
        <table className="sv-table sv-history">
          <thead>
            <tr>
              <th>考核期</th>
              <th>发布时间</th>
              <th>发布人</th>
              <th>方案版本</th>
              <th>单位数</th>
            </tr>
          </thead>
          <tbody>
            {publications.map((p) => (
              <tr key={p.period}>
                <td data-label="考核期">
                  <button type="button" className="sv-link" onClick={() => onChoose(p.period)}>
                    {periodLabel(p.period)}
                  </button>
                </td>
                <td data-label="发布时间">{formatDateTime(p.publishedAt)}</td>
                <td data-label="发布人">{p.publishedBy.displayName}</td>
                <td data-label="方案版本">第 {p.schemeVersion} 版</td>
                <td data-label="单位数">{p.entryCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
