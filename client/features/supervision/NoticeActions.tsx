// What one may do with a notice: its unit's owners reply while it waits; the office closes a replied
// one or escalates an open one to the leading group (with a note).
import { useState, type FormEvent } from "react";
import type { SchemaType } from "../../graphql";
import { useCloseNotice } from "./useCloseNotice";
import { useEscalateNotice } from "./useEscalateNotice";
import { useReplyNotice } from "./useReplyNotice";

interface NoticeActionsProps {
  noticeId: string;
  state: SchemaType<"NoticeState">;
  canReply: boolean;
  canResolve: boolean;
}

type Mode = "reply" | "close" | "escalate";
const MODE_LABELS: Record<Mode, { button: string; field: string; submit: string; required: boolean }> = {
  reply: { button: "回复", field: "回复内容", submit: "提交回复", required: true },
  close: { button: "办结", field: "办结意见（可不填）", submit: "确认办结", required: false },
  escalate: { button: "提请领导小组", field: "提请说明", submit: "确认提请", required: true },
};

export function NoticeActions({ noticeId, state, canReply, canResolve }: NoticeActionsProps) {
  const [mode, setMode] = useState<Mode | null>(null);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const { reply, fetching: replying } = useReplyNotice();
  const { close, fetching: closing } = useCloseNotice();
  const { escalate, fetching: escalating } = useEscalateNotice();
  const busy = replying || closing || escalating;

  const modes: Mode[] = [
    ...(canReply && state === "ISSUED" ? (["reply"] as const) : []),
    ...(canResolve && state === "REPLIED" ? (["close"] as const) : []),
    ...(canResolve && (state === "ISSUED" || state === "REPLIED") ? (["escalate"] as const) : []),
  ];
  if (modes.length === 0) return null;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!mode || busy) return;
    if (MODE_LABELS[mode].required && !text.trim()) return setError(`请填写${MODE_LABELS[mode].field}`);
    const run = mode === "reply" ? reply : mode === "close" ? close : escalate;
    const outcome = await run(noticeId, text.trim());
    if (!outcome.ok) return setError(outcome.message);
    setMode(null);
    setText("");
    setError(null);
  }

  if (!mode) {
    return (
      <div className="sv-row-actions">
        {modes.map((m) => (
          <button key={m} type="button" className={m === "reply" ? "button button--small button--primary" : "button button--small"} onClick={() => setMode(m)}>
            {MODE_LABELS[m].button}
          </button>
        ))}
      </div>
    );
  }
  const labels = MODE_LABELS[mode];
  return (
    <form className="sv-inline-form" onSubmit={onSubmit} aria-label={labels.button}>
      <label className="form-field">
        <span className="form-field__label">{labels.field}</span>
        <textarea className="input sv-textarea" value={text} maxLength={2000} autoFocus onChange={(e) => setText(e.target.value)} />
      </label>
      {error && <p className="form-message form-message--error" role="alert">{error}</p>}
      <div className="sv-row-actions">
        <button type="submit" className="button button--small button--primary" disabled={busy}>
          {busy ? "正在提交…" : labels.submit}
        </button>
        <button type="button" className="button button--small button--ghost" onClick={() => { setMode(null); setError(null); }}>
          取消
        </button>
      </div>
    </form>
  );
}
