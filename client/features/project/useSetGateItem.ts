import { useMutation } from "urql";
import { describeError, hasErrorCode } from "../../app/errors";
import { graphql } from "../../graphql";

const SetGateItemMutationDocument = graphql(`
  mutation SetGateItem($input: SetGateItemInput!) {
    setGateItem(input: $input) {
      __typename
      ... on SetGateItemSuccess {
        # The drawer reads the checklist again after a save; only the version is needed here.
        project {
          id
          version
        }
      }
      ... on Error {
        message
      }
    }
  }
`);
// Sent as its hash only (persisted operations); the build lists every such document.
export const SetGateItemMutation = graphql.persisted("SetGateItem", SetGateItemMutationDocument);

export interface SetGateItemRequest {
  projectId: string;
  requirementId: string;
  done: boolean;
  /** 文号; empty means none. */
  reference: string;
}

export type SetGateItemOutcome = { ok: true } | { ok: false; message: string };

/** Ticks or unticks a MANUAL item of a project's stage gate (setGateItem), with its 文号. */
export function useSetGateItem() {
  const [{ fetching }, execute] = useMutation(SetGateItemMutation);

  async function setGateItem({ projectId, requirementId, done, reference }: SetGateItemRequest): Promise<SetGateItemOutcome> {
    const trimmed = reference.trim();
    const result = await execute({ input: { projectId, requirementId, done, reference: trimmed === "" ? null : trimmed } });
    if (result.error) {
      return {
        ok: false,
        message: hasErrorCode(result.error, "FORBIDDEN") ? "当前账号无权修改此项目。" : describeError(result.error),
      };
    }
    const payload = result.data?.setGateItem;
    if (!payload) return { ok: false, message: "保存失败，请稍后重试。" };
    if (payload.__typename === "SetGateItemSuccess") return { ok: true };
    return { ok: false, message: payload.message };
  }

  return { setGateItem, fetching };
}
