// A meeting's decisions (议定事项): each a task for a unit with a deadline, closed with a note; writers
// add and close them here.
import { useState, type FormEvent } from "react";
import { readFragment, type FragmentOf } from "../../graphql";
import { MeetingTaskFragment } from "./meetingTaskFragment";
import { SubmitRow } from "./SubmitRow";
import { useAddMeetingTask } from "./useAddMeetingTask";
import { useCloseMeetingTask } from "./useCloseMeetingTask";

function CloseTaskForm({ taskId }: { taskId: string }) {
  const [note, setNote] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [saving, close] = useCloseMeetingTask();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!note.trim()) return setMessage("请填写办结情况");
    const outcome = await close({ taskId, note: note.trim() });
    setMessage(outcome.ok ? null : outcome.message);
  };
  return (
    <form className="mt-close bn-fields no-print" onSubmit={submit}>
      <input aria-label="办结情况" placeholder="办结情况" value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} />
      <button className="button button--small" type="submit" disabled={saving}>
        办结
      </button>
      {message && (
        <span className="mt-error" role="alert">
          {message}
        </span>
      )}
    </form>
  );
}

export function TaskRows({ tasks, canWrite }: { tasks: readonly FragmentOf<typeof MeetingTaskFragment>[]; canWrite: boolean }) {
  return (
    <table className="bn-table mt-tasks">
      <thead>
        <tr>
          <th scope="col">责任单位</th>
          <th scope="col">议定事项</th>
          <th scope="col">完成时限</th>
          <th scope="col">状态</th>
          <th scope="col">办结情况</th>
        </tr>
      </thead>
      <tbody>
        {tasks.map((data) => {
          const task = readFragment(MeetingTaskFragment, data);
          return (
            <tr key={task.id} data-testid="meeting-task" className={task.overdue ? "mt-task--overdue" : undefined}>
              <td>{task.unit.shortName}</td>
              <td>
                {task.decision}
                {task.project && <span className="bn-code">{task.project.name}</span>}
              </td>
              <td className="bn-num">{task.deadline}</td>
              <td>
                {task.status === "DONE" ? <span className="mt-status mt-status--done">已办结</span> : task.overdue ? <span className="mt-status mt-status--overdue">已逾期</span> : <span className="mt-status">办理中</span>}
              </td>
              <td>{task.status === "DONE" ? task.closeNote : canWrite ? <CloseTaskForm taskId={task.id} /> : ""}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export interface TaskOptions {
  units: readonly { id: string; shortName: string }[];
  projects: readonly { id: string; name: string; unitId: string }[];
}

export function AddTaskForm({ meetingId, meetingDate, options }: { meetingId: string; meetingDate: string; options: TaskOptions }) {
  const [unitId, setUnitId] = useState("");
  const [projectId, setProjectId] = useState("");
  const [decision, setDecision] = useState("");
  const [deadline, setDeadline] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [saving, add] = useAddMeetingTask();
  const projects = options.projects.filter((p) => !unitId || p.unitId === unitId);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!unitId) return setMessage("请选择责任单位");
    if (!decision.trim()) return setMessage("请填写议定事项");
    if (!deadline) return setMessage("请选择完成时限");
    if (deadline < meetingDate) return setMessage("完成时限不能早于会议日期");
    const outcome = await add({ meetingId, unitId, projectId: projectId || null, decision: decision.trim(), deadline });
    if (outcome.ok) {
      setDecision("");
      setProjectId("");
      setMessage(null);
    } else setMessage(outcome.message);
  };
  return (
    <form className="mt-add bn-fields no-print" onSubmit={submit} aria-label="记录议定事项">
      <label>
        责任单位
        <select value={unitId} onChange={(e) => setUnitId(e.target.value)}>
          <option value="">请选择</option>
          {options.units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.shortName}
            </option>
          ))}
        </select>
      </label>
      <label>
        相关项目
        <select value={projectId} onChange={(e) => setProjectId(e.target.value)}>
          <option value="">（不限）</option>
          {projects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label className="mt-add__decision">
        议定事项
        <input value={decision} onChange={(e) => setDecision(e.target.value)} maxLength={1000} />
      </label>
      <label>
        完成时限
        <input type="date" value={deadline} min={meetingDate} onChange={(e) => setDeadline(e.target.value)} />
      </label>
      <SubmitRow saving={saving} label="添加" busyLabel="正在保存…" message={message} small />
    </form>
  );
}
