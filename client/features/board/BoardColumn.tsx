import { useState } from "react";
import { graphql, readFragment, type FragmentOf } from "../../graphql";
import type { ProjectFilter } from "./boardFilter";
import { ColumnPage } from "./ColumnPage";
import { formatInvestment, STAGE_LABELS } from "./format";
import { LoadMoreItem } from "./LoadMoreItem";
import { ProjectCard, ProjectCardFragment } from "./ProjectCard";

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
  // Cursors of the pages loaded after the first one (the parent remounts the column on a new filter).
  const [cursors, setCursors] = useState<string[]>([]);
  const loadMore = (after: string) => setCursors((loaded) => (loaded.includes(after) ? loaded : [...loaded, after]));
  const firstPage = column.projects;
  const nextCursor = firstPage.pageInfo.hasNextPage ? firstPage.pageInfo.endCursor : null;
  const label = STAGE_LABELS[column.stage];
  const headingId = `column-${column.stage}`;

  return (
    <section className={`column column--${column.stage.toLowerCase().replaceAll("_", "-")}`} aria-labelledby={headingId}>
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
        {firstPage.edges.length === 0 ? (
          <p className="column__empty">暂无项目</p>
        ) : (
          <ol className="column__cards">
            {firstPage.edges.map((edge) => (
              <li key={edge.node.id}>
                <ProjectCard project={edge.node} />
              </li>
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
            {cursors.length === 0 && nextCursor && <LoadMoreItem onClick={() => loadMore(nextCursor)} />}
          </ol>
        )}
      </div>
    </section>
  );
}
