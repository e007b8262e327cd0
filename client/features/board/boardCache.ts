// How the normalised cache follows a board move (moveProject): at once, with an optimistic result,
// and again when the server has accepted it. The card leaves its column's list and heads the target
// column's, and both columns' counts and sums change; a refused move leaves nothing behind, since
// graphcache drops the optimistic layer by itself. The board is read again after every move anyway
// (MovableBoard); this makes the move show before that answer arrives.
import type { Cache, OptimisticMutationConfig, UpdatesConfig } from "@urql/exchange-graphcache";
import { graphql, type VariablesOf } from "../../graphql";
import { BoardQueryDocument } from "./boardQuery";
import type { MoveProjectMutation } from "./useMoveProject";
import { ProjectCardFragment } from "./ProjectCard";
import type { Stage } from "./moveRules";

type MoveInput = VariablesOf<typeof MoveProjectMutation>["input"];
type BoardVariables = VariablesOf<typeof BoardQueryDocument>;
/** The board as the cache holds it: every field its fragments select, unmasked (only what is read here is named). */
interface CachedBoard {
  board: {
    columns: {
      stage: Stage;
      totalCount: number;
      totalInvestment: string;
      projects: { edges: { node: { id: string } }[] };
    }[];
  };
}

const ProjectVersionFragment = graphql(`
  fragment BoardCache_projectVersion on Project {
    id
    version
  }
`);

/** The cards' fields a move changes, as the server will answer them. */
function movedProject(cache: Cache, { projectId, to }: MoveInput) {
  const current = cache.readFragment(ProjectVersionFragment, { __typename: "Project", id: projectId } as never);
  return {
    __typename: "Project" as const,
    id: projectId,
    stage: to,
    version: (current?.version ?? 0) + 1,
    stageEnteredAt: new Date().toISOString(),
    daysInStage: 0,
  };
}

export const boardOptimistic: OptimisticMutationConfig = {
  moveProject: (args, cache) => ({
    __typename: "MoveProjectSuccess",
    project: movedProject(cache, (args as { input: MoveInput }).input),
  }),
};

export const boardUpdates: UpdatesConfig = {
  Mutation: {
    moveProject(result, args, cache) {
      const payload = (result as { moveProject?: { __typename?: string } | null }).moveProject;
      if (payload?.__typename !== "MoveProjectSuccess") return;
      const { projectId, to } = (args as { input: MoveInput }).input;
      relocateCard(cache, projectId, to);
    },
  },
};

/** The stable text of a filter, to tell which further pages belong to which board. */
function filterKey(filter: Record<string, unknown> | null | undefined): string {
  const entries = Object.entries(filter ?? {}).filter(([, value]) => value !== null && value !== undefined);
  return JSON.stringify(entries.sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The stage of the column whose further page (a `projects(filter: { …, stage })` list loaded with
 * 加载更多) lists the card on this board, if one does.
 */
function stageOfLoadedPage(cache: Cache, projectId: string, board: BoardVariables): Stage | null {
  const projectKey = cache.keyOfEntity({ __typename: "Project", id: projectId });
  const boardFilter = filterKey({ ...board.filter, actionCode: board.actionCode });
  for (const field of cache.inspectFields("Query")) {
    if (field.fieldName !== "projects") continue;
    const { stage, ...rest } = (field.arguments?.filter ?? {}) as Record<string, unknown>;
    if (!stage || filterKey(rest) !== boardFilter) continue;
    const connection = cache.resolve("Query", field.fieldKey) as string | null;
    const edges = (connection ? cache.resolve(connection, "edges") : null) as string[] | null;
    if (edges?.some((edge) => cache.resolve(edge, "node") === projectKey)) return stage as Stage;
  }
  return null;
}

function addInvestment(total: string, delta: number): string {
  return String(Math.round((Number(total) + delta) * 10_000) / 10_000);
}

/** Moves the card between the columns of every cached live board that shows it. */
function relocateCard(cache: Cache, projectId: string, to: Stage): void {
  // (A document's own fragment comes first, before the ones it spreads, which graphcache reads.)
  const card = cache.readFragment(ProjectCardFragment, { __typename: "Project", id: projectId } as never);
  if (!card) return;
  const investment = Number(card.totalInvestment) || 0;
  for (const field of cache.inspectFields("Query")) {
    if (field.fieldName !== "board" || field.arguments?.at) continue;
    const variables = field.arguments as BoardVariables;
    cache.updateQuery<CachedBoard, BoardVariables>({ query: BoardQueryDocument, variables }, (data) => {
      if (!data) return null;
      const columns = data.board.columns;
      const listed = (column: (typeof columns)[number]) =>
        column.projects.edges.some((edge) => edge.node.id === projectId);
      const fromStage = columns.find((column) => column.stage !== to && listed(column))?.stage ?? stageOfLoadedPage(cache, projectId, variables);
      if (!fromStage || fromStage === to) return data;
      return {
        ...data,
        board: {
          ...data.board,
          columns: columns.map((column) => {
            if (column.stage === fromStage) {
              return {
                ...column,
                totalCount: column.totalCount - 1,
                totalInvestment: addInvestment(column.totalInvestment, -investment),
                projects: {
                  ...column.projects,
                  edges: column.projects.edges.filter((edge) => edge.node.id !== projectId),
                },
              };
            }
            if (column.stage === to && !listed(column)) {
              const edge = { __typename: "ProjectEdge", node: { ...card, stage: to } };
              return {
                ...column,
                totalCount: column.totalCount + 1,
                totalInvestment: addInvestment(column.totalInvestment, investment),
                projects: { ...column.projects, edges: [edge, ...column.projects.edges] },
              };
            }
            return column;
          }),
        },
      };
    });
  }
}
