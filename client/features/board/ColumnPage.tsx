import { useQuery } from "urql";
import { describeError } from "../../app/errors";
import { graphql } from "../../graphql";
import type { ProjectFilter } from "./boardFilter";
import { LoadMoreItem } from "./LoadMoreItem";
import type { Stage } from "./moveRules";
import { ProjectCardFragment, ProjectCardItem } from "./ProjectCard";

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
  const page = data?.projects;
  const stage = filter.stage;
  const nextCursor = page?.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;

  return (
    <>
      {page?.edges.map((edge) => (
        <ProjectCardItem key={edge.node.id} project={edge.node} columnStage={stage} />
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
