// Sign-in throttling. Per account (in the database, so every server process agrees): each attempt is
// counted before the password is checked, so a burst of concurrent guesses costs at most
// MAX_ATTEMPTS password hashes; at the limit the account locks for LOCK_MINUTES. Per client address
// (in this process): too many failures in a window refuse further attempts without hashing at all.
import type { PrismaClient } from "@prisma/client";

export const MAX_ATTEMPTS = 5;
export const LOCK_MINUTES = 15;
export const ADDRESS_MAX_FAILURES = 100;
export const ADDRESS_WINDOW_MS = 15 * 60_000;

/** Counts an attempt; returns the seconds the account stays locked, or 0 when it may try. */
export async function countAttempt(prisma: PrismaClient, userId: number, now = new Date()): Promise<number> {
  // Timestamps are stored as UTC wall-clock (timestamp without time zone), as Prisma writes them.
  const at = now.toISOString();
  const [row] = await prisma.$queryRaw<{ sign_in_attempts: number; locked_until: Date | null }[]>`
    UPDATE app_user SET
      sign_in_attempts = CASE WHEN locked_until <= ${at}::timestamp THEN 1 ELSE sign_in_attempts + 1 END,
      locked_until = CASE WHEN locked_until <= ${at}::timestamp THEN NULL ELSE locked_until END
    WHERE id = ${userId}
    RETURNING sign_in_attempts, locked_until`;
  if (!row) return 0;
  if (row.locked_until && row.locked_until > now) return Math.ceil((row.locked_until.getTime() - now.getTime()) / 1000);
  if (row.sign_in_attempts > MAX_ATTEMPTS) {
    const until = new Date(now.getTime() + LOCK_MINUTES * 60_000);
    await prisma.user.update({ where: { id: userId }, data: { lockedUntil: until, signInAttempts: 0 } });
    return LOCK_MINUTES * 60;
  }
  return 0;
}

export async function clearAttempts(prisma: PrismaClient, userId: number): Promise<void> {
  await prisma.user.update({ where: { id: userId }, data: { signInAttempts: 0, lockedUntil: null } });
}

const failuresByAddress = new Map<string, number[]>();

/** Seconds until the address may try again, or 0. */
export function addressBlockedFor(address: string, now = Date.now()): number {
  const recent = (failuresByAddress.get(address) ?? []).filter((t) => t > now - ADDRESS_WINDOW_MS);
  if (recent.length === 0) failuresByAddress.delete(address);
  else failuresByAddress.set(address, recent);
  return recent.length >= ADDRESS_MAX_FAILURES ? Math.ceil((recent[0]! + ADDRESS_WINDOW_MS - now) / 1000) : 0;
}

export function recordAddressFailure(address: string, now = Date.now()): void {
  failuresByAddress.set(address, [...(failuresByAddress.get(address) ?? []), now]);
}
