import { useEffect, useRef } from "react";
import { useSubscription } from "urql";
import { graphql } from "../../graphql";

const BoardChangedSubscriptionDocument = graphql(`
  subscription BoardChanged($actionCode: Int!) {
    boardChanged(actionCode: $actionCode) {
      action
      at
      project {
        id
        stage
        version
        stageEnteredAt
        daysInStage
      }
    }
  }
`);
// Sent as its hash only (persisted operations); the build lists every such document.
export const BoardChangedSubscription = graphql.persisted("BoardChanged", BoardChangedSubscriptionDocument);

/** Calls `onChange` after each move or edit on the action's board, by anyone (live updates). */
export function useBoardChanged(actionCode: number, onChange: () => void) {
  const [{ data }] = useSubscription({ query: BoardChangedSubscription, variables: { actionCode } });
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });
  // Each event is a new `data`; several in one render are one refresh, which is enough.
  useEffect(() => {
    if (data) onChangeRef.current();
  }, [data]);
}
