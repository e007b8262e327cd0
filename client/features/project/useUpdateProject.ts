import { graphql } from "../../graphql";
import { ProjectChangeErrorFragment, ProjectChangeFragment } from "./projectChange";
import { useProjectChange } from "./useProjectChange";

const UpdateProjectMutationDocument = graphql(
  `
    mutation UpdateProject($input: UpdateProjectInput!) {
      updateProject(input: $input) {
        ...ProjectChange_error
        ... on UpdateProjectSuccess {
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
export const UpdateProjectMutation = graphql.persisted("UpdateProject", UpdateProjectMutationDocument);

/** 基本信息: changes the fields given (updateProject), from the version the user saw. */
export function useUpdateProject() {
  return useProjectChange(UpdateProjectMutation, (data) => data.updateProject);
}
