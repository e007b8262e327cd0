import { useCallback } from "react";
import { useMutation } from "urql";
import { graphql } from "../../graphql";
import { outcomeOf } from "../meetings/meetingResult";

const SetLightThresholdsDocument = graphql(`
  mutation SetLightThresholds($input: SetLightThresholdsInput!) {
    setLightThresholds(input: $input) {
      __typename
      ... on SetLightThresholdsSuccess { thresholds { yellowPoints redPoints unstartedMonths yellowSlipDays redSlipDays } }
      ... on Error { message }
    }
  }
`);
const SetLightThresholdsMutation = graphql.persisted("SetLightThresholds", SetLightThresholdsDocument);

export type LightThresholdsInput = { yellowPoints: number; redPoints: number; unstartedMonths: number; yellowSlipDays: number; redSlipDays: number };

/** 红黄绿灯阈值: the office sets the traffic lights' thresholds. */
export function useSetLightThresholds() {
  const [state, execute] = useMutation(SetLightThresholdsMutation);
  const save = useCallback(
    async (input: LightThresholdsInput) => {
      const { data, error } = await execute({ input });
      return outcomeOf(error, data?.setLightThresholds, "SetLightThresholdsSuccess", () => true);
    },
    [execute],
  );
  return [state.fetching, save] as const;
}
