import { useCallback, useEffect, useRef } from "react";
import { useClient, useQuery } from "urql";
import { describeError } from "../../app/errors";
import { graphql, readFragment, type FragmentOf } from "../../graphql";
import { BoardColumn, BoardColumnFragment } from "./BoardColumn";
import { BoardFilters, BoardFiltersFragment } from "./BoardFilters";
import { toProjectFilter, type BoardFilterState } from "./boardFilter";
import { BoardSkeleton } from "./BoardSkeleton";
import { formatInvestment, sumInvestment } from "./format";
import { MovableBoard, type MovableBoardViewerFragment } from "./MovableBoard";
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

const BoardQueryDocument = graphql(
  `
    query Board($actionCode: Int!, $filter: ProjectFilter) {
      board(actionCode: $actionCode, filter: $filter) {
        columns {
          stage
          totalCount
          totalInvestment
          projects(first: 20) {
            edges {
              node {
                id
                illustrative
              }
            }
          }
          ...BoardColumn_column
        }
      }
    }
  `,
  [BoardColumnFragment],
);
// Sent as its hash only (persisted operations); the build lists every such document.
const BoardQuery = graphql.persisted("Board", BoardQueryDocument);

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

  const variables = { actionCode: action.code, filter };
  const [{ data, fetching, error, operation }, reexecute] = useQuery({ query: BoardQuery, variables });
  const client = useClient();
  const variablesRef = useRef(variables);
  useEffect(() => {
    variablesRef.current = variables;
  });
  // After a move (ours or anyone's) the counts and sums change too: the whole board is read again.
  // Same query and variables as above, so the board shows the answer without a loading state.
  const refreshBoard = useCallback(
    () => client.query(BoardQuery, variablesRef.current, { requestPolicy: "network-only" }).toPromise(),
    [client],
  );
  const columns = data?.board.columns;
  // While a new filter loads, the previous board stays on screen: its columns page on with the
  // action and filter they were read with, not with what the form says now.
  const shown = operation?.variables ?? { actionCode: action.code, filter };
  const shownFilter = { ...shown.filter, actionCode: shown.actionCode };
  const columnKey = JSON.stringify(shownFilter);
  const illustrative = columns?.some((column) => column.projects.edges.some((edge) => edge.node.illustrative));

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

      {columns ? (
        <MovableBoard actionCode={action.code} viewer={viewer} refreshBoard={refreshBoard}>
          <div className={fetching ? "board board--refreshing" : "board"} aria-busy={fetching}>
            {columns.map((column) => (
              <BoardColumn key={`${column.stage}:${columnKey}`} column={column} filter={shownFilter} />
            ))}
          </div>
        </MovableBoard>
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
