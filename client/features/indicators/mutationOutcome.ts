// What the indicator mutations answer the forms: success, or what to tell the user, in Chinese, with
// the input field a ValidationError names.
import type { CombinedError } from "urql";
import { describeError, hasErrorCode } from "../../app/errors";

export type Outcome = { ok: true } | { ok: false; message: string; field: string | null };

type Payload = { __typename: string; message?: string; field?: string | null } | null | undefined;

export function outcomeOf(error: CombinedError | undefined, payload: Payload, successTypename: string): Outcome {
  if (error) {
    const message = hasErrorCode(error, "BAD_USER_INPUT") ? "填写的内容格式有误，请检查后重试。" : describeError(error);
    return { ok: false, message, field: null };
  }
  if (!payload) return { ok: false, message: "保存失败，请稍后重试。", field: null };
  if (payload.__typename === successTypename) return { ok: true };
  return { ok: false, message: payload.message ?? "保存失败，请稍后重试。", field: payload.field ?? null };
}
