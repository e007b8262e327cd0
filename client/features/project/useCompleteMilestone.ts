import { graphql } from "../../graphql";
import { ProjectChangeErrorFragment, ProjectChangeFragment } from "./projectChange";
import { useProjectChange } from "./useProjectChange";

const CompleteMilestoneMutationDocument = graphql(
  `
    mutation CompleteMilestone($input: CompleteMilestoneInput!) {
      completeMilestone(input: $input) {
        ...ProjectChange_error
        ... on CompleteMilestoneSuccess {
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
export const CompleteMilestoneMutation = graphql.persisted("CompleteMilestone", CompleteMilestoneMutationDocument);

/** 节点: records the date a milestone was done (completeMilestone). */
export function useCompleteMilestone() {
  return useProjectChange(CompleteMilestoneMutation, (data) => data.completeMilestone);
}
