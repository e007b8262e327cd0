import type { ReactNode, Ref } from "react";

interface BusyButtonProps {
  /** Its action is under way: the button says so and cannot be pressed again. */
  busy: boolean;
  busyLabel: string;
  children: ReactNode;
  onClick?: () => void;
  type?: "button" | "submit";
  primary?: boolean;
  title?: string;
  ref?: Ref<HTMLButtonElement>;
}

/** A small button for an action that takes a moment (a save, a read). */
export function BusyButton({ busy, busyLabel, children, onClick, type = "button", primary, title, ref }: BusyButtonProps) {
  return (
    <button
      ref={ref}
      className={primary ? "button button--small button--primary" : "button button--small"}
      type={type}
      onClick={onClick}
      disabled={busy}
      aria-busy={busy}
      title={title}
    >
      {busy ? busyLabel : children}
    </button>
  );
}
