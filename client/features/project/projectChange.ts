// What every change to a project answers (the drawer's mutations, each a result union
// `<Name>Success { project } | ValidationError | StaleVersionError | ForbiddenError | NotFoundError`):
// on success the card's fields, so graphcache updates the board's card at once (its version too, for
// the next move; its badges' counts); on failure what to tell the user, in Chinese.
import type { CombinedError } from "urql";
import { describeError, hasErrorCode } from "../../app/errors";
import { graphql, readFragment, type FragmentOf } from "../../graphql";
import { ProjectCardFragment } from "../board/ProjectCard";

export const ProjectChangeFragment = graphql(
  `
    fragment ProjectChange_project on Project {
      id
      ...ProjectCard_project
    }
  `,
  [ProjectCardFragment],
);

export const ProjectChangeErrorFragment = graphql(`
  fragment ProjectChange_error on Error {
    __typename
    message
    ... on ValidationError {
      field
    }
    ... on StaleVersionError {
      currentVersion
    }
  }
`);

/** A mutation's result union as the drawer's documents select it. */
export type ChangePayload = { project: unknown } | FragmentOf<typeof ProjectChangeErrorFragment>;

export interface SaveFailure {
  ok: false;
  message: string;
  /** The input field a ValidationError names. */
  field: string | null;
  /** A StaleVersionError's current version (版本冲突); null for any other failure. */
  staleVersion: number | null;
}

export type SaveOutcome = { ok: true } | SaveFailure;

function failure(message: string): SaveFailure {
  return { ok: false, message, field: null, staleVersion: null };
}

export function saveOutcome(error: CombinedError | undefined, payload: ChangePayload | null | undefined): SaveOutcome {
  if (error) {
    if (hasErrorCode(error, "FORBIDDEN")) return failure("当前账号无权修改此项目。");
    if (hasErrorCode(error, "BAD_USER_INPUT")) return failure("填写的内容格式有误，请检查后重试。");
    return failure(describeError(error));
  }
  if (!payload) return failure("保存失败，请稍后重试。");
  if ("project" in payload) return { ok: true };
  const refusal = readFragment(ProjectChangeErrorFragment, payload);
  return {
    ok: false,
    message: refusal.message,
    field: refusal.__typename === "ValidationError" ? refusal.field : null,
    staleVersion: refusal.__typename === "StaleVersionError" ? refusal.currentVersion : null,
  };
}
