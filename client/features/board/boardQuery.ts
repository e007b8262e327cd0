// The board's query, shared by the page that shows it and the cache updater that moves cards in it.
import { graphql } from "../../graphql";
import { BoardColumnFragment } from "./BoardColumn";

export const BoardQueryDocument = graphql(
  `
    query Board($actionCode: Int!, $at: DateTime, $filter: ProjectFilter) {
      board(actionCode: $actionCode, at: $at, filter: $filter) {
        columns {
          stage
          totalCount
          totalInvestment
          ...BoardColumn_column
        }
      }
    }
  `,
  [BoardColumnFragment],
);
// Sent as its hash only (persisted operations); the build lists every such document.
export const BoardQuery = graphql.persisted("Board", BoardQueryDocument);
