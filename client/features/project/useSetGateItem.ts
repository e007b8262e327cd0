import { graphql } from "../../graphql";
import { ProjectChangeErrorFragment, ProjectChangeFragment } from "./projectChange";
import { useProjectChange } from "./useProjectChange";

const SetGateItemMutationDocument = graphql(
  `
    mutation SetGateItem($input: SetGateItemInput!) {
      setGateItem(input: $input) {
        ...ProjectChange_error
        ... on SetGateItemSuccess {
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
export const SetGateItemMutation = graphql.persisted("SetGateItem", SetGateItemMutationDocument);

/** 阶段条件: ticks or unticks a MANUAL item of the project's gate, with its 文号 (setGateItem). */
export function useSetGateItem() {
  return useProjectChange(SetGateItemMutation, (data) => data.setGateItem);
}
