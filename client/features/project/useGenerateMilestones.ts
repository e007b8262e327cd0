import { graphql } from "../../graphql";
import { ProjectChangeErrorFragment, ProjectChangeFragment } from "./projectChange";
import { useProjectChange } from "./useProjectChange";

const GenerateMilestonesMutationDocument = graphql(
  `
    mutation GenerateMilestones($input: GenerateMilestonesInput!) {
      generateMilestones(input: $input) {
        ...ProjectChange_error
        ... on GenerateMilestonesSuccess {
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
export const GenerateMilestonesMutation = graphql.persisted("GenerateMilestones", GenerateMilestonesMutationDocument);

/** 倒排工期: plans the stage milestones back from the planned completion date (generateMilestones). */
export function useGenerateMilestones() {
  return useProjectChange(GenerateMilestonesMutation, (data) => data.generateMilestones);
}
