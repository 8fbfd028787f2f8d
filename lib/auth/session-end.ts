import type { Prisma } from "../db/generated/client.ts";
import type { Db } from "../db/connect.ts";
import type { Clock } from "../clock.ts";
import type { Actor } from "../access/index.ts";
import { appendAudit } from "../audit/index.ts";
import { sessionRowId } from "./session-token.ts";

type Tx = Prisma.TransactionClient;

// Categories stored in Session.revokedReason and in audit details.
export type SessionEndReason = "signed-out" | "idle-timeout" | "absolute-timeout" | "account-disabled" | "password-changed" | "second-factor-reset";

/** Sign-out. Returns false when the session was already ended (or never existed). */
export async function endSession(input: {
  db: Db;
  clock: Clock;
  sessionId: string;
  reason?: SessionEndReason;
}): Promise<boolean> {
  const id = sessionRowId(input.sessionId);
  const reason = input.reason ?? "signed-out";
  return input.db.$transaction(async (tx) => {
    const at = input.clock.now();
    const { count } = await tx.session.updateMany({
      where: { id, revokedAt: null },
      data: { revokedAt: at, revokedReason: reason },
    });
    if (count === 0) return false;
    const session = await tx.session.findUniqueOrThrow({
      where: { id },
      select: { user: { select: { id: true, role: true, displayName: true } } },
    });
    const actor: Actor = { userId: session.user.id, role: session.user.role, displayName: session.user.displayName };
    await appendAudit(tx, { actor, action: "auth.sign-out", subjectType: "user", subjectId: actor.userId, detail: { reason }, at });
    return true;
  });
}

/** Stamps a timed-out session as revoked (once, even if two requests notice together). Always null. */
export async function expireSession(
  db: Db,
  input: { id: string; userId: string; clock: Clock; reason: SessionEndReason },
): Promise<null> {
  await db.$transaction(async (tx) => {
    const at = input.clock.now();
    const { count } = await tx.session.updateMany({
      where: { id: input.id, revokedAt: null },
      data: { revokedAt: at, revokedReason: input.reason },
    });
    if (count === 0) return;
    await appendAudit(tx, {
      actor: null,
      action: "auth.session.expired",
      subjectType: "user",
      subjectId: input.userId,
      detail: { reason: input.reason },
      at,
    });
  });
  return null;
}

/**
 * Ends every open session of a user, inside the caller's transaction, except the one whose
 * cookie token is `keepSessionId` (the session changing its own password). Returns how many.
 */
export async function revokeUserSessions(
  tx: Tx,
  input: { userId: string; at: Date; reason: SessionEndReason; keepSessionId?: string },
): Promise<number> {
  const keep = input.keepSessionId ? { id: { not: sessionRowId(input.keepSessionId) } } : {};
  const { count } = await tx.session.updateMany({
    where: { userId: input.userId, revokedAt: null, ...keep },
    data: { revokedAt: input.at, revokedReason: input.reason },
  });
  return count;
}
