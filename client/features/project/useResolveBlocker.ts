import { graphql } from "../../graphql";
import { ProjectChangeErrorFragment, ProjectChangeFragment } from "./projectChange";
import { useProjectChange } from "./useProjectChange";

const ResolveBlockerMutationDocument = graphql(
  `
    mutation ResolveBlocker($input: ResolveBlockerInput!) {
      resolveBlocker(input: $input) {
        ...ProjectChange_error
        ... on ResolveBlockerSuccess {
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
export const ResolveBlockerMutation = graphql.persisted("ResolveBlocker", ResolveBlockerMutationDocument);

/** 堵点: marks an open blocker resolved, saying how (resolveBlocker). */
export function useResolveBlocker() {
  return useProjectChange(ResolveBlockerMutation, (data) => data.resolveBlocker);
}
