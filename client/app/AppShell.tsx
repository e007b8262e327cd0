// The signed-in application: header with navigation, and either the five actions as tabs with the
// selected action's board, or another page (views.ts); the project drawer over either.
import { Suspense, useEffect, useState } from "react";
import { useQuery } from "urql";
import { ActionTabs, ActionTabsFragment } from "../features/actions/ActionTabs";
import { UserMenu, UserMenuFragment } from "../features/auth/UserMenu";
import { BoardPage, BoardPageFragment } from "../features/board/BoardPage";
import { MovableBoardViewerFragment } from "../features/board/MovableBoard";
import { EMPTY_BOARD_FILTER } from "../features/board/boardFilter";
import { ProjectDrawer } from "../features/project/ProjectDrawer";
import { graphql, readFragment, type FragmentOf } from "../graphql";
import { describeError } from "./errors";
import { LogoMark } from "./LogoMark";
import { AppNav } from "./AppNav";
import { useActionParam, useProjectParam, useViewParam } from "./useActionParam";
import { viewsFor } from "./views";

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
  const [viewParam, setViewParam] = useViewParam();
  const { role, unit } = readFragment(MovableBoardViewerFragment, viewer);
  const views = viewsFor({ role, unitId: unit?.id ?? null });
  // An unknown page, or one this role may not open, shows the boards.
  const view = views.find((candidate) => candidate.key === viewParam) ?? null;
  // Kept across actions: a unit looking at its own projects keeps that filter on every board.
  const [filter, setFilter] = useState(EMPTY_BOARD_FILTER);
  const actions = data?.actions ?? [];
  const selected = actions.find((action) => action.code === actionParam) ?? actions[0];

  // A missing or unknown ?action= becomes the first action, without a new history entry.
  useEffect(() => {
    if (selected && selected.code !== actionParam) setActionParam(selected.code, "replace");
  }, [selected, actionParam, setActionParam]);

  // ?view= from a link, naming a page this user may not open (or none): the boards instead.
  useEffect(() => {
    if (viewParam !== null && view === null) setViewParam(null, "replace");
  }, [viewParam, view, setViewParam]);

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
        <AppNav views={views} current={view?.key ?? null} onSelect={(key) => setViewParam(key)} />
        <UserMenu user={viewer} />
      </header>

      {view ? (
        <main className="app-main">
          <Suspense fallback={<p className="panel-message">正在加载…</p>}>
            <view.page viewer={viewer} />
          </Suspense>
        </main>
      ) : (
        <>
          {data && selected && (
            <ActionTabs actions={data.actions} selectedCode={selected.code} onSelect={(code) => setActionParam(code)} />
          )}
          <main className="app-main">
            {selected ? (
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
        </>
      )}

      {projectParam && (
        <ProjectDrawer key={projectParam} projectId={projectParam} viewer={viewer} onClose={() => setProjectParam(null)} />
      )}
    </div>
  );
}
