import { LogoMark } from "./LogoMark";

/** A whole-page message: loading, or an error with a way out. */
export function StatusScreen({ message, action }: { message: string; action?: { label: string; onClick: () => void } }) {
  return (
    <main className="status-screen" aria-busy={action ? undefined : true}>
      <LogoMark size={40} />
      <p className="status-screen__message" role={action ? "alert" : "status"}>
        {message}
      </p>
      {action && (
        <button className="button" type="button" onClick={action.onClick}>
          {action.label}
        </button>
      )}
    </main>
  );
}
