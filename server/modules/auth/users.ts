// User management (ADMIN) and password changes. Every change is audited; a new password, a new role
// or a disabled account ends the user's sessions at once.
import type { PrismaClient, Role, User } from "@prisma/client";
import type { Tx } from "../../db/transaction.js";
import { inTransaction } from "../../db/transaction.js";
import { appendAuditEvent } from "../audit/service.js";
import { InvalidCredentialsError, NotFoundError, ValidationError } from "../common/errors.js";
import type { Actor } from "../../context.js";
import { hashPassword, verifyPassword } from "./password.js";

export const MIN_PASSWORD_LENGTH = 10;

export function checkPassword(password: string, field = "password"): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new ValidationError(`密码至少 ${MIN_PASSWORD_LENGTH} 位`, field);
  if (password.length > 200) throw new ValidationError("密码不能超过 200 位", field);
  if (/^(.)\1*$/.test(password) || /^\d+$/.test(password)) throw new ValidationError("密码过于简单：请混合字母、数字或符号", field);
}

function checkUsername(username: string): void {
  if (!/^[a-z][a-z0-9._-]{2,39}$/.test(username)) {
    throw new ValidationError("用户名为 3–40 位小写字母、数字、点、下划线或连字符，以字母开头", "username");
  }
}

/** What the audit trail keeps of a user: never the password hash. */
function auditView(user: User) {
  return { username: user.username, displayName: user.displayName, role: user.role, unitId: user.unitId, disabledAt: user.disabledAt };
}

async function checkRoleAndUnit(tx: Tx, role: Role, unitId: number | null): Promise<void> {
  if (role === "OWNER" && unitId === null) throw new ValidationError("业主单位账号须指定所属单位", "unitId");
  if (unitId !== null && !(await tx.unit.findUnique({ where: { id: unitId } }))) throw new NotFoundError("单位");
}

async function endSessions(tx: Tx, userId: number, keepSessionId?: string): Promise<void> {
  await tx.session.updateMany({
    where: { userId, revokedAt: null, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
    data: { revokedAt: new Date() },
  });
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  unitId: number | null;
  password: string;
}

export async function createUser(prisma: PrismaClient, actor: Actor | null, input: NewUser): Promise<User> {
  checkUsername(input.username);
  checkPassword(input.password);
  const displayName = input.displayName.trim();
  if (!displayName || displayName.length > 50) throw new ValidationError("请填写姓名或称谓（不超过 50 字）", "displayName");
  const passwordHash = await hashPassword(input.password);
  return inTransaction(prisma, async (tx) => {
    await checkRoleAndUnit(tx, input.role, input.unitId);
    if (await tx.user.findUnique({ where: { username: input.username } })) throw new ValidationError("用户名已存在", "username");
    const user = await tx.user.create({
      data: { username: input.username, displayName, role: input.role, unitId: input.unitId, passwordHash },
    });
    await appendAuditEvent(tx, {
      actorId: actor?.viewer.userId ?? null,
      entity: "User",
      entityId: user.id,
      action: "user.create",
      before: null,
      after: auditView(user),
      requestId: actor?.requestId ?? null,
    });
    return user;
  });
}

export interface UserPatch {
  displayName?: string;
  role?: Role;
  unitId?: number | null;
  disabled?: boolean;
}

export async function updateUser(prisma: PrismaClient, actor: Actor, userId: number, patch: UserPatch): Promise<User> {
  return inTransaction(prisma, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new NotFoundError("用户");
    if (userId === actor.viewer.userId && (patch.disabled || (patch.role && patch.role !== user.role))) {
      throw new ValidationError("不能停用自己的账号或更改自己的角色", patch.disabled ? "disabled" : "role");
    }
    const role = patch.role ?? user.role;
    const unitId = patch.unitId !== undefined ? patch.unitId : user.unitId;
    await checkRoleAndUnit(tx, role, unitId);
    const displayName = patch.displayName?.trim();
    if (patch.displayName !== undefined && (!displayName || displayName.length > 50)) {
      throw new ValidationError("请填写姓名或称谓（不超过 50 字）", "displayName");
    }
    const disabledAt = patch.disabled === undefined ? user.disabledAt : patch.disabled ? (user.disabledAt ?? new Date()) : null;
    const updated = await tx.user.update({
      where: { id: userId },
      data: { role, unitId, disabledAt, ...(displayName ? { displayName } : {}) },
    });
    // A changed role or unit, or a disabled account, takes effect on the next request.
    if (role !== user.role || unitId !== user.unitId || disabledAt) await endSessions(tx, userId);
    await appendAuditEvent(tx, {
      actorId: actor.viewer.userId,
      entity: "User",
      entityId: userId,
      action: patch.role && patch.role !== user.role ? "user.role" : "user.update",
      before: auditView(user),
      after: auditView(updated),
      requestId: actor.requestId,
    });
    return updated;
  });
}

/** ADMIN sets a new password for a user (who should change it); all their sessions end. */
export async function resetPassword(prisma: PrismaClient, actor: Actor | null, userId: number, password: string): Promise<User> {
  checkPassword(password);
  const passwordHash = await hashPassword(password);
  return inTransaction(prisma, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new NotFoundError("用户");
    const updated = await tx.user.update({ where: { id: userId }, data: { passwordHash, signInAttempts: 0, lockedUntil: null } });
    await endSessions(tx, userId);
    await appendAuditEvent(tx, {
      actorId: actor?.viewer.userId ?? null,
      entity: "User",
      entityId: userId,
      action: "user.reset-password",
      before: null,
      after: { username: user.username },
      requestId: actor?.requestId ?? null,
    });
    return updated;
  });
}

/** A user changes their own password; their other sessions end, this one stays. */
export async function changePassword(prisma: PrismaClient, actor: Actor, current: string, next: string): Promise<User> {
  checkPassword(next, "newPassword");
  const user = await prisma.user.findUniqueOrThrow({ where: { id: actor.viewer.userId } });
  if (!(await verifyPassword(current, user.passwordHash))) throw new InvalidCredentialsError();
  const passwordHash = await hashPassword(next);
  return inTransaction(prisma, async (tx) => {
    const updated = await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await endSessions(tx, user.id, actor.viewer.sessionId);
    await appendAuditEvent(tx, {
      actorId: user.id,
      entity: "User",
      entityId: user.id,
      action: "user.change-password",
      before: null,
      after: { username: user.username },
      requestId: actor.requestId,
    });
    return updated;
  });
}
