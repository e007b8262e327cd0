// 不可抗力豁免: the office takes a unit's project, or one component for a unit, out of the scoring for
// a span of days, with a reason; the list shows every exemption, revoked ones marked.
import { useState, type FormEvent } from "react";
import { useQuery } from "urql";
import { describeError } from "../../app/errors";
import { graphql, type SchemaType } from "../../graphql";
import { exportHref } from "./labels";
import { useGrantExemption } from "./useGrantExemption";
import { useRevokeExemption } from "./useRevokeExemption";

const ExemptionsDocument = graphql(`
  query ScoringExemptions($unitId: ID) {
    scoringExemptions {
      id
      component
      startDate
      endDate
      reason
      revokedAt
      createdAt
      unit {
        id
        shortName
      }
      project {
        id
        name
      }
    }
    units {
      id
      shortName
      kind
    }
    projects(first: 100, filter: { responsibleUnitId: $unitId }) {
      edges {
        node {
          id
          code
          name
        }
      }
    }
    scoringScheme {
      weights {
        component
        label
      }
    }
  }
`);
const ExemptionsQuery = graphql.persisted("ScoringExemptions", ExemptionsDocument);

type Component = SchemaType<"ScoreComponent">;

export function ExemptionsPanel({ canEdit, onChanged }: { canEdit: boolean; onChanged: () => void }) {
  const [unitId, setUnitId] = useState("");
  const [kind, setKind] = useState<"project" | "component">("project");
  const [projectId, setProjectId] = useState("");
  const [component, setComponent] = useState<Component | "">("");
  const [startDate, setStartDate] = useState("");
  const [endDate, setEndDate] = useState("");
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [{ data, error }, reexecute] = useQuery({ query: ExemptionsQuery, variables: { unitId: unitId || null } });
  const { grant, fetching } = useGrantExemption();
  const { revoke, fetching: revoking } = useRevokeExemption();
  const labels = new Map(data?.scoringScheme.weights.map((w) => [w.component, w.label]));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (fetching) return;
    const problem = !unitId
      ? "请选择单位"
      : kind === "project" && !projectId
        ? "请选择豁免的项目"
        : kind === "component" && !component
          ? "请选择豁免的考核项"
          : !startDate || !endDate
            ? "请填写豁免期间"
            : endDate < startDate
              ? "结束日期不能早于开始日期"
              : !reason.trim()
                ? "请填写豁免理由"
                : null;
    if (problem) return setMessage({ error: true, text: problem });
    const outcome = await grant({
      unitId,
      projectId: kind === "project" ? projectId : null,
      component: kind === "component" ? (component as Component) : null,
      startDate,
      endDate,
      reason: reason.trim(),
    });
    if (!outcome.ok) return setMessage({ error: true, text: outcome.message });
    setMessage({ error: false, text: "豁免已登记，本期得分已重新计算。" });
    setReason("");
    reexecute({ requestPolicy: "network-only" });
    onChanged();
  }

  async function onRevoke(id: string) {
    const outcome = await revoke(id);
    setMessage(outcome.ok ? { error: false, text: "豁免已撤销。" } : { error: true, text: outcome.message });
    if (outcome.ok) onChanged();
  }

  return (
    <section className="sv-panel" aria-labelledby="sv-exemptions-title">
      <div className="sv-panel__head">
        <h2 className="sv-panel__title" id="sv-exemptions-title">不可抗力豁免</h2>
        <a className="button button--small" href={exportHref("exemptions")} download>
          导出 Excel
        </a>
      </div>
      {error && <p className="panel-message panel-message--error" role="alert">{describeError(error)}</p>}
      {canEdit && (
        <form className="sv-grid" onSubmit={onSubmit} aria-label="登记豁免">
          <label className="form-field">
            <span className="form-field__label">单位</span>
            <select className="select" value={unitId} onChange={(e) => { setUnitId(e.target.value); setProjectId(""); }}>
              <option value="">请选择</option>
              {data?.units.filter((u) => u.kind !== "OFFICE").map((u) => (
                <option key={u.id} value={u.id}>{u.shortName}</option>
              ))}
            </select>
          </label>
          <label className="form-field">
            <span className="form-field__label">豁免范围</span>
            <select className="select" value={kind} onChange={(e) => setKind(e.target.value as "project" | "component")}>
              <option value="project">某个项目（全部考核项）</option>
              <option value="component">某个考核项（该单位）</option>
            </select>
          </label>
          {kind === "project" ? (
            <label className="form-field">
              <span className="form-field__label">项目</span>
              <select className="select" value={projectId} onChange={(e) => setProjectId(e.target.value)} disabled={!unitId}>
                <option value="">{unitId ? "请选择" : "请先选择单位"}</option>
                {unitId && data?.projects.edges.map(({ node }) => (
                  <option key={node.id} value={node.id}>{node.code} {node.name}</option>
                ))}
              </select>
            </label>
          ) : (
            <label className="form-field">
              <span className="form-field__label">考核项</span>
              <select className="select" value={component} onChange={(e) => setComponent(e.target.value as Component | "")}>
                <option value="">请选择</option>
                {data?.scoringScheme.weights.map((w) => (
                  <option key={w.component} value={w.component}>{w.label}</option>
                ))}
              </select>
            </label>
          )}
          <label className="form-field">
            <span className="form-field__label">开始日期</span>
            <input className="input" type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} />
          </label>
          <label className="form-field">
            <span className="form-field__label">结束日期</span>
            <input className="input" type="date" value={endDate} onChange={(e) => setEndDate(e.target.value)} />
          </label>
          <label className="form-field sv-grid__wide">
            <span className="form-field__label">豁免理由（必填）</span>
            <input className="input" value={reason} maxLength={500} placeholder="如：特大洪灾停工" onChange={(e) => setReason(e.target.value)} />
          </label>
          <div className="sv-actions sv-grid__wide">
            {message && <p className={message.error ? "form-message form-message--error" : "form-message"} role={message.error ? "alert" : "status"}>{message.text}</p>}
            <button className="button button--primary button--small" type="submit" disabled={fetching}>
              {fetching ? "正在登记…" : "登记豁免"}
            </button>
          </div>
        </form>
      )}
      {data && data.scoringExemptions.length === 0 && <p className="sv-muted">尚无豁免记录。</p>}
      {data && data.scoringExemptions.length > 0 && (
        <table className="sv-table sv-table--stack">
          <thead>
            <tr>
              <th>单位</th>
              <th>范围</th>
              <th>期间</th>
              <th>理由</th>
              <th>状态</th>
            </tr>
          </thead>
          <tbody>
            {data.scoringExemptions.map((x) => (
              <tr key={x.id} className={x.revokedAt ? "sv-drill__skipped" : undefined}>
                <td data-label="单位">{x.unit.shortName}</td>
                <td data-label="范围">{x.project ? `项目：${x.project.name}` : `考核项：${labels.get(x.component as Component) ?? ""}`}</td>
                <td data-label="期间">{x.startDate} 至 {x.endDate}</td>
                <td data-label="理由">{x.reason}</td>
                <td data-label="状态">
                  {x.revokedAt ? "已撤销" : canEdit ? (
                    <button type="button" className="button button--small button--ghost" disabled={revoking} onClick={() => onRevoke(x.id)}>撤销</button>
                  ) : "有效"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
