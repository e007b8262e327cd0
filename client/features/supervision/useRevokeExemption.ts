import { useMutation } from "urql";
import { graphql } from "../../graphql";
import { outcomeOf } from "./outcome";

const RevokeExemptionDocument = graphql(`
  mutation RevokeScoringExemption($input: RevokeScoringExemptionInput!) {
    revokeScoringExemption(input: $input) {
      __typename
      ... on RevokeScoringExemptionSuccess {
        exemption {
          id
          revokedAt
        }
      }
      ... on Error {
        message
      }
    }
  }
`);
const RevokeExemptionMutation = graphql.persisted("RevokeScoringExemption", RevokeExemptionDocument);

/** 撤销豁免 (the office). */
export function useRevokeExemption() {
  const [{ fetching }, execute] = useMutation(RevokeExemptionMutation);
  const revoke = async (exemptionId: string) => {
    const result = await execute({ input: { exemptionId } });
    return outcomeOf(result.error, result.data?.revokeScoringExemption, "RevokeScoringExemptionSuccess");
  };
  return { revoke, fetching };
}
