// The notices as a table: a project's name opens its drawer; overdue ones are highlighted.
import { useProjectParam } from "../../app/useActionParam";
import { readFragment, type FragmentOf } from "../../graphql";
import { formatDateTime, NOTICE_STATE_LABELS } from "./labels";
import { NoticeActions } from "./NoticeActions";
import { NoticeRowFragment } from "./noticeFragment";

interface NoticesTableProps {
  notices: FragmentOf<typeof NoticeRowFragment>[];
  viewerUnitId: string | null;
  isOwner: boolean;
  isOffice: boolean;
}

export function NoticesTable({ notices, viewerUnitId, isOwner, isOffice }: NoticesTableProps) {
  const [, openProject] = useProjectParam();
  if (notices.length === 0) return <p className="panel-message">没有符合条件的督办单。</p>;
  return (
    <div className="sv-table-wrap">
      <table className="sv-table sv-table--stack sv-notices">
        <thead>
          <tr>
            <th>项目</th>
            <th>责任单位</th>
            <th>督办事项与要求</th>
            <th>回复期限</th>
            <th>状态</th>
            <th>回复 / 处理</th>
            <th>操作</th>
          </tr>
        </thead>
        <tbody>
          {notices.map((data) => {
            const n = readFragment(NoticeRowFragment, data);
            return (
              <tr key={n.id} className={n.overdue ? "sv-notice sv-notice--overdue" : "sv-notice"} data-state={n.state}>
                <td data-label="项目">
                  <button type="button" className="sv-link" onClick={() => openProject(n.project.id)}>
                    {n.project.name}
                  </button>
                  <span className="sv-muted">{n.project.code}</span>
                </td>
                <td data-label="责任单位">{n.unit.shortName}</td>
                <td data-label="督办事项">
                  <strong>{n.subject}</strong>
                  <span className="sv-muted sv-pre">{n.requirement}</span>
                </td>
                <td data-label="回复期限">
                  {n.replyDeadline}
                  {n.overdue && <span className="sv-tag sv-tag--danger">逾期未回复</span>}
                </td>
                <td data-label="状态">
                  <span className={`sv-state sv-state--${n.state.toLowerCase()}`}>{NOTICE_STATE_LABELS[n.state]}</span>
                </td>
                <td data-label="回复">
                  {n.reply ? (
                    <>
                      <span className="sv-pre">{n.reply}</span>
                      <span className="sv-muted">
                        {formatDateTime(n.repliedAt)}
                        {n.replyLate && <span className="sv-tag sv-tag--danger">逾期回复</span>}
                      </span>
                    </>
                  ) : (
                    <span className="sv-muted">未回复</span>
                  )}
                  {n.resolutionNote && <span className="sv-muted sv-pre">处理意见：{n.resolutionNote}</span>}
                </td>
                <td data-label="操作">
                  <NoticeActions noticeId={n.id} state={n.state} canReply={isOwner && viewerUnitId === n.unit.id} canResolve={isOffice} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
