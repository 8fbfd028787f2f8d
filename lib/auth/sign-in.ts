import type { Prisma } from "../db/generated/client.ts";
import type { Db } from "../db/connect.ts";
import type { Clock } from "../clock.ts";
import type { Actor } from "../access/index.ts";
import { appendAudit } from "../audit/index.ts";
import { verifyDummy, verifyPassword } from "./password.ts";
import { normalizeUsername, usernameKey } from "./username.ts";
import { findLock, recordFailure, resetThrottle } from "./throttle.ts";
import { startSession, toSessionUser, type SessionUser, type StartedSession } from "./sessions.ts";

type Tx = Prisma.TransactionClient;

export type SignInResult =
  | { ok: true; user: SessionUser; session: StartedSession }
  | { ok: false; reason: "invalid" | "locked" };

/**
 * Checks a username and password and opens a session. Unknown, disabled and real usernames
 * take the same path (one lookup, one argon2 verification, one throttle write, one audit row),
 * so neither the answer nor its timing tells whether a username exists.
 */
export async function signIn(input: { db: Db; clock: Clock; username: string; password: string }): Promise<SignInResult> {
  const { db, clock, password } = input;
  const username = normalizeUsername(input.username);
  const key = usernameKey(username);
  if (await findLock(db, key, clock)) {
    // Even the right password is refused while locked; nothing is counted or verified.
    await db.$transaction((tx) => auditFailure(tx, clock, "locked"));
    return { ok: false, reason: "locked" };
  }
  const user = await db.user.findUnique({ where: { username } });
  // Verify outside any transaction: PGlite has one connection and argon2 takes tens of ms.
  const usable = user !== null && user.disabledAt === null;
  const passwordOk = usable ? await verifyPassword(user.passwordHash, password) : await verifyDummy(password);
  if (!usable || !passwordOk) {
    await db.$transaction(async (tx) => {
      const lockedNow = await recordFailure(tx, key, clock);
      await auditFailure(tx, clock, lockedNow ? "locked-now" : "invalid");
    });
    // The attempt that sets the lock still answers "invalid": its password was checked, and wrong.
    return { ok: false, reason: "invalid" };
  }
  const session = await db.$transaction(async (tx) => {
    await resetThrottle(tx, key);
    const started = await startSession(tx, { userId: user.id, clock });
    const actor: Actor = { userId: user.id, role: user.role, displayName: user.displayName };
    await appendAudit(tx, { actor, action: "auth.sign-in", subjectType: "user", subjectId: user.id, at: clock.now() });
    return started;
  });
  return { ok: true, user: toSessionUser(user), session };
}

// A category only: never the username (people type passwords into the username box).
function auditFailure(tx: Tx, clock: Clock, reason: "invalid" | "locked" | "locked-now") {
  return appendAudit(tx, { actor: null, action: "auth.sign-in.failed", detail: { reason }, at: clock.now() });
}
