import type { Prisma } from "../db/generated/client.ts";
import type { Db } from "../db/connect.ts";
import type { Clock } from "../clock.ts";
import { appendAudit } from "../audit/index.ts";
import {
  assertPasswordAllowed,
  hashPassword,
  normalizeUsername,
  releaseAttempt,
  reserveAttempt,
  resetThrottle,
  revokeUserSessions,
  throttleKeys,
} from "../auth/index.ts";
import { Conflict } from "../errors/index.ts";
import { hashSetupCode } from "./setup-codes.ts";

type Tx = Prisma.TransactionClient;

export type RedeemSetupCodeInput = { db: Db; clock: Clock; username: string; code: string; newPassword: string; client: string };

export type RedeemSetupCodeResult = { ok: true; userId: string; sessionsEnded: number } | { ok: false; reason: "invalid" } | { ok: false; reason: "throttled"; retryAt: Date };

/**
 * Someone chooses their own password with the set-up code an administrator gave them. The code
 * is checked as a password is at sign-in, on the same throttle (per username and client, per
 * client, per username), so codes cannot be guessed; an unknown username, a disabled account and
 * a wrong, used, superseded or expired code all answer "invalid" the same way. Then the one
 * password rule; a password that breaks it refuses without using the code. The code is used,
 * the password set and every session of the person ended in one transaction.
 */
export async function redeemSetupCode(input: RedeemSetupCodeInput): Promise<RedeemSetupCodeResult> {
  const { db, clock } = input;
  const username = normalizeUsername(input.username);
  const keys = throttleKeys(username, input.client);
  // Counted before the code is looked up, so parallel guesses cannot outrun the count.
  const reservation = await reserveAttempt(db, keys, clock, { refused: (tx) => auditFailure(tx, clock, "throttled") });
  if (!reservation.ok) return { ok: false, reason: "throttled", retryAt: reservation.wait.until };
  const { attempt } = reservation;
  const now = clock.now();
  const found = await db.accountSetupCode.findFirst({
    where: { codeHash: hashSetupCode(input.code), usedAt: null, supersededAt: null, expiresAt: { gt: now }, user: { username, disabledAt: null } },
    select: { id: true, user: { select: { id: true, role: true, username: true, displayName: true } } },
  });
  if (!found) {
    await db.$transaction((tx) => auditFailure(tx, clock, "invalid"));
    return { ok: false, reason: "invalid" };
  }
  const { user } = found;
  try {
    assertPasswordAllowed(user.role, input.newPassword, { username: user.username, path: "newPassword" });
  } catch (error) {
    // The code was right: its attempt is given back before the password is refused.
    await db.$transaction((tx) => releaseAttempt(tx, attempt));
    throw error;
  }
  const passwordHash = await hashPassword(input.newPassword); // outside the transaction: PGlite has one connection
  return db.$transaction(async (tx) => {
    const at = clock.now();
    // Only if still unused: two tabs racing with one code set one password.
    const { count } = await tx.accountSetupCode.updateMany({ where: { id: found.id, usedAt: null, supersededAt: null }, data: { usedAt: at } });
    if (count === 0) throw new Conflict("The set-up code was used meanwhile");
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    const sessionsEnded = await revokeUserSessions(tx, { userId: user.id, at, reason: "password-changed" });
    await releaseAttempt(tx, attempt);
    await resetThrottle(tx, keys);
    const actor = { userId: user.id, role: user.role, displayName: user.displayName };
    await appendAudit(tx, { actor, action: "account.setup-code.use", subjectType: "user", subjectId: user.id, detail: { setupCodeId: found.id, sessionsEnded }, at });
    return { ok: true as const, userId: user.id, sessionsEnded };
  });
}

// A category only: never the username or the code typed.
function auditFailure(tx: Tx, clock: Clock, reason: "invalid" | "throttled") {
  return appendAudit(tx, { actor: null, action: "account.setup-code.failed", detail: { reason }, at: clock.now() });
}

