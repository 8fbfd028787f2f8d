import type { Prisma } from "../db/generated/client.ts";
import type { Db } from "../db/connect.ts";
import type { Clock } from "../clock.ts";
import type { Actor } from "../access/index.ts";
import { appendAudit } from "../audit/index.ts";
import { Conflict, Invalid, NotFound } from "../errors/index.ts";
import { UNKNOWN_CLIENT } from "./client-address.ts";
import { assertPasswordAllowed, hashPassword, verifyPassword } from "./password.ts";
import { revokeUserSessions } from "./session-end.ts";
import { releaseAttempt, reserveAttempt, resetThrottle, throttleKeys } from "./throttle.ts";

type Tx = Prisma.TransactionClient;

export type ChangePasswordInput = {
  db: Db;
  clock: Clock;
  /** The signed-in person; `sessionId` is the session that stays signed in. */
  actor: Actor;
  currentPassword: string;
  newPassword: string;
  /** The address the HTTP server resolved (clientAddressFrom), for the sign-in throttle. */
  client?: string;
};

export type ChangedPassword = { sessionsEnded: number };

const refuse = (path: string, key: string, text: string) => new Invalid(text, [{ path, message: `account:password.${key}` }]);

/**
 * Someone changes their own password. The current password is checked as sign-in checks it, and
 * a wrong one counts against the same throttle (so this form cannot be used to guess it); then the
 * password rule (with the username), and not the same as before. The new hash, the end of every
 * other session of this person and the audit row commit together. Refusals change nothing.
 */
export async function changePassword(input: ChangePasswordInput): Promise<ChangedPassword> {
  const { db, clock, actor, currentPassword, newPassword } = input;
  const { user, keys } = await checkCurrentPassword(input);
  if (newPassword === currentPassword) throw refuse("newPassword", "sameAsOld", "The new password is the same as the current one");
  assertPasswordAllowed(user.role, newPassword, { username: user.username, path: "newPassword" });
  const passwordHash = await hashPassword(newPassword);
  return db.$transaction(async (tx) => {
    const at = clock.now();
    // Only over the hash just checked: a change racing this one (another tab) is not overwritten.
    const { count } = await tx.user.updateMany({ where: { id: user.id, passwordHash: user.passwordHash, disabledAt: null }, data: { passwordHash } });
    if (count === 0) throw new Conflict("The password changed meanwhile");
    const sessionsEnded = await revokeUserSessions(tx, { userId: user.id, at, reason: "password-changed", keepSessionId: actor.sessionId });
    await resetThrottle(tx, keys);
    // Counts only: never a password or a hash.
    await appendAudit(tx, { actor, action: "auth.password.change", subjectType: "user", subjectId: user.id, detail: { sessionsEnded }, at });
    return { sessionsEnded };
  });
}

/**
 * The signed-in person's password, checked as sign-in checks it: nothing is verified while the
 * throttle makes them wait, and a wrong one counts against it, so a form that asks for it again
 * (changing it, turning security codes off) cannot be used to guess it. Refused against the
 * field "currentPassword".
 */
export async function checkCurrentPassword(input: { db: Db; clock: Clock; actor: Actor; currentPassword: string; client?: string }) {
  const { db, clock, actor } = input;
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { id: true, username: true, role: true, passwordHash: true, disabledAt: true } });
  if (!user || user.disabledAt) throw new NotFound("No such account");
  const keys = throttleKeys(user.username, input.client ?? UNKNOWN_CLIENT);
  // Counted before the check, so parallel guesses cannot outrun the count.
  const reservation = await reserveAttempt(db, keys, clock, { refused: (tx) => auditFailure(tx, actor, clock, "throttled") });
  if (!reservation.ok) {
    throw refuse("currentPassword", "throttled", "Too many wrong passwords: wait, then try again");
  }
  // Verify outside any transaction: PGlite has one connection and argon2 takes tens of ms.
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await db.$transaction((tx) => auditFailure(tx, actor, clock, "wrong-current"));
    throw refuse("currentPassword", "wrongCurrent", "The current password is wrong");
  }
  // Right: the attempt is given back at once (what follows may still refuse the new password).
  await db.$transaction((tx) => releaseAttempt(tx, reservation.attempt));
  return { user, keys };
}

function auditFailure(tx: Tx, actor: Actor, clock: Clock, reason: "wrong-current" | "throttled") {
  return appendAudit(tx, { actor, action: "auth.password.change.failed", subjectType: "user", subjectId: actor.userId, detail: { reason }, at: clock.now() });
}
