import { graphql } from "../../graphql";

/** What a row of the notices table shows. */
export const NoticeRowFragment = graphql(`
  fragment NoticeRow_notice on SupervisionNotice {
    id
    subject
    requirement
    replyDeadline
    state
    overdue
    issuedAt
    reply
    repliedAt
    replyLate
    resolutionNote
    project {
      id
      code
      name
    }
    unit {
      id
      name
      shortName
    }
  }
`);
