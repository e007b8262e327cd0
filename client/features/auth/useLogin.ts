import { useMutation } from "urql";
import { describeError } from "../../app/errors";
import { useSession } from "../../app/SessionProvider";
import { graphql } from "../../graphql";

// The token is not selected: the browser keeps the session in an httpOnly cookie, and the
// client never needs to hold it in script-readable memory.
const LoginMutationDocument = graphql(`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      __typename
      ... on LoginSuccess {
        expiresAt
        user {
          id
        }
      }
      ... on Error {
        message
      }
    }
  }
`);
// Sent as its hash only (persisted operations); the build lists every such document.
const LoginMutation = graphql.persisted("Login", LoginMutationDocument);

export type LoginOutcome = { ok: true } | { ok: false; message: string };

export function useLogin() {
  const [{ fetching }, executeLogin] = useMutation(LoginMutation);
  const { resetSession } = useSession();

  async function login(username: string, password: string): Promise<LoginOutcome> {
    const result = await executeLogin({ username, password });
    if (result.error) return { ok: false, message: describeError(result.error) };
    const payload = result.data?.login;
    if (!payload) return { ok: false, message: "登录失败，请稍后重试。" };
    switch (payload.__typename) {
      case "LoginSuccess":
        // A fresh client (and cache) for the signed-in user; `viewer` is asked again.
        resetSession();
        return { ok: true };
      case "InvalidCredentialsError":
        return { ok: false, message: payload.message || "用户名或密码不正确。" };
      case "AccountLockedError":
      case "TooManyAttemptsError":
        // The server says how long to wait, in Chinese.
        return { ok: false, message: payload.message };
    }
  }

  return { login, fetching };
}
