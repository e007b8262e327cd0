// Sign-in, sessions and the rule that everything but login needs a signed-in user.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD, startTestServer, type TestServer } from "./support/server.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const LOGIN = /* GraphQL */ `
  mutation Login($u: String!, $p: String!) {
    login(username: $u, password: $p) {
      __typename
      ... on LoginSuccess { token expiresAt user { username role unit { code } } }
      ... on Error { message }
    }
  }
`;

describe("sign-in", () => {
  it("signs in with the right password and returns a token, the user and a session cookie", async () => {
    await server.signIn("auth-owner", "OWNER", "jkj");
    const result = await server.gql(LOGIN, { u: "auth-owner", p: PASSWORD });
    expect(result.data.login).toMatchObject({
      __typename: "LoginSuccess",
      user: { username: "auth-owner", role: "OWNER", unit: { code: "jkj" } },
    });
    expect(result.data.login.token).toMatch(/^[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{43}$/);
    const cookie = result.headers.get("set-cookie") ?? "";
    expect(cookie).toContain(`tuijin_session=${result.data.login.token}`);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Strict");
    const viewer = await server.gql(`{ viewer { username role } }`, {}, result.data.login.token);
    expect(viewer.data.viewer).toEqual({ username: "auth-owner", role: "OWNER" });
  });

  it("answers a wrong password and an unknown user alike, as data", async () => {
    const wrong = await server.gql(LOGIN, { u: "auth-owner", p: "wrong-password" });
    const unknown = await server.gql(LOGIN, { u: "nobody-here", p: PASSWORD });
    for (const r of [wrong, unknown]) {
      expect(r.errors).toBeUndefined();
      expect(r.data.login).toEqual({ __typename: "InvalidCredentialsError", message: "用户名或密码不正确" });
      expect(r.headers.get("set-cookie")).toBeNull();
    }
  });

  it("accepts the session cookie instead of a bearer token", async () => {
    const token = await server.signIn("auth-cookie", "TEAM");
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: `other=1; tuijin_session=${token}` },
      body: JSON.stringify({ query: "{ viewer { username } }" }),
    });
    expect(((await response.json()) as any).data.viewer.username).toBe("auth-cookie");
  });

  it("ends the session on logout: the token stops working at once", async () => {
    const token = await server.signIn("auth-logout", "TEAM");
    const out = await server.gql(`mutation { logout }`, {}, token);
    expect(out.data.logout).toBe(true);
    expect(out.headers.get("set-cookie")).toContain("Expires=Thu, 01 Jan 1970");
    const after = await server.gql(`{ actions { code } }`, {}, token);
    expect(after.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const viewer = await server.gql(`{ viewer { username } }`, {}, token);
    expect(viewer.data.viewer).toBeNull();
  });

  it("honours a session until its expiry and not a moment after", async () => {
    const token = await server.signIn("auth-expiry", "TEAM");
    const expireIn = (ms: number) =>
      server.db.prisma.session.updateMany({ where: { user: { username: "auth-expiry" } }, data: { expiresAt: new Date(Date.now() + ms) } });
    await expireIn(60_000);
    expect((await server.gql(`{ viewer { username } }`, {}, token)).data.viewer.username).toBe("auth-expiry");
    await expireIn(-1_000);
    expect((await server.gql(`{ viewer { username } }`, {}, token)).data.viewer).toBeNull();
    expect((await server.gql(`{ actions { code } }`, {}, token)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("refuses a disabled user", async () => {
    const token = await server.signIn("auth-disabled", "TEAM");
    await server.db.prisma.user.update({ where: { username: "auth-disabled" }, data: { disabledAt: new Date() } });
    const after = await server.gql(`{ actions { code } }`, {}, token);
    expect(after.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const again = await server.gql(LOGIN, { u: "auth-disabled", p: PASSWORD });
    expect(again.data.login.__typename).toBe("InvalidCredentialsError");
  });
});

describe("signed-in users only", () => {
  it("gives viewer null and refuses every other query without a session", async () => {
    const viewer = await server.gql(`{ viewer { username } }`);
    expect(viewer.data.viewer).toBeNull();
    for (const query of [
      `{ actions { code } }`,
      `{ board(actionCode: 1) { columns { stage } } }`,
      `{ projects(first: 1) { totalCount } }`,
      `{ indicators { code } }`,
      `{ auditChain { valid } }`,
      `{ node(id: "UHJvamVjdDox") { id } }`,
    ]) {
      const result = await server.gql(query);
      expect(result.errors?.[0]?.extensions?.code, query).toBe("UNAUTHENTICATED");
      expect(result.errors?.[0]?.message).toBe("请先登录");
    }
  });

  it("treats a forged or tampered token as no session", async () => {
    const genuine = await server.signIn("auth-forger", "TEAM");
    const [body, signature] = genuine.split(".");
    const flip = (text: string) => (text[0] === "A" ? "B" : "A") + text.slice(1);
    for (const token of ["A".repeat(43), `${"A".repeat(43)}.${"B".repeat(43)}`, `${flip(body!)}.${signature}`, `${body}.${flip(signature!)}`, `${genuine}.x`]) {
      const result = await server.gql(`{ actions { code } }`, {}, token);
      expect(result.errors?.[0]?.extensions?.code, token).toBe("UNAUTHENTICATED");
    }
    expect((await server.gql(`{ actions { code } }`, {}, genuine)).data.actions).toHaveLength(5);
  });
});
