import { useMutation } from "urql";
import { graphql, type VariablesOf } from "../../graphql";
import { outcomeOf } from "./outcome";

const IssueNoticeDocument = graphql(`
  mutation IssueSupervisionNotice($input: IssueSupervisionNoticeInput!) {
    issueSupervisionNotice(input: $input) {
      __typename
      ... on IssueSupervisionNoticeSuccess {
        notice {
          id
          state
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
const IssueNoticeMutation = graphql.persisted("IssueSupervisionNotice", IssueNoticeDocument);

/** 下发督办单 (the office). */
export function useIssueNotice() {
  const [{ fetching }, execute] = useMutation(IssueNoticeMutation);
  const issue = async (input: VariablesOf<typeof IssueNoticeDocument>["input"]) => {
    const result = await execute({ input }, { additionalTypenames: ["SupervisionNotice"] });
    return outcomeOf(result.error, result.data?.issueSupervisionNotice, "IssueSupervisionNoticeSuccess");
  };
  return { issue, fetching };
}
