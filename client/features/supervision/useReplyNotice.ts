import { useMutation } from "urql";
import { graphql } from "../../graphql";
import { NoticeRowFragment } from "./noticeFragment";
import { outcomeOf } from "./outcome";

const ReplyNoticeDocument = graphql(
  `
    mutation ReplySupervisionNotice($input: ReplySupervisionNoticeInput!) {
      replySupervisionNotice(input: $input) {
        __typename
        ... on ReplySupervisionNoticeSuccess {
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
const ReplyNoticeMutation = graphql.persisted("ReplySupervisionNotice", ReplyNoticeDocument);

/** 回复督办单 (the unit's owners). */
export function useReplyNotice() {
  const [{ fetching }, execute] = useMutation(ReplyNoticeMutation);
  const reply = async (noticeId: string, text: string) => {
    const result = await execute({ input: { noticeId, reply: text } });
    return outcomeOf(result.error, result.data?.replySupervisionNotice, "ReplySupervisionNoticeSuccess");
  };
  return { reply, fetching };
}
