import { useCallback } from "react";
import { useMutation } from "urql";
import { graphql } from "../../graphql";
import { outcomeOf } from "../meetings/meetingResult";

const SetDwellThresholdDocument = graphql(`
  mutation SetDwellThreshold($input: SetDwellThresholdInput!) {
    setDwellThreshold(input: $input) {
      __typename
      ... on SetDwellThresholdSuccess { threshold { stage days } }
      ... on Error { message }
    }
  }
`);
const SetDwellThresholdMutation = graphql.persisted("SetDwellThreshold", SetDwellThresholdDocument);

/** 滞留天数: the office sets how long a project may stay in a stage before it counts as stuck. */
export function useSetDwellThreshold() {
  const [state, execute] = useMutation(SetDwellThresholdMutation);
  const save = useCallback(
    async (input: { stage: "RESERVE" | "PREPARATION" | "STARTED" | "UNDER_CONSTRUCTION" | "COMPLETED"; days: number }) => {
      const { data, error } = await execute({ input });
      return outcomeOf(error, data?.setDwellThreshold, "SetDwellThresholdSuccess", () => true);
    },
    [execute],
  );
  return [state.fetching, save] as const;
}
