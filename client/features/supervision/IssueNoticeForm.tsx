// 下发督办单: the office picks a project (searched by name or code), writes the matter and the
// requirement, and sets the reply deadline (today or later, China time).
import { useState, type FormEvent } from "react";
import { useQuery } from "urql";
import { todayInChina } from "../../app/useActionParam";
import { graphql } from "../../graphql";
import { useIssueNotice } from "./useIssueNotice";

const ProjectSearchDocument = graphql(`
  query NoticeProjectSearch($search: String!) {
    projects(first: 20, filter: { search: $search }) {
      edges {
        node {
          id
          code
          name
          responsibleUnit {
            id
            shortName
          }
        }
      }
    }
  }
`);
const ProjectSearchQuery = graphql.persisted("NoticeProjectSearch", ProjectSearchDocument);

function inDays(days: number): string {
  const today = new Date(`${todayInChina()}T00:00:00Z`);
  return new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

export function IssueNoticeForm({ onIssued }: { onIssued: () => void }) {
  const [search, setSearch] = useState("");
  const [projectId, setProjectId] = useState("");
  const [subject, setSubject] = useState("");
  const [requirement, setRequirement] = useState("");
  const [deadline, setDeadline] = useState(inDays(7));
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [{ data }] = useQuery({ query: ProjectSearchQuery, variables: { search: search.trim() }, pause: search.trim().length < 1 });
  const { issue, fetching } = useIssueNotice();
  const options = data?.projects.edges.map((e) => e.node) ?? [];

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (fetching) return;
    const problem = !projectId
      ? "请选择督办的项目"
      : !subject.trim()
        ? "请填写督办事项"
        : !requirement.trim()
          ? "请填写督办要求"
          : !deadline || deadline < todayInChina()
            ? "回复期限不能早于今天"
            : null;
    if (problem) return setMessage({ error: true, text: problem });
    const outcome = await issue({ projectId, subject: subject.trim(), requirement: requirement.trim(), replyDeadline: deadline });
    if (!outcome.ok) return setMessage({ error: true, text: outcome.message });
    setMessage({ error: false, text: "督办单已下发" });
    setSubject("");
    setRequirement("");
    onIssued();
  }

  return (
    <form className="sv-panel sv-issue" onSubmit={onSubmit} aria-label="下发督办单">
      <h2 className="sv-panel__title">下发督办单</h2>
      <div className="sv-issue__grid">
        <label className="form-field">
          <span className="form-field__label">查找项目</span>
          <input className="input" value={search} placeholder="项目名称或编号" onChange={(e) => setSearch(e.target.value)} />
        </label>
        <label className="form-field">
          <span className="form-field__label">督办项目</span>
          <select className="select" value={projectId} onChange={(e) => setProjectId(e.target.value)} required>
            <option value="">{search.trim() ? `请选择（找到 ${options.length} 个）` : "请先查找项目"}</option>
            {options.map((p) => (
              <option key={p.id} value={p.id}>
                {p.code} {p.name}（{p.responsibleUnit.shortName}）
              </option>
            ))}
          </select>
        </label>
        <label className="form-field">
          <span className="form-field__label">督办事项</span>
          <input className="input" value={subject} maxLength={100} onChange={(e) => setSubject(e.target.value)} />
        </label>
        <label className="form-field">
          <span className="form-field__label">回复期限</span>
          <input className="input" type="date" value={deadline} min={todayInChina()} onChange={(e) => setDeadline(e.target.value)} />
        </label>
        <label className="form-field sv-issue__wide">
          <span className="form-field__label">督办要求</span>
          <textarea className="input sv-textarea" value={requirement} maxLength={2000} onChange={(e) => setRequirement(e.target.value)} />
        </label>
      </div>
      <div className="sv-actions">
        {message && <p className={message.error ? "form-message form-message--error" : "form-message"} role={message.error ? "alert" : "status"}>{message.text}</p>}
        <button className="button button--primary" type="submit" disabled={fetching}>
          {fetching ? "正在下发…" : "下发"}
        </button>
      </div>
    </form>
  );
}
