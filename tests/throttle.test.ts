// Sign-in throttling: a burst of wrong passwords locks the account after a few password checks, says
// so clearly, and leaves everyone else able to sign in and work.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_ATTEMPTS } from "../server/modules/auth/throttle.js";
import { PASSWORD, startTestServer, type TestServer } from "./support/server.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { __typename ... on Error { message } ... on AccountLockedError { retryAfterSeconds } ... on LoginSuccess { token } } }`;

describe("sign-in throttling", () => {
  it("locks an account after a burst of 50 wrong passwords, while others sign in and work", async () => {
    await server.signIn("victim", "OWNER", "jtj");
    const bystander = await server.signIn("bystander", "TEAM");
    const burst = Promise.all(Array.from({ length: 50 }, () => server.gql(LOGIN, { u: "victim", p: "wrong-guess" })));
    // Meanwhile another user signs in and reads a board.
    await server.db.prisma.user.create({
      data: { username: "other", displayName: "other", role: "TEAM", passwordHash: (await server.db.prisma.user.findUniqueOrThrow({ where: { username: "bystander" } })).passwordHash },
    });
    const other = await server.gql(LOGIN, { u: "other", p: PASSWORD });
    expect(other.data.login.__typename).toBe("LoginSuccess");
    const board = await server.gql(`{ board(actionCode: 1) { columns { totalCount } } }`, {}, bystander);
    expect(board.errors).toBeUndefined();

    const results = (await burst).map((r) => r.data.login);
    const kinds = results.map((r) => r.__typename);
    // Only the first few attempts reach a password check; the rest are refused at once.
    expect(kinds.filter((k) => k === "InvalidCredentialsError").length).toBeLessThanOrEqual(MAX_ATTEMPTS);
    expect(kinds.filter((k) => k === "AccountLockedError").length).toBeGreaterThanOrEqual(50 - MAX_ATTEMPTS);
    const locked = results.find((r) => r.__typename === "AccountLockedError");
    expect(locked.message).toContain("账号已锁定");
    expect(locked.retryAfterSeconds).toBeGreaterThan(0);

    // Even the right password is refused while the account is locked.
    const right = await server.gql(LOGIN, { u: "victim", p: PASSWORD });
    expect(right.data.login.__typename).toBe("AccountLockedError");

    // Once the lock has expired, the right password works and the count starts afresh.
    await server.db.prisma.user.update({ where: { username: "victim" }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    const after = await server.gql(LOGIN, { u: "victim", p: PASSWORD });
    expect(after.data.login.__typename).toBe("LoginSuccess");
    const row = await server.db.prisma.user.findUniqueOrThrow({ where: { username: "victim" } });
    expect(row).toMatchObject({ signInAttempts: 0, lockedUntil: null });
  });

  it("forgives a few mistakes followed by the right password", async () => {
    await server.signIn("forgetful", "TEAM");
    for (let i = 0; i < MAX_ATTEMPTS - 1; i++) {
      expect((await server.gql(LOGIN, { u: "forgetful", p: "nope" })).data.login.__typename).toBe("InvalidCredentialsError");
    }
    expect((await server.gql(LOGIN, { u: "forgetful", p: PASSWORD })).data.login.__typename).toBe("LoginSuccess");
    expect((await server.gql(LOGIN, { u: "forgetful", p: "nope" })).data.login.__typename).toBe("InvalidCredentialsError");
  });

  // Last in this file: it leaves this address blocked.
  it("refuses an address after too many failures, without checking passwords", async () => {
    const { ADDRESS_MAX_FAILURES } = await import("../server/modules/auth/throttle.js");
    for (let sent = 0; sent < ADDRESS_MAX_FAILURES; sent += 25) {
      await Promise.all(Array.from({ length: 25 }, (_, i) => server.gql(LOGIN, { u: `nobody-${sent + i}`, p: "x" })));
    }
    const refused = await server.gql(LOGIN, { u: "forgetful", p: PASSWORD });
    expect(refused.data.login.__typename).toBe("TooManyAttemptsError");
    expect(refused.data.login.message).toContain("登录失败次数过多");
  });
});
