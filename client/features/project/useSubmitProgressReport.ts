import { graphql } from "../../graphql";
import { ProjectChangeErrorFragment, ProjectChangeFragment } from "./projectChange";
import { useProjectChange } from "./useProjectChange";

const SubmitProgressReportMutationDocument = graphql(
  `
    mutation SubmitProgressReport($input: SubmitProgressReportInput!) {
      submitProgressReport(input: $input) {
        ...ProjectChange_error
        ... on SubmitProgressReportSuccess {
          project {
            ...ProjectChange_project
          }
        }
      }
    }
  `,
  [ProjectChangeFragment, ProjectChangeErrorFragment],
);
// Sent as its hash only (persisted operations); the build lists every such document.
export const SubmitProgressReportMutation = graphql.persisted("SubmitProgressReport", SubmitProgressReportMutationDocument);

/** 月度进度: reports a month, or revises a month already reported (submitProgressReport). */
export function useSubmitProgressReport() {
  return useProjectChange(SubmitProgressReportMutation, (data) => data.submitProgressReport);
}
