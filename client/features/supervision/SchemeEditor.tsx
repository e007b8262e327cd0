// 考核方案 (the office): weights summing to 100, thresholds, the pass mark and the list sizes.
// Saving makes a new version; published lists keep the version they used.
import { useState, type FormEvent } from "react";
import type { ResultOf } from "../../graphql";
import type { ScoreboardPageDocument } from "./ScoreboardPage";
import { useSaveScoringScheme } from "./useSaveScoringScheme";

type Scheme = ResultOf<typeof ScoreboardPageDocument>["scoringScheme"];

const NUMBER_FIELDS = [
  { key: "blockerTargetDays", label: "堵点化解目标（天，中位数）" },
  { key: "reportDueDay", label: "月报截止日（次月几日）" },
  { key: "passMark", label: "达标分数线" },
  { key: "redCount", label: "红榜名额" },
  { key: "blackCount", label: "黑榜名额" },
] as const;
type NumberKey = (typeof NUMBER_FIELDS)[number]["key"];

export function SchemeEditor({ scheme, onSaved }: { scheme: Scheme; onSaved: () => void }) {
  const [weights, setWeights] = useState(() => scheme.weights.map((w) => ({ ...w, value: String(w.weight) })));
  const [numbers, setNumbers] = useState<Record<NumberKey, string>>(() => Object.fromEntries(NUMBER_FIELDS.map((f) => [f.key, String(scheme[f.key])])) as Record<NumberKey, string>);
  const [note, setNote] = useState("");
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const { save, fetching } = useSaveScoringScheme();
  const sum = weights.reduce((s, w) => s + (Number(w.value) || 0), 0);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (fetching) return;
    if (weights.some((w) => !/^\d+$/.test(w.value))) return setMessage({ error: true, text: "权重应为 0–100 的整数" });
    if (sum !== 100) return setMessage({ error: true, text: `各项权重之和应为 100，现为 ${sum}` });
    if (NUMBER_FIELDS.some((f) => numbers[f.key].trim() === "" || !Number.isFinite(Number(numbers[f.key])))) return setMessage({ error: true, text: "请填写各项阈值" });
    const outcome = await save({
      weights: weights.map((w) => ({ component: w.component, weight: Number(w.value) })),
      blockerTargetDays: Number(numbers.blockerTargetDays),
      reportDueDay: Number(numbers.reportDueDay),
      passMark: Number(numbers.passMark),
      redCount: Number(numbers.redCount),
      blackCount: Number(numbers.blackCount),
      note: note.trim() || null,
    });
    if (!outcome.ok) return setMessage({ error: true, text: outcome.message });
    setMessage({ error: false, text: `已保存为第 ${outcome.value.scheme.version} 版` });
    onSaved();
  }

  return (
    <form className="sv-panel" onSubmit={onSubmit} aria-labelledby="sv-scheme-title">
      <h2 className="sv-panel__title" id="sv-scheme-title">考核方案（当前第 {scheme.version} 版）</h2>
      <fieldset className="sv-fieldset">
        <legend>权重（合计 <span className={sum === 100 ? undefined : "sv-text-danger"}>{sum}</span> / 100）</legend>
        <div className="sv-grid">
          {weights.map((w, i) => (
            <label className="form-field" key={w.component}>
              <span className="form-field__label">{w.label}</span>
              <input className="input" inputMode="numeric" value={w.value} onChange={(e) => setWeights(weights.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))} />
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="sv-fieldset">
        <legend>阈值与名额</legend>
        <div className="sv-grid">
          {NUMBER_FIELDS.map((f) => (
            <label className="form-field" key={f.key}>
              <span className="form-field__label">{f.label}</span>
              <input className="input" inputMode="decimal" value={numbers[f.key]} onChange={(e) => setNumbers({ ...numbers, [f.key]: e.target.value })} />
            </label>
          ))}
          <label className="form-field">
            <span className="form-field__label">修订说明</span>
            <input className="input" value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} />
          </label>
        </div>
      </fieldset>
      <p className="sv-muted">
        各考核项得分（百分制）× 权重 ÷ 100 为折算分；本期无应计事项或已豁免的考核项不计分，总分按计分权重折算为百分制。未达分数线的单位为未达标，黑榜从未达标单位中倒数选出。
      </p>
      <div className="sv-actions">
        {message && <p className={message.error ? "form-message form-message--error" : "form-message"} role={message.error ? "alert" : "status"}>{message.text}</p>}
        <button className="button button--primary button--small" type="submit" disabled={fetching}>
          {fetching ? "正在保存…" : "保存为新版本"}
        </button>
      </div>
    </form>
  );
}
