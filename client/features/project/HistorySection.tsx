// 历史: the project's stage history, oldest first: when, which move, by whom, and why.
import { graphql, readFragment, type FragmentOf } from "../../graphql";
import { STAGE_LABELS } from "../board/format";
import { formatDateTime, TRANSITION_LABELS } from "./labels";

/** Stage moves are few (five stages, the odd move back): the newest 50 are the whole history in practice. */
const SHOWN = 50;

export const HistorySectionFragment = graphql(`
  fragment HistorySection_project on Project {
    id
    history(last: 50) {
      totalCount
      edges {
        node {
          id
          from
          to
          kind
          at
          note
          actor {
            id
            displayName
          }
        }
      }
    }
  }
`);

export function HistorySection({ project: projectData }: { project: FragmentOf<typeof HistorySectionFragment> }) {
  const project = readFragment(HistorySectionFragment, projectData);
  const entries = project.history.edges.map((edge) => edge.node);
  return (
    <section className="drawer-section" aria-label="历史">
      <h3 className="drawer-section__title">历史</h3>
      {entries.length === 0 ? (
        <p className="drawer-section__empty">暂无记录。</p>
      ) : (
        <>
          {project.history.totalCount > SHOWN && (
            <p className="drawer-section__hint">
              共 {project.history.totalCount} 条，显示最近 {SHOWN} 条。
            </p>
          )}
          <ol className="history-list">
            {entries.map((entry) => {
              const move = entry.from ? `${STAGE_LABELS[entry.from]} → ${STAGE_LABELS[entry.to]}` : `入库 · ${STAGE_LABELS[entry.to]}`;
              const parts = [
                formatDateTime(entry.at),
                entry.kind === "FORWARD" || entry.kind === "INTAKE" ? move : `${move}（${TRANSITION_LABELS[entry.kind]}）`,
                entry.actor?.displayName,
                entry.note,
              ].filter(Boolean);
              return (
                <li key={entry.id} className="history-list__item">
                  {parts.join(" · ")}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
