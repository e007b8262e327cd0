// Sign-in and sessions. A token is signed (tokens.ts); only its SHA-256 is stored, so a leaked
// database cannot be replayed. Revoking a session (sign-out, a new password, a disabled account)
// takes effect on the next request.
import { createHash, randomUUID } from "node:crypto";
import { Prisma, type PrismaClient, type User } from "@prisma/client";
import type { Viewer } from "../../context.js";
import type { SqlRunner } from "../../db/client.js";
import { AccountLockedError, InvalidCredentialsError, TooManyAttemptsError } from "../common/errors.js";
import { hashForUnknownUser, verifyPassword } from "./password.js";
import type { TokenSigner } from "./tokens.js";
import { addressBlockedFor, clearAttempts, countAttempt, recordAddressFailure } from "./throttle.js";

export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;
export const SESSION_COOKIE = "tuijin_session";

function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function signIn(
  prisma: PrismaClient,
  tokens: TokenSigner,
  username: string,
  password: string,
  clientAddr: string,
): Promise<{ token: string; user: User; expiresAt: Date }> {
  const blockedFor = addressBlockedFor(clientAddr);
  if (blockedFor > 0) throw new TooManyAttemptsError(blockedFor);
  const user = await prisma.user.findUnique({ where: { username } });
  if (user) {
    const lockedFor = await countAttempt(prisma, user.id);
    if (lockedFor > 0) {
      recordAddressFailure(clientAddr);
      throw new AccountLockedError(lockedFor);
    }
  }
  const ok = await verifyPassword(password, user?.passwordHash ?? (await hashForUnknownUser()));
  if (!user || !ok || user.disabledAt) {
    recordAddressFailure(clientAddr);
    throw new InvalidCredentialsError();
  }
  await clearAttempts(prisma, user.id);
  const token = tokens.issue();
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await prisma.session.create({
    data: { id: randomUUID(), tokenHash: tokenHash(token), userId: user.id, expiresAt, clientAddr },
  });
  return { token, user, expiresAt };
}

/** The viewer for a bearer token, or null when it is unknown, expired, revoked or its user disabled. */
export async function resolveSession(sql: SqlRunner, tokens: TokenSigner, token: string): Promise<Viewer | null> {
  if (token.length > 200 || !tokens.verify(token)) return null;
  // Read on every request: one plain statement on the raw runner (no Prisma in the way), which also
  // decides whether the session still counts, so no timestamp is parsed here. Sessions' times are
  // Prisma's: UTC in `timestamp(3)` columns.
  const [viewer] = await sql.rows<Viewer>(Prisma.sql`
    SELECT s.id AS "sessionId", u.id AS "userId", u.username, u.role::text AS role, u.unit_id AS "unitId"
      FROM session s JOIN app_user u ON u.id = s.user_id
     WHERE s.token_hash = ${tokenHash(token)} AND s.revoked_at IS NULL AND s.expires_at > ${new Date()}::timestamp(3)
       AND u.disabled_at IS NULL`);
  return viewer ? { userId: viewer.userId, username: viewer.username, role: viewer.role, unitId: viewer.unitId, sessionId: viewer.sessionId } : null;
}

export async function signOut(prisma: PrismaClient, sessionId: string): Promise<void> {
  await prisma.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Reads the token from `Authorization: Bearer …` (scripts) or the session cookie (the web client). */
export function tokenFromHeaders(authorization: string | null | undefined, cookies: string | null | undefined): string | null {
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    return match?.[1] ?? null;
  }
  if (!cookies) return null;
  for (const part of cookies.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === SESSION_COOKIE) return decodeURIComponent(value.join("="));
  }
  return null;
}

export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${encodeURIComponent(token)}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Strict",
    `Expires=${expiresAt.toUTCString()}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Expires=Thu, 01 Jan 1970 00:00:00 GMT`;
}
