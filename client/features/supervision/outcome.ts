// One shape for every mutation's answer on these pages: the success payload, or a message in
// Chinese (with the input field the server names, for a ValidationError).
import type { CombinedError } from "urql";
import { describeError, hasErrorCode } from "../../app/errors";

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string; field: string | null };

type Payload = { __typename: string } & ({ message: string; field?: string | null } | object);

/** `payload` is the mutation's result union; `success` the typename of its success member. */
export function outcomeOf<P extends Payload, S extends P["__typename"]>(
  error: CombinedError | undefined,
  payload: P | null | undefined,
  success: S,
): Outcome<Extract<P, { __typename: S }>> {
  if (error) {
    const message = hasErrorCode(error, "BAD_USER_INPUT") ? "提交的内容格式有误，请检查后重试。" : describeError(error);
    return { ok: false, message, field: null };
  }
  if (!payload) return { ok: false, message: "操作失败，请稍后重试。", field: null };
  if (payload.__typename === success) return { ok: true, value: payload as Extract<P, { __typename: S }> };
  if ("message" in payload) return { ok: false, message: payload.message, field: payload.field ?? null };
  return { ok: false, message: "操作失败，请稍后重试。", field: null };
}
