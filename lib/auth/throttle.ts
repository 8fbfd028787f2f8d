import type { Prisma } from "../db/generated/client.ts";
import type { Clock } from "../clock.ts";
import { MINUTE } from "../clock.ts";

type Tx = Prisma.TransactionClient;

export const MAX_FAILURES = 5;
export const LOCK_MS = 15 * MINUTE;
// Failures further apart than this are not "repeated": a typo last week does not count today.
export const FAILURE_WINDOW_MS = 15 * MINUTE;

/** The moment the lock on this key lifts, or null when sign-in may be tried. */
export async function findLock(db: Tx, key: string, clock: Clock): Promise<Date | null> {
  const row = await db.loginThrottle.findUnique({ where: { usernameKey: key }, select: { lockedUntil: true } });
  return row?.lockedUntil && row.lockedUntil > clock.now() ? row.lockedUntil : null;
}

/**
 * Counts one failed attempt; the fifth consecutive failure (each within FAILURE_WINDOW_MS of the
 * one before) locks the key for LOCK_MS and starts the count again, so after the lock lifts it
 * takes another five failures to lock it again. Returns true when this failure set the lock.
 */
export async function recordFailure(tx: Tx, key: string, clock: Clock): Promise<boolean> {
  const now = clock.now();
  // A stale count starts again from zero (racing attempts may both reset it: harmless).
  await tx.loginThrottle.updateMany({
    where: { usernameKey: key, lastFailAt: { lte: new Date(now.getTime() - FAILURE_WINDOW_MS) } },
    data: { failures: 0 },
  });
  // The increment is one atomic statement, so parallel attempts cannot lose a count.
  const row = await tx.loginThrottle.upsert({
    where: { usernameKey: key },
    create: { usernameKey: key, failures: 1, lastFailAt: now },
    update: { failures: { increment: 1 }, lastFailAt: now },
  });
  if (row.failures < MAX_FAILURES) return false;
  await tx.loginThrottle.update({
    where: { usernameKey: key },
    data: { failures: 0, lockedUntil: new Date(now.getTime() + LOCK_MS) },
  });
  return true;
}

/** A successful sign-in forgets earlier failures. */
export async function resetThrottle(tx: Tx, key: string): Promise<void> {
  await tx.loginThrottle.deleteMany({ where: { usernameKey: key } });
}
