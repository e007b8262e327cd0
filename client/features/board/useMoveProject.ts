import { useMutation } from "urql";
import { describeError, hasErrorCode } from "../../app/errors";
import { graphql } from "../../graphql";
import { STAGE_LABELS } from "./format";
import type { Stage } from "./moveRules";

const MoveProjectMutationDocument = graphql(`
  mutation MoveProject($input: MoveProjectInput!) {
    moveProject(input: $input) {
      __typename
      ... on MoveProjectSuccess {
        project {
          id
          stage
          version
          stageEnteredAt
          daysInStage
        }
      }
      ... on Error {
        message
      }
      ... on GateNotMetError {
        missing
      }
      ... on StaleVersionError {
        currentVersion
        currentStage
      }
      ... on TransitionNotAllowedError {
        from
        to
      }
    }
  }
`);
// Sent as its hash only (persisted operations); the build lists every such document.
export const MoveProjectMutation = graphql.persisted("MoveProject", MoveProjectMutationDocument);

export interface MoveProjectRequest {
  projectId: string;
  to: Stage;
  /** The card's version when it was picked up. */
  expectedVersion: number;
  /** 退回原因; required for a move back. */
  note?: string;
}

/** Why a move was refused, in Chinese; `stale` means the board must be read again. */
export interface MoveRefusal {
  message: string;
  /** The gate's unmet items (GateNotMetError). */
  missing: string[];
  stale: boolean;
}

export type MoveOutcome = { ok: true } | { ok: false; refusal: MoveRefusal };

/** 推进 or 退回 a project on the board (moveProject). */
export function useMoveProject() {
  const [{ fetching }, executeMove] = useMutation(MoveProjectMutation);

  async function moveProject({ projectId, to, expectedVersion, note }: MoveProjectRequest): Promise<MoveOutcome> {
    const result = await executeMove({ input: { projectId, to, expectedVersion, ...(note ? { note } : {}) } });
    const refused = (message: string, extra: Partial<MoveRefusal> = {}): MoveOutcome => ({
      ok: false,
      refusal: { message, missing: [], stale: false, ...extra },
    });
    if (result.error) {
      return refused(hasErrorCode(result.error, "FORBIDDEN") ? "当前账号无权移动此项目。" : describeError(result.error));
    }
    const payload = result.data?.moveProject;
    if (!payload) return refused("移动失败，请稍后重试。");
    switch (payload.__typename) {
      case "MoveProjectSuccess":
        return { ok: true };
      case "StaleVersionError":
        return refused(
          `版本冲突：该项目已被他人修改，当前处于「${STAGE_LABELS[payload.currentStage]}」阶段。看板已刷新，请核对后重试。`,
          { stale: true },
        );
      case "GateNotMetError":
        return refused("不满足进入下一阶段的条件", { missing: payload.missing });
      case "TransitionNotAllowedError":
      case "ForbiddenError":
      case "NotFoundError":
        return refused(payload.message);
    }
  }

  return { moveProject, fetching };
}
