// Moves the user has made on the board that the board's data does not show yet: the card is drawn
// in its new column (optimistic) until the move is refused or the board has been read again.
import { createContext } from "react";
import type { FragmentOf } from "../../graphql";
import type { Stage } from "./moveRules";
import type { ProjectCardFragment } from "./ProjectCard";

export interface PendingMove {
  projectId: string;
  /** The card as it was dragged, to draw it in the target column. */
  project: FragmentOf<typeof ProjectCardFragment>;
  from: Stage;
  to: Stage;
  /** 万元, for the columns' sums while the move is pending. */
  totalInvestment: string;
  /** reason: waiting for 退回原因; saving: sent; settled: accepted, the board is being read again. */
  status: "reason" | "saving" | "settled";
}

export interface BoardMoves {
  moves: ReadonlyMap<string, PendingMove>;
  /** Whether the signed-in user may move a project of this 责任单位. */
  canMove: (responsibleUnitId: string) => boolean;
  /**
   * A past board (read-only): each card stands in the column it was in then, whatever its stage
   * now, and shows no current-state details (days in stage, badges).
   */
  past?: boolean;
}

export const BoardMovesContext = createContext<BoardMoves>({ moves: new Map(), canMove: () => false });

/** The data a dragged card carries (dnd-kit's `active.data`). */
export interface CardDragData {
  project: FragmentOf<typeof ProjectCardFragment>;
  stage: Stage;
}
