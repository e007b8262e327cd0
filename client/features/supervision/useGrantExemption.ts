import { useMutation } from "urql";
import { graphql, type VariablesOf } from "../../graphql";
import { outcomeOf } from "./outcome";

const GrantExemptionDocument = graphql(`
  mutation GrantScoringExemption($input: GrantScoringExemptionInput!) {
    grantScoringExemption(input: $input) {
      __typename
      ... on GrantScoringExemptionSuccess {
        exemption {
          id
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
const GrantExemptionMutation = graphql.persisted("GrantScoringExemption", GrantExemptionDocument);

export type GrantExemptionInput = VariablesOf<typeof GrantExemptionDocument>["input"];

/** 登记不可抗力豁免 (the office). */
export function useGrantExemption() {
  const [{ fetching }, execute] = useMutation(GrantExemptionMutation);
  const grant = async (input: GrantExemptionInput) => {
    const result = await execute({ input });
    return outcomeOf(result.error, result.data?.grantScoringExemption, "GrantScoringExemptionSuccess");
  };
  return { grant, fetching };
}
