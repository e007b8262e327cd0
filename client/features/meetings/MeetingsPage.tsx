// 调度会议 (?view=meetings): the meetings, newest first; a new one for a date (office and special team),
// its agenda generated from the bottlenecks as of that date; its decisions tracked to closure; the
// overdue decisions of every meeting.
import { useState, type FormEvent } from "react";
import { useQuery } from "urql";
import { describeError } from "../../app/errors";
import { todayInChina } from "../../app/useActionParam";
import type { ViewProps } from "../../app/views";
import { graphql } from "../../graphql";
import { useViewerRole } from "../bottlenecks/useViewerRole";
import "../bottlenecks/bottlenecks.css";
import { MeetingDetail } from "./MeetingDetail";
import { TaskRows } from "./MeetingTasks";
import { MeetingTaskFragment } from "./meetingTaskFragment";
import "./meetings.css";
import { SubmitRow } from "./SubmitRow";
import { useCreateDispatchMeeting } from "./useCreateDispatchMeeting";

const MeetingsDocument = graphql(
  `
    query DispatchMeetings {
      dispatchMeetings { id title date }
      meetingTasks(overdueOnly: true) { ...MeetingTask_task }
    }
  `,
  [MeetingTaskFragment],
);
const MeetingsQuery = graphql.persisted("DispatchMeetings", MeetingsDocument);

function CreateMeetingForm({ onCreated }: { onCreated: (id: string) => void }) {
  const [date, setDate] = useState(todayInChina());
  const [title, setTitle] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [saving, create] = useCreateDispatchMeeting();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!date) return setMessage("请选择会议日期");
    const outcome = await create({ date, title: title.trim() || null });
    if (outcome.ok) {
      setTitle("");
      setMessage(null);
      onCreated(outcome.value);
    } else setMessage(outcome.message);
  };
  return (
    <form className="bn-filters bn-fields mt-create no-print" onSubmit={submit} aria-label="召开调度会议">
      <label>
        会议日期
        <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </label>
      <label className="mt-create__title">
        会议名称
        <input value={title} placeholder={`${date} 调度会议`} onChange={(e) => setTitle(e.target.value)} maxLength={100} />
      </label>
      <SubmitRow saving={saving} label="新建会议并生成议题" busyLabel="正在生成议题…" message={message} />
    </form>
  );
}

export function MeetingsPage(_props: ViewProps) {
  const role = useViewerRole();
  const canWrite = role === "OFFICE" || role === "TEAM";
  const [{ data, error }, reexecute] = useQuery({ query: MeetingsQuery });
  const [selected, setSelected] = useState<string | null>(null);
  const current = selected ?? data?.dispatchMeetings[0]?.id ?? null;

  return (
    <section className="bn-page mt-page" aria-labelledby="mt-title">
      <header className="bn-page__head no-print">
        <h1 id="mt-title">调度会议</h1>
        <p className="bn-lead">议题由会议日期当时的滞留、逾期和堵点项目按责任单位生成，生成后固定；议定事项逐项跟踪到办结。</p>
      </header>
      {canWrite && (
        <CreateMeetingForm
          onCreated={(id) => {
            setSelected(id);
            reexecute({ requestPolicy: "network-only" });
          }}
        />
      )}
      {error && !data && <p className="panel-message panel-message--error">{describeError(error)}</p>}
      {data && data.meetingTasks.length > 0 && (
        <section className="bn-panel mt-overdue no-print" aria-labelledby="mt-overdue">
          <header className="bn-panel__head">
            <h2 id="mt-overdue">
              逾期未办结事项 <span className="bn-count">{data.meetingTasks.length}</span>
            </h2>
          </header>
          <div className="bn-table-wrap">
            <TaskRows tasks={data.meetingTasks} canWrite={canWrite} />
          </div>
        </section>
      )}
      {data && (
        <div className="mt-layout">
          <nav className="mt-list no-print" aria-label="会议列表">
            {data.dispatchMeetings.length === 0 && <p className="bn-empty">还没有调度会议。</p>}
            <ul>
              {data.dispatchMeetings.map((m) => (
                <li key={m.id}>
                  <button type="button" className="mt-list__item" aria-current={m.id === current || undefined} onClick={() => setSelected(m.id)}>
                    <span>{m.title}</span>
                    <span className="bn-code">{m.date}</span>
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          <div className="mt-main">{current && <MeetingDetail id={current} canWrite={canWrite} />}</div>
        </div>
      )}
    </section>
  );
}
