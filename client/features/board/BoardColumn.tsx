import { useDroppable } from "@dnd-kit/core";
import { use, useState } from "react";
import { graphql, readFragment, type FragmentOf } from "../../graphql";
import { BoardMovesContext, type CardDragData } from "./boardMoves";
import type { ProjectFilter } from "./boardFilter";
import { ColumnPage } from "./ColumnPage";
import { formatInvestment, STAGE_LABELS } from "./format";
import { LoadMoreItem } from "./LoadMoreItem";
import { BoardCardItem, ProjectCardFragment } from "./ProjectCard";

export const BoardColumnFragment = graphql(
  `
    fragment BoardColumn_column on BoardColumn {
      stage
      totalCount
      totalInvestment
      projects(first: 20) {
        edges {
          node {
            id
            ...ProjectCard_project
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  `,
  [ProjectCardFragment],
);

interface BoardColumnProps {
  column: FragmentOf<typeof BoardColumnFragment>;
  /** The filter the board was read with, including the action; the column adds its stage. */
  filter: ProjectFilter;
}

export function BoardColumn({ column: columnData, filter }: BoardColumnProps) {
  const column = readFragment(BoardColumnFragment, columnData);
  const { past } = use(BoardMovesContext);
  // The column is where cards are dropped; its id is its stage. A past board takes no drops.
  const { setNodeRef, isOver, active } = useDroppable({ id: column.stage, disabled: past });
  // Cursors of the pages loaded after the first one (the parent remounts the column on a new filter).
  const [cursors, setCursors] = useState<string[]>([]);
  const loadMore = (after: string) => setCursors((loaded) => (loaded.includes(after) ? loaded : [...loaded, after]));
  const firstPage = column.projects;
  const nextCursor = firstPage.pageInfo.hasNextPage ? firstPage.pageInfo.endCursor : null;
  const label = STAGE_LABELS[column.stage];
  const headingId = `column-${column.stage}`;

  // A card moved away (by this user, optimistically, or by someone else) has its new stage in the
  // cache before the board is read again; it is no longer drawn here.
  const hasCards = firstPage.edges.some((edge) => past || readFragment(ProjectCardFragment, edge.node).stage === column.stage);
  const dropTarget = isOver && (active?.data.current as CardDragData | undefined)?.stage !== column.stage;

  return (
    <section
      ref={setNodeRef}
      className={`column column--${column.stage.toLowerCase().replaceAll("_", "-")}${dropTarget ? " column--drop-target" : ""}`}
      aria-labelledby={headingId}
      data-testid="board-column"
      data-stage={column.stage}
    >
      <header className="column__header">
        <h2 className="column__title" id={headingId}>
          <span className="column__dot" aria-hidden="true" />
          {label}
          <span className="column__count" aria-label={`${column.totalCount} 个项目`}>
            {column.totalCount}
          </span>
        </h2>
        <p className="column__investment">
          <span className="column__investment-label">总投资</span> {formatInvestment(column.totalInvestment)}
        </p>
      </header>
      <div className="column__body">
        {!hasCards && cursors.length === 0 && !nextCursor ? (
          <p className="column__empty">{dropTarget ? "放到此阶段" : "暂无项目"}</p>
        ) : (
          <ol className="column__cards">
            {firstPage.edges.map((edge) => (
              <BoardCardItem key={edge.node.id} card={edge.node} columnStage={column.stage} />
            ))}
            {cursors.map((after, index) => (
              <ColumnPage
                key={after}
                filter={{ ...filter, stage: column.stage }}
                after={after}
                isLast={index === cursors.length - 1}
                onLoadMore={loadMore}
              />
            ))}
            {/* Further pages come from today's stages (projects(filter: { stage })), not from the past board's. */}
            {cursors.length === 0 && nextCursor && past && (
              <li className="column__more column__more--note">另有 {column.totalCount - firstPage.edges.length} 个项目未显示</li>
            )}
            {cursors.length === 0 && nextCursor && !past && <LoadMoreItem onClick={() => loadMore(nextCursor)} />}
          </ol>
        )}
      </div>
    </section>
  );
}
