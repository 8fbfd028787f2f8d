import type { Prisma } from "../db/generated/client.ts";
import type { Role } from "../db/generated/enums.ts";
import type { Db } from "../db/connect.ts";
import type { Clock } from "../clock.ts";
import { HOUR, MINUTE } from "../clock.ts";
import { newSessionToken, sessionRowId } from "./session-token.ts";
import { expireSession } from "./session-end.ts";

// Sign-out lives with the other ways a session ends; re-exported so callers find it here too.
export { endSession, type SessionEndReason } from "./session-end.ts";

type Tx = Prisma.TransactionClient;

export const IDLE_TIMEOUT_MS = 15 * MINUTE;
// The "stay signed in?" warning shows a minute before the idle timeout.
export const IDLE_WARNING_MS = IDLE_TIMEOUT_MS - MINUTE;
export const ABSOLUTE_TIMEOUT_MS = 8 * HOUR;
// Requests closer together than this do not rewrite lastSeenAt (no write per request).
export const TOUCH_INTERVAL_MS = 15_000;

export type SessionUser = {
  id: string;
  role: Role;
  displayName: string;
  locale: string | null;
  childId: string | null;
  personId: string | null;
};

// `id` is the opaque token for the cookie (the row stores only its hash).
export type StartedSession = { id: string; expiresAt: Date; idleExpiresAt: Date };
export type ResolvedSession = { sessionId: string; user: SessionUser; expiresAt: Date; idleExpiresAt: Date; secondFactorPending: boolean };

const userSelect = {
  id: true,
  role: true,
  displayName: true,
  locale: true,
  childId: true,
  personId: true,
  disabledAt: true,
} as const;

/**
 * Opens a session for a user who has just proved who they are. The returned `id` goes in the
 * cookie. `secondFactorPending`: the password was right but the second factor is still to come.
 */
export async function startSession(tx: Tx, input: { userId: string; clock: Clock; secondFactorPending?: boolean }): Promise<StartedSession> {
  const now = input.clock.now();
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS);
  await tx.session.create({
    data: { id: sessionRowId(token), userId: input.userId, createdAt: now, lastSeenAt: now, expiresAt, secondFactorPending: input.secondFactorPending ?? false },
  });
  return { id: token, expiresAt, idleExpiresAt: idleExpiry(now, expiresAt) };
}

/**
 * The signed-in user behind a cookie, or null. Checked against the database on every call, so
 * sign-out, a disabled account or an expired session takes effect on the very next request.
 * A valid call counts as activity (recorded at most every TOUCH_INTERVAL_MS, so the idle limit
 * may bite up to that much early); pass `touch: false` for checks that must not (e.g. polling),
 * and `touch: "always"` to record this moment exactly (the "stay signed in" button).
 * A half-way session (password right, second factor not yet) counts as no session at all unless
 * `allowPending` (only the second-factor step asks for it).
 */
export async function resolveSession(input: {
  db: Db;
  clock: Clock;
  sessionId: string;
  touch?: boolean | "always";
  allowPending?: boolean;
}): Promise<ResolvedSession | null> {
  const { db, clock, sessionId } = input;
  const id = sessionRowId(sessionId);
  const row = await db.session.findUnique({ where: { id }, include: { user: { select: userSelect } } });
  if (!row || row.revokedAt || row.user.disabledAt) return null;
  const now = clock.now();
  if (now >= row.expiresAt) return expireSession(db, { id, userId: row.userId, clock, reason: "absolute-timeout" });
  if (now.getTime() - row.lastSeenAt.getTime() >= IDLE_TIMEOUT_MS) {
    return expireSession(db, { id, userId: row.userId, clock, reason: "idle-timeout" });
  }
  if (row.secondFactorPending && !input.allowPending) return null;
  let lastSeenAt = row.lastSeenAt;
  const due = input.touch === "always" ? now > lastSeenAt : now.getTime() - lastSeenAt.getTime() >= TOUCH_INTERVAL_MS;
  if (input.touch !== false && due) {
    // Conditional on revokedAt so a sign-out racing this request is never undone, and on
    // lastSeenAt so a slower request never moves the activity time backwards.
    await db.session.updateMany({ where: { id, revokedAt: null, lastSeenAt: { lt: now } }, data: { lastSeenAt: now } });
    lastSeenAt = now;
  }
  const idleExpiresAt = idleExpiry(lastSeenAt, row.expiresAt);
  return { sessionId, user: toSessionUser(row.user), expiresAt: row.expiresAt, idleExpiresAt, secondFactorPending: row.secondFactorPending };
}

export type IdleCheck = { ended: true } | { ended: false; idleExpiresAt: Date };

/**
 * A browser's idle timer ran out. Ends the session only if the server's own record agrees: no
 * request from any tab for the idle limit, or the 8-hour limit passed. Read without counting as
 * activity, so asking never keeps a session alive; when another tab is in use, the session
 * stays and the answer is its current idle deadline. An unknown or already ended session
 * reports ended.
 */
export async function endSessionIfIdle(input: { db: Db; clock: Clock; sessionId: string }): Promise<IdleCheck> {
  const session = await resolveSession({ ...input, touch: false });
  return session ? { ended: false, idleExpiresAt: session.idleExpiresAt } : { ended: true };
}

/** The "stay signed in" button: the same checks, and it always counts as activity. */
export function keepSessionAlive(input: { db: Db; clock: Clock; sessionId: string }) {
  return resolveSession({ ...input, touch: "always" });
}

export function toSessionUser(u: SessionUser): SessionUser {
  return { id: u.id, role: u.role, displayName: u.displayName, locale: u.locale, childId: u.childId, personId: u.personId };
}

function idleExpiry(lastSeenAt: Date, expiresAt: Date): Date {
  return new Date(Math.min(lastSeenAt.getTime() + IDLE_TIMEOUT_MS, expiresAt.getTime()));
}
