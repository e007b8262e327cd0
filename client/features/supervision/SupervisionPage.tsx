// 督办 (?view=supervision): the office issues notices and closes or escalates them; an owner sees its
// unit's notices and replies; everyone else reads. Filter by unit, state and overdue; export to XLSX.
import { useState } from "react";
import { useQuery } from "urql";
import { describeError } from "../../app/errors";
import type { ViewProps } from "../../app/views";
import { graphql, readFragment, type SchemaType } from "../../graphql";
import { MovableBoardViewerFragment } from "../board/MovableBoard";
import { isOffice as isOfficeRole } from "./access";
import { IssueNoticeForm } from "./IssueNoticeForm";
import { exportHref, NOTICE_STATE_LABELS } from "./labels";
import { NoticeRowFragment } from "./noticeFragment";
import { NoticesTable } from "./NoticesTable";
import "./supervision.css";
import { UnitOptions } from "../board/UnitOptions";

const NoticesDocument = graphql(
  `
    query SupervisionNotices($filter: SupervisionNoticeFilter) {
      supervisionNotices(first: 100, filter: $filter) {
        totalCount
        edges {
          node {
            id
            ...NoticeRow_notice
          }
        }
      }
      units {
        id
        name
        shortName
        kind
      }
    }
  `,
  [NoticeRowFragment],
);
const NoticesQuery = graphql.persisted("SupervisionNotices", NoticesDocument);

type State = SchemaType<"NoticeState">;
const STATES = Object.keys(NOTICE_STATE_LABELS) as State[];

export function SupervisionPage({ viewer: viewerData }: ViewProps) {
  const viewer = readFragment(MovableBoardViewerFragment, viewerData);
  const office = isOfficeRole(viewer.role);
  const owner = viewer.role === "OWNER";
  const [unitId, setUnitId] = useState("");
  const [state, setState] = useState<State | "">("");
  const [overdue, setOverdue] = useState(false);
  const filter = { unitId: unitId || null, state: state || null, overdue: overdue ? true : null };
  const [{ data, error, fetching }, reexecute] = useQuery({ query: NoticesQuery, variables: { filter } });
  const notices = data?.supervisionNotices.edges.map((e) => e.node) ?? [];
  const overdueCount = notices.filter((n) => readFragment(NoticeRowFragment, n).overdue).length;

  return (
    <section className="sv-page" aria-labelledby="sv-title">
      <div className="sv-page__inner">
        <header className="sv-head">
          <h1 id="sv-title" className="sv-head__title">督办</h1>
          <p className="sv-head__lead">
            {owner ? "本单位收到的督办单：请在回复期限内回复，逾期回复计入红黑榜考核。" : "领导小组办公室向责任单位下发督办单，单位回复后办结或提请领导小组。"}
          </p>
        </header>

        {office && <IssueNoticeForm onIssued={() => reexecute({ requestPolicy: "network-only" })} />}

        <div className="sv-toolbar" role="group" aria-label="筛选">
          {!owner && (
            <label className="filter">
              <span className="filter__label">责任单位</span>
              <select className="select" value={unitId} onChange={(e) => setUnitId(e.target.value)}>
                <option value="">全部单位</option>
                {data?.units && <UnitOptions units={data.units} />}
              </select>
            </label>
          )}
          <label className="filter">
            <span className="filter__label">状态</span>
            <select className="select" value={state} onChange={(e) => setState(e.target.value as State | "")}>
              <option value="">全部状态</option>
              {STATES.map((s) => (
                <option key={s} value={s}>
                  {NOTICE_STATE_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          <label className="sv-check">
            <input type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} />
            只看逾期未回复
          </label>
          <span className="sv-toolbar__spacer" />
          <span className="sv-muted" aria-live="polite">
            {data ? `共 ${data.supervisionNotices.totalCount} 件${overdueCount ? `，逾期 ${overdueCount} 件` : ""}` : ""}
          </span>
          <a className="button button--small" href={exportHref("notices", { unitId, state, overdue: overdue ? "true" : null })} download>
            导出 Excel
          </a>
        </div>

        {error && <p className="panel-message panel-message--error" role="alert">{describeError(error)}</p>}
        {!data && fetching && <p className="panel-message">正在加载…</p>}
        {data && <NoticesTable notices={notices} viewerUnitId={viewer.unit?.id ?? null} isOwner={owner} isOffice={office} />}
      </div>
    </section>
  );
}
