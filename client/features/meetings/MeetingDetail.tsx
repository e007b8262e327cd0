// One dispatch meeting: its frozen agenda by unit, its decisions, and the brief to print or download.
import { useQuery } from "urql";
import { describeError } from "../../app/errors";
import { graphql } from "../../graphql";
import { ProjectLink } from "../bottlenecks/ProjectLink";
import { AddTaskForm, TaskRows, type TaskOptions } from "./MeetingTasks";
import { MeetingTaskFragment } from "./meetingTaskFragment";

const MeetingDocument = graphql(
  `
    query DispatchMeeting($id: ID!) {
      node(id: $id) {
        id
        ... on DispatchMeeting {
          title
          date
          asOf
          createdBy { id displayName }
          agenda {
            unit { id shortName }
            unitName
            items { code name kind detail days project { id code name } }
          }
          tasks { ...MeetingTask_task }
        }
      }
    }
  `,
  [MeetingTaskFragment],
);
const MeetingQuery = graphql.persisted("DispatchMeeting", MeetingDocument);

const KIND_LABELS = { STUCK: "滞留", OVERDUE: "逾期", BLOCKED: "堵点" } as const;

export function MeetingDetail({ id, canWrite }: { id: string; canWrite: boolean }) {
  const [{ data, error }] = useQuery({ query: MeetingQuery, variables: { id } });
  if (error && !data) return <p className="panel-message panel-message--error">{describeError(error)}</p>;
  const meeting = data?.node && "agenda" in data.node ? data.node : null;
  if (!meeting) return <p className="panel-message">正在加载…</p>;
  const options: TaskOptions = {
    units: meeting.agenda.map((u) => ({ id: u.unit.id, shortName: u.unit.shortName })),
    projects: meeting.agenda.flatMap((u) =>
      [...new Map(u.items.filter((i) => i.project).map((i) => [i.project!.id, { id: i.project!.id, name: i.name, unitId: u.unit.id }])).values()],
    ),
  };
  const itemCount = meeting.agenda.reduce((n, u) => n + u.items.length, 0);
  return (
    <article className="mt-brief" aria-labelledby="mt-brief-title">
      <header className="mt-brief__head">
        <div>
          <h2 id="mt-brief-title">{meeting.title}</h2>
          <p className="bn-note">
            会议日期 {meeting.date} · 议题取自截至 {new Date(meeting.asOf).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })} 的堵点（生成后不再变化）· 共 {meeting.agenda.length} 个单位 {itemCount} 项
          </p>
        </div>
        <div className="mt-brief__actions no-print">
          <button type="button" className="button button--small" onClick={() => window.print()}>
            打印简报
          </button>
          <a className="button button--small" href={`/export/meeting.docx?id=${encodeURIComponent(meeting.id)}`} download>
            下载 Word
          </a>
          <a className="button button--small" href={`/export/meeting.xlsx?id=${encodeURIComponent(meeting.id)}`} download>
            导出 Excel
          </a>
        </div>
      </header>

      <section aria-labelledby="mt-agenda">
        <h3 id="mt-agenda" className="mt-section">一、会议议题（按责任单位）</h3>
        {meeting.agenda.length === 0 && <p className="bn-empty">截至会议日期，没有滞留、逾期或堵点项目。</p>}
        {meeting.agenda.map((unit) => (
          <section key={unit.unit.id} className="mt-unit" data-testid="agenda-unit">
            <h4>
              {unit.unitName} <span className="bn-count">{unit.items.length}</span>
            </h4>
            <ul>
              {unit.items.map((item, i) => (
                <li key={`${item.code}-${item.kind}-${i}`} className="mt-item">
                  <span className={`mt-kind mt-kind--${item.kind.toLowerCase()}`}>{KIND_LABELS[item.kind]}</span>
                  {item.project ? <ProjectLink project={item.project} /> : <span>{item.name}</span>}
                  <span className="mt-item__detail">{item.detail}</span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </section>

      <section aria-labelledby="mt-decisions">
        <h3 id="mt-decisions" className="mt-section">二、议定事项</h3>
        {meeting.tasks.length === 0 ? <p className="bn-empty">暂无议定事项。</p> : <div className="bn-table-wrap"><TaskRows tasks={meeting.tasks} canWrite={canWrite} /></div>}
        {canWrite && <AddTaskForm meetingId={meeting.id} meetingDate={meeting.date} options={options} />}
      </section>
    </article>
  );
}
