import { useCallback } from "react";
import { useMutation } from "urql";
import { graphql } from "../../graphql";
import { outcomeOf, type Outcome } from "./mutationOutcome";

const SetIndicatorValueMutationDocument = graphql(`
  mutation SetIndicatorValue($input: SetIndicatorValueInput!) {
    setIndicatorValue(input: $input) {
      __typename
      ... on SetIndicatorValueSuccess {
        indicator {
          id
          measures {
            id
            values {
              year
              value
              note
            }
            latest {
              year
              value
            }
            progress {
              ratio
              expected
              achieved
              status
              latestYear
            }
          }
        }
      }
      ... on Error {
        message
      }
      ... on ValidationError {
        field
      }
    }
  }
`);
// Sent as its hash only (persisted operations); the build lists every such document.
const SetIndicatorValueMutation = graphql.persisted("SetIndicatorValue", SetIndicatorValueMutationDocument);

export interface IndicatorValueInput {
  measureId: string;
  year: number;
  value: string;
  note: string | null;
}

/** The office enters or revises a measure's actual for a year; graphcache updates cards, table and chart. */
export function useSetIndicatorValue(): (input: IndicatorValueInput) => Promise<Outcome> {
  const [, execute] = useMutation(SetIndicatorValueMutation);
  return useCallback(
    async (input) => {
      const result = await execute({ input });
      return outcomeOf(result.error, result.data?.setIndicatorValue, "SetIndicatorValueSuccess");
    },
    [execute],
  );
}
