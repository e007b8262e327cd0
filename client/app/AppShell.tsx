// The signed-in application: header, the five actions as tabs, and the selected action's board; or
// 项目入库 (?view=intake), loaded only when it is opened.
import { lazy, Suspense, useEffect, useState } from "react";
import { useQuery } from "urql";
import { ActionTabs, ActionTabsFragment } from "../features/actions/ActionTabs";
import { UserMenu, UserMenuFragment } from "../features/auth/UserMenu";
import { BoardPage, BoardPageFragment } from "../features/board/BoardPage";
import { MovableBoardViewerFragment } from "../features/board/MovableBoard";
import { EMPTY_BOARD_FILTER } from "../features/board/boardFilter";
import { canRegisterProjects } from "../features/intake/intakeAccess";
import { IntakeLink } from "../features/intake/IntakeLink";
import { ProjectDrawer } from "../features/project/ProjectDrawer";
import { graphql, readFragment, type FragmentOf } from "../graphql";
import { describeError } from "./errors";
import { LogoMark } from "./LogoMark";
import { useActionParam, useProjectParam, useViewParam } from "./useActionParam";

const IntakePage = lazy(() => import("../features/intake/IntakePage").then((module) => ({ default: module.IntakePage })));

const ActionsQueryDocument = graphql(
  `
    query Actions {
      actions {
        id
        code
        ...ActionTabs_action
        ...BoardPage_action
      }
    }
  `,
  [ActionTabsFragment, BoardPageFragment],
);
// Sent as its hash only (persisted operations); the build lists every such document.
const ActionsQuery = graphql.persisted("Actions", ActionsQueryDocument);

interface AppShellProps {
  viewer: FragmentOf<typeof UserMenuFragment> & FragmentOf<typeof MovableBoardViewerFragment>;
}

export function AppShell({ viewer }: AppShellProps) {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ActionsQuery });
  const [actionParam, setActionParam] = useActionParam();
  const [projectParam, setProjectParam] = useProjectParam();
  const [viewParam, setView] = useViewParam();
  const { role, unit } = readFragment(MovableBoardViewerFragment, viewer);
  const mayRegister = canRegisterProjects({ role, unitId: unit?.id ?? null });
  const view = mayRegister ? viewParam : "board";
  // Kept across actions: a unit looking at its own projects keeps that filter on every board.
  const [filter, setFilter] = useState(EMPTY_BOARD_FILTER);
  const actions = data?.actions ?? [];
  const selected = actions.find((action) => action.code === actionParam) ?? actions[0];

  // A missing or unknown ?action= becomes the first action, without a new history entry.
  useEffect(() => {
    if (selected && selected.code !== actionParam) setActionParam(selected.code, "replace");
  }, [selected, actionParam, setActionParam]);

  // ?view=intake from a link, for a role that cannot register projects: the board instead.
  useEffect(() => {
    if (viewParam !== view) setView(view, "replace");
  }, [viewParam, view, setView]);

  return (
    <div className="app">
      <header className="app-header">
        <div className="app-header__brand">
          <LogoMark size={32} inverse />
          <div className="app-header__titles">
            <span className="app-header__product">推进</span>
            <span className="app-header__subtitle">渠县省级县城新型城镇化建设试点 · 项目调度</span>
          </div>
        </div>
        <div className="app-header__actions">
          {mayRegister && <IntakeLink current={view === "intake"} onOpen={() => setView("intake")} />}
          <UserMenu user={viewer} />
        </div>
      </header>

      {view === "board" && data && selected && (
        <ActionTabs actions={data.actions} selectedCode={selected.code} onSelect={(code) => setActionParam(code)} />
      )}

      <main className="app-main">
        {view === "intake" ? (
          <Suspense fallback={<p className="panel-message">正在加载…</p>}>
            <IntakePage viewer={viewer} onBackToBoard={() => setView("board")} />
          </Suspense>
        ) : selected ? (
          <BoardPage action={selected} viewer={viewer} filter={filter} onFilterChange={setFilter} />
        ) : fetching ? (
          <p className="panel-message">正在加载…</p>
        ) : error ? (
          <div className="panel-message panel-message--error" role="alert">
            <p>{describeError(error)}</p>
            <button className="button" type="button" onClick={() => reexecute({ requestPolicy: "network-only" })}>
              重试
            </button>
          </div>
        ) : (
          <p className="panel-message">暂无行动数据。</p>
        )}
      </main>

      {projectParam && (
        <ProjectDrawer key={projectParam} projectId={projectParam} viewer={viewer} onClose={() => setProjectParam(null)} />
      )}
    </div>
  );
}
