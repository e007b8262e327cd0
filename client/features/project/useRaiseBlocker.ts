import { graphql } from "../../graphql";
import { ProjectChangeErrorFragment, ProjectChangeFragment } from "./projectChange";
import { useProjectChange } from "./useProjectChange";

const RaiseBlockerMutationDocument = graphql(
  `
    mutation RaiseBlocker($input: RaiseBlockerInput!) {
      raiseBlocker(input: $input) {
        ...ProjectChange_error
        ... on RaiseBlockerSuccess {
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
export const RaiseBlockerMutation = graphql.persisted("RaiseBlocker", RaiseBlockerMutationDocument);

/** 堵点: raises a blocker on a project (raiseBlocker). */
export function useRaiseBlocker() {
  return useProjectChange(RaiseBlockerMutation, (data) => data.raiseBlocker);
}
