// What the cards of a board need to know about moving: who may move what, which moves are being
// saved, and whether the board is a past one (read-only).
import { createContext } from "react";
import type { FragmentOf } from "../../graphql";
import type { Stage } from "./moveRules";
import type { ProjectCardFragment } from "./ProjectCard";

export interface BoardMoves {
  /** Projects whose move is being saved (drawn in their new column, from the optimistic cache). */
  saving: ReadonlySet<string>;
  /** Grows each time the board is read again: further pages (加载更多) are then read again too. */
  revision: number;
  /** Whether the signed-in user may move a project of this 责任单位. */
  canMove: (responsibleUnitId: string) => boolean;
  /**
   * A past board (read-only): each card stands in the column it was in then, whatever its stage
   * now, and shows no current-state details (days in stage, badges).
   */
  past?: boolean;
}

export const BoardMovesContext = createContext<BoardMoves>({ saving: new Set(), revision: 0, canMove: () => false });

/** The data a dragged card carries (dnd-kit's `active.data`). */
export interface CardDragData {
  project: FragmentOf<typeof ProjectCardFragment>;
  stage: Stage;
}
