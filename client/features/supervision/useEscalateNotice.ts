import { useMutation } from "urql";
import { graphql } from "../../graphql";
import { NoticeRowFragment } from "./noticeFragment";
import { outcomeOf } from "./outcome";

const EscalateNoticeDocument = graphql(
  `
    mutation EscalateSupervisionNotice($input: EscalateSupervisionNoticeInput!) {
      escalateSupervisionNotice(input: $input) {
        __typename
        ... on EscalateSupervisionNoticeSuccess {
          notice {
            id
            ...NoticeRow_notice
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
  `,
  [NoticeRowFragment],
);
const EscalateNoticeMutation = graphql.persisted("EscalateSupervisionNotice", EscalateNoticeDocument);

/** 提请领导小组 (the office), with a note. */
export function useEscalateNotice() {
  const [{ fetching }, execute] = useMutation(EscalateNoticeMutation);
  const escalate = async (noticeId: string, note: string) => {
    const result = await execute({ input: { noticeId, note } });
    return outcomeOf(result.error, result.data?.escalateSupervisionNotice, "EscalateSupervisionNoticeSuccess");
  };
  return { escalate, fetching };
}
