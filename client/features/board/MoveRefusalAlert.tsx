import type { MoveRefusal } from "./useMoveProject";

/** Why the last move was refused; stays until closed or the next move. */
export function MoveRefusalAlert({ projectName, refusal, onClose }: { projectName: string; refusal: MoveRefusal; onClose: () => void }) {
  return (
    <div className="move-alert" role="alert">
      <svg className="move-alert__icon" width="18" height="18" viewBox="0 0 16 16" aria-hidden="true">
        <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="M8 4.5v4.5M8 11v.5" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
      <div className="move-alert__body">
        <p className="move-alert__project">未能移动「{projectName}」</p>
        <p className="move-alert__message">{refusal.message}</p>
        {refusal.missing.length > 0 && (
          <ul className="move-alert__missing" aria-label="未满足的条件">
            {refusal.missing.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        )}
      </div>
      <button className="button button--small button--ghost move-alert__close" type="button" onClick={onClose}>
        关闭
      </button>
    </div>
  );
}
