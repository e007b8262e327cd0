// What a meeting mutation's answer means for a form: the success member, or one message in Chinese.
import type { CombinedError } from "urql";
import { describeError } from "../../app/errors";

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

/** Reads a result union: its success member (`successType`) or its error's message. */
export function outcomeOf<R extends { __typename: string }, T>(
  error: CombinedError | undefined,
  result: R | null | undefined,
  successType: string,
  pick: (success: R) => T,
): Outcome<T> {
  if (error) return { ok: false, message: describeError(error) };
  if (!result) return { ok: false, message: "保存失败，请重试" };
  if (result.__typename === successType) return { ok: true, value: pick(result) };
  const message = "message" in result && typeof result.message === "string" ? result.message : "保存失败，请重试";
  return { ok: false, message };
}
