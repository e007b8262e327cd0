import { useMutation } from "urql";
import { graphql, type VariablesOf } from "../../graphql";
import { outcomeOf } from "./outcome";

const SaveScoringSchemeDocument = graphql(`
  mutation SaveScoringScheme($input: SaveScoringSchemeInput!) {
    saveScoringScheme(input: $input) {
      __typename
      ... on SaveScoringSchemeSuccess {
        scheme {
          version
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
const SaveScoringSchemeMutation = graphql.persisted("SaveScoringScheme", SaveScoringSchemeDocument);

export type SchemeInput = VariablesOf<typeof SaveScoringSchemeDocument>["input"];

/** 保存考核方案 (a new version; the office). */
export function useSaveScoringScheme() {
  const [{ fetching }, execute] = useMutation(SaveScoringSchemeMutation);
  const save = async (input: SchemeInput) => {
    const result = await execute({ input });
    return outcomeOf(result.error, result.data?.saveScoringScheme, "SaveScoringSchemeSuccess");
  };
  return { save, fetching };
}
