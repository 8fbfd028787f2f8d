import type { Db } from "../../db/connect.ts";
import { appendAudit } from "../../audit/index.ts";
import { Conflict, NotFound } from "../../errors/index.ts";
import { releaseAttempt, resetThrottle } from "../throttle.ts";
import { auditWrongCode, completeSession, refuse, reserveCodeAttempt, sessionAtStep, type StepInput } from "./half-way.ts";
import { unseal } from "./keys.ts";
import { secondFactorRequired } from "./policy.ts";
import { recoveryCodeHash } from "./recovery-codes.ts";
import { matchCode } from "./totp.ts";
import { trustFingerprint, trustToken, trustTokenValid } from "./trusted-browser.ts";

export type AfterPassword = "done" | "code" | "set-up";

/**
 * What comes after a right password: nothing more ("done"), the code from the app ("code"), or
 * setting an app up first ("set-up", staff without one). A browser trusted by this person for
 * their current factor and password skips the code.
 */
export async function stepAfterPassword(
  db: Db,
  user: { id: string; role: Parameters<typeof secondFactorRequired>[0]; passwordHash: string },
  trusted: string | undefined,
  now: Date,
): Promise<AfterPassword> {
  const factor = await db.secondFactor.findUnique({ where: { userId: user.id }, select: { secret: true, enabledAt: true } });
  if (factor?.enabledAt) {
    return trustTokenValid(trusted, { userId: user.id, fingerprint: trustFingerprint(factor, user.passwordHash), now }) ? "done" : "code";
  }
  return secondFactorRequired(user.role) ? "set-up" : "done";
}

/**
 * The code from the app finishes a half-way sign-in. A code is accepted for its time step once:
 * the step is recorded only if it is later than the last one used, in one conditional UPDATE, so
 * two requests racing with one code cannot both succeed. Each try is counted on the sign-in
 * throttle before the code is checked; a right one is given back, wrong and replayed ones stay. With `trust`, returns the token for the "trust this browser" cookie.
 */
export async function verifySecondFactorCode(input: StepInput & { code: string; trust?: boolean }): Promise<{ trustToken?: string }> {
  const { db, clock } = input;
  const { user, factor, actor, keys } = await sessionAtStep(input);
  if (!factor?.enabledAt) throw new NotFound("No second factor to check");
  const attempt = await reserveCodeAttempt(input, { actor, keys });
  const now = clock.now();
  const step = await matchCode(unseal(factor.secret), input.code, now);
  if (step === null) {
    await auditWrongCode(db, actor, clock, "wrong-code");
    throw refuse("code", "code.wrong");
  }
  const outcome = await db.$transaction(async (tx) => {
    const { count } = await tx.secondFactor.updateMany({
      where: { userId: user.id, secret: factor.secret, enabledAt: { not: null }, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }] },
      data: { lastUsedStep: step },
    });
    if (count === 0) return "replayed" as const;
    if (!(await completeSession(tx, input.sessionId, now))) throw new Conflict("The session ended meanwhile");
    await releaseAttempt(tx, attempt);
    await resetThrottle(tx, keys);
    await appendAudit(tx, { actor, action: "auth.second-factor.verified", subjectType: "user", subjectId: user.id, detail: { method: "code", trust: Boolean(input.trust) }, at: now });
    return "ok" as const;
  });
  if (outcome === "replayed") {
    await auditWrongCode(db, actor, clock, "replayed");
    throw refuse("code", "code.used");
  }
  return input.trust ? { trustToken: trustToken({ userId: user.id, fingerprint: trustFingerprint(factor, user.passwordHash), now }) } : {};
}

/** A recovery code instead of the app's: each works once; using one is audited with how many are left. */
export async function useRecoveryCode(input: StepInput & { code: string }): Promise<{ left: number }> {
  const { db, clock } = input;
  const { user, factor, actor, keys } = await sessionAtStep(input);
  if (!factor?.enabledAt) throw new NotFound("No second factor to check");
  const attempt = await reserveCodeAttempt(input, { actor, keys });
  const now = clock.now();
  const left = await db.$transaction(async (tx) => {
    const { count } = await tx.recoveryCode.updateMany({ where: { userId: user.id, hash: recoveryCodeHash(input.code), usedAt: null }, data: { usedAt: now } });
    if (count === 0) return null;
    if (!(await completeSession(tx, input.sessionId, now))) throw new Conflict("The session ended meanwhile");
    await releaseAttempt(tx, attempt);
    await resetThrottle(tx, keys);
    const remaining = await tx.recoveryCode.count({ where: { userId: user.id, usedAt: null } });
    await appendAudit(tx, { actor, action: "auth.recovery-code.used", subjectType: "user", subjectId: user.id, detail: { left: remaining }, at: now });
    return remaining;
  });
  if (left === null) {
    await auditWrongCode(db, actor, clock, "wrong-recovery-code");
    throw refuse("code", "recovery.wrong");
  }
  return { left };
}
