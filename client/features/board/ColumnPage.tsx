import { use, useEffect, useRef } from "react";
import { useQuery } from "urql";
import { describeError } from "../../app/errors";
import { graphql } from "../../graphql";
import type { ProjectFilter } from "./boardFilter";
import { LoadMoreItem } from "./LoadMoreItem";
import type { Stage } from "./moveRules";
import { BoardMovesContext } from "./boardMoves";
import { BoardCardItem, ProjectCardFragment } from "./ProjectCard";

// A further page of one column. The board's own `projects` field takes one cursor for all five
// columns, so later pages come from `projects(filter: { …, actionCode, stage })`, which pages
// in the same order (by code) with the same cursors.
const ColumnPageQueryDocument = graphql(
  `
    query ColumnPage($filter: ProjectFilter!, $after: String!) {
      projects(filter: $filter, first: 20, after: $after) {
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
// Sent as its hash only (persisted operations); the build lists every such document.
export const ColumnPageQuery = graphql.persisted("ColumnPage", ColumnPageQueryDocument);

interface ColumnPageProps {
  /** Includes the column's stage. */
  filter: ProjectFilter & { stage: Stage };
  after: string;
  /** Only the last page offers 加载更多. */
  isLast: boolean;
  onLoadMore: (after: string) => void;
}

export function ColumnPage({ filter, after, isLast, onLoadMore }: ColumnPageProps) {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ColumnPageQuery, variables: { filter, after } });
  // Read again whenever the board is (after a move, a live update, a reconnect); the page stays on
  // screen meanwhile.
  const { revision } = use(BoardMovesContext);
  const shownRevision = useRef(revision);
  useEffect(() => {
    if (shownRevision.current === revision) return;
    shownRevision.current = revision;
    reexecute({ requestPolicy: "network-only" });
  }, [revision, reexecute]);
  const page = data?.projects;
  const stage = filter.stage;
  const nextCursor = page?.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;

  return (
    <>
      {page?.edges.map((edge) => (
        <BoardCardItem key={edge.node.id} card={edge.node} columnStage={stage} />
      ))}
      {isLast &&
        (fetching && !page ? (
          <LoadMoreItem loading />
        ) : error && !page ? (
          <li className="column__more">
            <p className="column__error" role="alert">
              {describeError(error)}
            </p>
            <button className="button button--small" type="button" onClick={() => reexecute({ requestPolicy: "network-only" })}>
              重试
            </button>
          </li>
        ) : nextCursor ? (
          <LoadMoreItem onClick={() => onLoadMore(nextCursor)} />
        ) : null)}
    </>
  );
}
