// npm run user: the first admin of a production database, from the command line.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { openDatabase } from "../server/db/client.js";
import { verifyPassword } from "../server/modules/auth/password.js";
import { npmRun } from "./support/process.js";

const dataDir = mkdtempSync(path.join(tmpdir(), "tuijin-user-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it("adds a user with a hashed password, refuses bad input, and resets a password", async () => {
  const env = { DATA_DIR: dataDir, TUIJIN_NEW_PASSWORD: "first-admin-pass-1" };
  const out = await npmRun("user", ["add", "chief", "--role", "ADMIN", "--name", "系统管理员"], env);
  expect(out).toContain('"created":"chief"');
  await expect(npmRun("user", ["add", "chief", "--role", "ADMIN"], env)).rejects.toThrow(/用户名已存在/);
  await expect(npmRun("user", ["add", "weak", "--role", "TEAM"], { ...env, TUIJIN_NEW_PASSWORD: "short" })).rejects.toThrow(/密码至少/);
  await expect(npmRun("user", ["add", "x", "--role", "KING"], env)).rejects.toThrow(/usage/);
  await expect(npmRun("user", ["add", "y", "--role", "OWNER", "--unit", "nowhere"], env)).rejects.toThrow(/no unit/);
  await npmRun("user", ["reset-password", "chief"], { ...env, TUIJIN_NEW_PASSWORD: "second-admin-pass-2" });

  const db = await openDatabase({ dataDir });
  try {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { username: "chief" } });
    expect(user).toMatchObject({ role: "ADMIN", displayName: "系统管理员" });
    expect(user.passwordHash).toMatch(/^scrypt\$/);
    expect(await verifyPassword("second-admin-pass-2", user.passwordHash)).toBe(true);
    const events = await db.prisma.auditEvent.findMany({ where: { entity: "User" }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["user.create", "user.reset-password"]);
  } finally {
    await db.close();
  }
});
