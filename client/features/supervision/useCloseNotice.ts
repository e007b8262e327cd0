import { useMutation } from "urql";
import { graphql } from "../../graphql";
import { NoticeRowFragment } from "./noticeFragment";
import { outcomeOf } from "./outcome";

const CloseNoticeDocument = graphql(
  `
    mutation CloseSupervisionNotice($input: CloseSupervisionNoticeInput!) {
      closeSupervisionNotice(input: $input) {
        __typename
        ... on CloseSupervisionNoticeSuccess {
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
const CloseNoticeMutation = graphql.persisted("CloseSupervisionNotice", CloseNoticeDocument);

/** 办结督办单 (the office, after a reply). */
export function useCloseNotice() {
  const [{ fetching }, execute] = useMutation(CloseNoticeMutation);
  const close = async (noticeId: string, note: string) => {
    const result = await execute({ input: { noticeId, note: note || null } });
    return outcomeOf(result.error, result.data?.closeSupervisionNotice, "CloseSupervisionNoticeSuccess");
  };
  return { close, fetching };
}
