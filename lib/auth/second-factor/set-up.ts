import type { Db } from "../../db/connect.ts";
import type { Clock } from "../../clock.ts";
import { appendAudit } from "../../audit/index.ts";
import { Conflict, NotFound } from "../../errors/index.ts";
import { releaseAttempt, resetThrottle } from "../throttle.ts";
import { auditWrongCode, completeSession, refuse, reserveCodeAttempt, sessionAtStep, type StepInput } from "./half-way.ts";
import { seal, unseal } from "./keys.ts";
import { replaceRecoveryCodes } from "./recovery-codes.ts";
import { matchCode, newTotpSecret } from "./totp.ts";

/**
 * The secret to show on the set-up page: the one already being set up, or a new one. Kept (sealed)
 * until set-up finishes, so reloading the page, or a refused code, shows the same QR code. Null
 * when the person already has a working factor.
 */
export async function secretToSetUp(input: { db: Db; clock: Clock; userId: string }): Promise<string | null> {
  const { db, userId } = input;
  // INSERT … ON CONFLICT DO NOTHING: two pages loading at once agree on one secret.
  const factor = await db.secondFactor.upsert({
    where: { userId },
    create: { userId, secret: seal(newTotpSecret()), createdAt: input.clock.now() },
    update: {},
  });
  return factor.enabledAt ? null : unseal(factor.secret);
}

/**
 * Finishes setting up: the first code from the app proves it holds the secret. The factor is
 * switched on (that code's step counts as used), ten recovery codes are made, and a half-way
 * session becomes a full one, in one transaction. Families do this from their account page
 * (a full session); staff at their first sign-in (a half-way one).
 */
export async function confirmSecondFactor(input: StepInput & { code: string }): Promise<void> {
  const { db, clock } = input;
  const { session, user, factor, actor, keys } = await sessionAtStep(input, { fullToo: true });
  if (!factor || factor.enabledAt) throw new NotFound("Nothing being set up");
  const attempt = await reserveCodeAttempt(input, { actor, keys });
  const now = clock.now();
  const step = await matchCode(unseal(factor.secret), input.code, now);
  if (step === null) {
    await auditWrongCode(db, actor, clock, "wrong-code");
    throw refuse("code", "code.wrongSetUp");
  }
  await db.$transaction(async (tx) => {
    const { count } = await tx.secondFactor.updateMany({ where: { userId: user.id, secret: factor.secret, enabledAt: null }, data: { enabledAt: now, lastUsedStep: step } });
    if (count === 0) throw new Conflict("Set up meanwhile");
    await replaceRecoveryCodes(tx, user.id, now);
    if (session.secondFactorPending && !(await completeSession(tx, input.sessionId, now))) throw new Conflict("The session ended meanwhile");
    await releaseAttempt(tx, attempt);
    await resetThrottle(tx, keys);
    await appendAudit(tx, { actor, action: "auth.second-factor.set-up", subjectType: "user", subjectId: user.id, at: now });
  });
}

/**
 * Demo data only: switches a factor on with a known secret (printed in the README, like the demo
 * passwords), so the demo staff accounts can sign in. Leaves an existing factor alone.
 */
export async function enableKnownSecondFactor(input: { db: Db; clock: Clock; userId: string; secret: string }): Promise<void> {
  const now = input.clock.now();
  await input.db.secondFactor.upsert({
    where: { userId: input.userId },
    create: { userId: input.userId, secret: seal(input.secret), createdAt: now, enabledAt: now },
    update: {},
  });
}
