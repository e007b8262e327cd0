import { useEffect, useRef } from "react";
import { graphql, readFragment, type FragmentOf } from "../../graphql";
import { ROLE_LABELS } from "./roleLabels";
import { useLogout } from "./useLogout";

export const UserMenuFragment = graphql(`
  fragment UserMenu_user on User {
    id
    username
    displayName
    role
    unit {
      id
      name
    }
  }
`);

export function UserMenu({ user: userData }: { user: FragmentOf<typeof UserMenuFragment> }) {
  const user = readFragment(UserMenuFragment, userData);
  const { logout, fetching } = useLogout();
  const menuRef = useRef<HTMLDetailsElement>(null);
  const role = ROLE_LABELS[user.role];
  // Shared accounts are named after their role (工作专班); then the unit says more than the role.
  const secondLine = role === user.displayName ? (user.unit?.name ?? null) : role;

  // Close on a click outside or on Escape, as menus do.
  useEffect(() => {
    function onPointerDown(event: PointerEvent) {
      const menu = menuRef.current;
      if (menu?.open && event.target instanceof Node && !menu.contains(event.target)) menu.open = false;
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === "Escape" && menuRef.current?.open) menuRef.current.open = false;
    }
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, []);

  return (
    <details className="user-menu" ref={menuRef}>
      <summary className="user-menu__trigger" aria-label={`当前用户：${user.displayName}`}>
        <span className="user-menu__avatar" aria-hidden="true">
          {Array.from(user.displayName)[0] ?? "?"}
        </span>
        <span className="user-menu__names">
          <span className="user-menu__name">{user.displayName}</span>
          {secondLine && <span className="user-menu__role">{secondLine}</span>}
        </span>
        <svg className="user-menu__caret" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
          <path d="M3 4.5l3 3 3-3" stroke="currentColor" strokeWidth="1.5" fill="none" strokeLinecap="round" />
        </svg>
      </summary>
      <div className="user-menu__panel">
        <dl className="user-menu__details">
          <dt>名称</dt>
          <dd>{user.displayName}</dd>
          <dt>账号</dt>
          <dd>{user.username}</dd>
          <dt>角色</dt>
          <dd>{role}</dd>
          <dt>单位</dt>
          <dd>{user.unit?.name ?? "—"}</dd>
        </dl>
        <button className="button button--block" type="button" onClick={() => void logout()} disabled={fetching}>
          {fetching ? "正在退出…" : "退出登录"}
        </button>
      </div>
    </details>
  );
}
