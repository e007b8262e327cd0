import { useCallback, useEffect, useRef } from "react";
import { useClient, useQuery } from "urql";
import { describeError } from "../../app/errors";
import { useAsOfParam } from "../../app/useActionParam";
import { AsOfBanner, AsOfPicker } from "./AsOfPicker";
import { graphql, readFragment, type FragmentOf } from "../../graphql";
import { BoardColumn, BoardColumnFragment } from "./BoardColumn";
import { BoardQuery } from "./boardQuery";
import { BoardMovesContext, type BoardMoves } from "./boardMoves";
import { BoardFilters, BoardFiltersFragment } from "./BoardFilters";
import { toProjectFilter, type BoardFilterState } from "./boardFilter";
import { BoardSkeleton } from "./BoardSkeleton";
import { formatInvestment, sumInvestment } from "./format";
import { MovableBoard, type MovableBoardViewerFragment } from "./MovableBoard";
import { ProjectCardFragment } from "./ProjectCard";
import { useDebouncedValue } from "./useDebouncedValue";

export const BoardPageFragment = graphql(
  `
    fragment BoardPage_action on Action {
      id
      code
      name
      subTasks {
        id
      }
      ...BoardFilters_action
    }
  `,
  [BoardFiltersFragment],
);

/** A past board: nothing moves, cards stand in the column they were in then. */
const PAST_BOARD: BoardMoves = { saving: new Set(), revision: 0, canMove: () => false, past: true };

/** The end of a day in China time (YYYY-MM-DD), as an ISO instant: the board as it stood that evening. */
function endOfDayInChina(date: string): string {
  return `${date}T23:59:59+08:00`;
}

interface BoardPageProps {
  action: FragmentOf<typeof BoardPageFragment>;
  /** The signed-in user: what they may move. */
  viewer: FragmentOf<typeof MovableBoardViewerFragment>;
  filter: BoardFilterState;
  onFilterChange: (next: BoardFilterState) => void;
}

/** One action's board (看板): filters, totals and the five stage columns. */
export function BoardPage({ action: actionData, viewer, filter: filterState, onFilterChange }: BoardPageProps) {
  const action = readFragment(BoardPageFragment, actionData);
  // A sub-task chosen on another action's board does not apply here.
  const form: BoardFilterState = action.subTasks.some((subTask) => subTask.id === filterState.subTaskId)
    ? filterState
    : { ...filterState, subTaskId: "" };
  const search = useDebouncedValue(form.search, 300);
  const filter = toProjectFilter({ ...form, search });

  // A past date (?at=2025-06-30) shows the board as it stood then, read-only; null is the live board.
  const [asOf, setAsOf] = useAsOfParam();
  const variables = { actionCode: action.code, filter, ...(asOf && { at: endOfDayInChina(asOf) }) };
  const [{ data, fetching, error, operation }, reexecute] = useQuery({ query: BoardQuery, variables });
  const client = useClient();
  const variablesRef = useRef(variables);
  useEffect(() => {
    variablesRef.current = variables;
  });
  // Live updates stop while the past is shown: back on today's board, it is read again (the cached
  // one stays on screen meanwhile).
  const previousAsOf = useRef(asOf);
  useEffect(() => {
    if (previousAsOf.current && !asOf) reexecute({ requestPolicy: "cache-and-network" });
    previousAsOf.current = asOf;
  }, [asOf, reexecute]);
  // After a move (ours or anyone's) the counts and sums change too: the whole board is read again.
  // Same query and variables as above, so the board shows the answer without a loading state.
  const refreshBoard = useCallback(
    () => client.query(BoardQuery, variablesRef.current, { requestPolicy: "network-only" }).toPromise(),
    [client],
  );
  const columns = data?.board.columns;
  // While a new filter loads, the previous board stays on screen: its columns page on with the
  // action and filter they were read with, not with what the form says now.
  const shown = operation?.variables ?? variables;
  // Read-only while a past board is asked for or still on screen (cards then trust their column).
  const readOnly = Boolean(asOf || shown.at);
  const shownFilter = { ...shown.filter, actionCode: shown.actionCode };
  const columnKey = JSON.stringify(shownFilter);
  const illustrative = columns?.some((column) =>
    readFragment(BoardColumnFragment, column).projects.edges.some((edge) => readFragment(ProjectCardFragment, edge.node).illustrative),
  );
  const board = columns && (
    <div className={fetching ? "board board--refreshing" : "board"} aria-busy={fetching}>
      {columns.map((column) => (
        <BoardColumn key={`${column.stage}:${shown.at ?? "now"}:${columnKey}`} column={column} filter={shownFilter} />
      ))}
    </div>
  );

  return (
    <section className="board-page" aria-labelledby="board-title">
      <div className="board-page__head">
        <h1 className="board-page__title" id="board-title">
          {action.name}
        </h1>
        {columns && (
          <p className="board-page__summary">
            共 <strong>{columns.reduce((total, column) => total + column.totalCount, 0)}</strong> 个项目 · 总投资{" "}
            <strong>{formatInvestment(sumInvestment(columns.map((column) => column.totalInvestment)))}</strong>
          </p>
        )}
      </div>

      <div className="board-toolbar">
        <BoardFilters action={action} value={form} onChange={onFilterChange} />
        <AsOfPicker value={asOf} onChange={setAsOf} />
        {illustrative && (
          <p className="board-toolbar__note" role="note">
            <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
              <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" strokeWidth="1.5" />
              <path d="M8 7v4.5M8 4.5v.5" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
            </svg>
            示例数据：投资额、业主单位和日期为示意
          </p>
        )}
      </div>

      {asOf && <AsOfBanner date={asOf} onBack={() => setAsOf(null)} />}

      {columns ? (
        readOnly ? (
          <BoardMovesContext value={PAST_BOARD}>{board}</BoardMovesContext>
        ) : (
          <MovableBoard actionCode={action.code} viewer={viewer} refreshBoard={refreshBoard}>
            {board}
          </MovableBoard>
        )
      ) : error ? (
        <div className="panel-message panel-message--error" role="alert">
          <p>看板加载失败：{describeError(error)}</p>
          <button className="button" type="button" onClick={() => reexecute({ requestPolicy: "network-only" })}>
            重试
          </button>
        </div>
      ) : (
        <BoardSkeleton />
      )}
    </section>
  );
}
