import type { Prisma } from "../../db/generated/client.ts";
import type { Db } from "../../db/connect.ts";
import type { Clock } from "../../clock.ts";
import type { Actor } from "../../access/index.ts";
import { appendAudit } from "../../audit/index.ts";
import { Invalid, NotFound } from "../../errors/index.ts";
import { UNKNOWN_CLIENT } from "../client-address.ts";
import { resolveSession } from "../sessions.ts";
import { sessionRowId } from "../session-token.ts";
import { reserveAttempt, throttleKeys, type Attempt, type ThrottleKeys } from "../throttle.ts";

type Tx = Prisma.TransactionClient;

export type StepInput = { db: Db; clock: Clock; /** The cookie's session token. */ sessionId: string; client?: string };

/** A refusal said against the form's field; the message is a translation key. */
export const refuse = (path: string, key: string) => new Invalid(`Second factor refused: ${key}`, [{ path, message: `security:${key}` }]);

/**
 * The person behind a session at the second-factor step: a half-way session, or (`fullToo`, for
 * setting a factor up from the account page) a full one. Anything else is not found.
 */
export async function sessionAtStep(input: StepInput, opts: { fullToo?: boolean } = {}) {
  const { db, clock, sessionId } = input;
  const session = await resolveSession({ db, clock, sessionId, allowPending: true });
  if (!session || (!session.secondFactorPending && !opts.fullToo)) throw new NotFound("No session at the second-factor step");
  const user = await db.user.findUniqueOrThrow({
    where: { id: session.user.id },
    select: { id: true, username: true, role: true, displayName: true, passwordHash: true, secondFactor: true },
  });
  const actor: Actor = { userId: user.id, role: user.role, displayName: user.displayName, sessionId };
  const keys = throttleKeys(user.username, input.client ?? UNKNOWN_CLIENT);
  return { session, user, factor: user.secondFactor, actor, keys };
}

/**
 * Takes one attempt on the sign-in throttle just before a code is checked (wrong codes count
 * towards it as wrong passwords do), so parallel guesses cannot outrun the count. Refused while
 * a wait is in force. A right code gives the attempt back (releaseAttempt) with its other writes.
 */
export async function reserveCodeAttempt(input: StepInput, step: { actor: Actor; keys: ThrottleKeys }): Promise<Attempt> {
  const { db, clock } = input;
  const reservation = await reserveAttempt(db, step.keys, clock, { refused: (tx) => auditFailure(tx, step.actor, clock, "throttled") });
  if (!reservation.ok) throw refuse("code", "code.throttled");
  return reservation.attempt;
}

/** A wrong or replayed code, already counted when its attempt was taken: audited. */
export function auditWrongCode(db: Db, actor: Actor, clock: Clock, reason: Exclude<FailureReason, "throttled">) {
  return db.$transaction((tx) => auditFailure(tx, actor, clock, reason));
}

/** Ends the half-way state: the session is now a full one. False if it ended meanwhile. */
export async function completeSession(tx: Tx, sessionId: string, at: Date): Promise<boolean> {
  const { count } = await tx.session.updateMany({
    where: { id: sessionRowId(sessionId), revokedAt: null, secondFactorPending: true },
    data: { secondFactorPending: false, lastSeenAt: at },
  });
  return count === 1;
}

type FailureReason = "wrong-code" | "replayed" | "wrong-recovery-code" | "throttled";

// Categories only: never a code.
function auditFailure(tx: Tx, actor: Actor, clock: Clock, reason: FailureReason) {
  return appendAudit(tx, { actor, action: "auth.second-factor.failed", subjectType: "user", subjectId: actor.userId, detail: { reason }, at: clock.now() });
}
