// 发布 with a confirmation: publishing freezes the period's list for good.
import { useRef, useState } from "react";
import { periodLabel } from "./periods";
import { usePublishScoreboard } from "./usePublishScoreboard";

/** `published`: the period is published already (only the outcome of a publication here stays shown). */
export function PublishControl({ period, published, onPublished }: { period: string; published: boolean; onPublished: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const { publish, fetching } = usePublishScoreboard();

  async function confirm() {
    const outcome = await publish(period);
    dialog.current?.close();
    if (!outcome.ok) return setMessage({ error: true, text: outcome.message });
    setMessage({ error: false, text: outcome.value.alreadyPublished ? "该考核期此前已发布，榜单未变。" : "已发布，榜单已冻结。" });
    onPublished();
  }

  return (
    <>
      {!published && (
        <button type="button" className="button button--primary button--small" onClick={() => { setMessage(null); dialog.current?.showModal(); }}>
          发布本期榜单
        </button>
      )}
      {message && <span className={message.error ? "form-message form-message--error" : "form-message"} role={message.error ? "alert" : "status"}>{message.text}</span>}
      <dialog ref={dialog} className="dialog" aria-labelledby="sv-publish-title">
        <div className="dialog__form">
          <h2 className="dialog__title" id="sv-publish-title">发布 {periodLabel(period)} 红黑榜？</h2>
          <p className="dialog__text">发布后本期得分、名次和所用方案版本即冻结，之后新增或补录的记录不再改变已发布的榜单。此操作记入审计。</p>
          <div className="dialog__actions">
            <button type="button" className="button button--small" onClick={() => dialog.current?.close()}>
              取消
            </button>
            <button type="button" className="button button--small button--primary" disabled={fetching} onClick={confirm}>
              {fetching ? "正在发布…" : "确认发布"}
            </button>
          </div>
        </div>
      </dialog>
    </>
  );
}
