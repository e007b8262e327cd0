// The board's filter as the user edits it, and as the API takes it (ProjectFilter).
import type { VariablesOf } from "../../graphql";
import type { ColumnPageQuery } from "./ColumnPage";

export type ProjectFilter = VariablesOf<typeof ColumnPageQuery>["filter"];

/** Form state: "" means "all". */
export interface BoardFilterState {
  subTaskId: string;
  responsibleUnitId: string;
  townshipId: string;
  search: string;
}

export const EMPTY_BOARD_FILTER: BoardFilterState = { subTaskId: "", responsibleUnitId: "", townshipId: "", search: "" };

export function isFilterActive(filter: BoardFilterState): boolean {
  return Boolean(filter.subTaskId || filter.responsibleUnitId || filter.townshipId || filter.search.trim());
}

/** Only the fields that are set, so an empty form asks for the whole board. */
export function toProjectFilter(filter: BoardFilterState): ProjectFilter {
  const search = filter.search.trim();
  return {
    ...(filter.subTaskId && { subTaskId: filter.subTaskId }),
    ...(filter.responsibleUnitId && { responsibleUnitId: filter.responsibleUnitId }),
    ...(filter.townshipId && { townshipId: filter.townshipId }),
    ...(search && { search }),
  };
}
