import { generate } from "otplib";
import type { Db } from "../../lib/db/connect.ts";
import type { Clock } from "../../lib/clock.ts";
import { signIn, type SignInResult } from "../../lib/auth/sign-in.ts";
import { confirmSecondFactor, recoveryCodesToShow, secretToSetUp, useRecoveryCode, verifySecondFactorCode } from "../../lib/auth/second-factor/index.ts";

// Recovery codes not used yet, per user id: later sign-ins of the same account use one each, so
// tests signing one account in several times at one (fixed) moment never replay an app's code.
const spare = new Map<string, string[]>();

export const codeFor = (secret: string, at: Date) => generate({ secret, epoch: Math.floor(at.getTime() / 1000) });

/**
 * Finishes a sign-in's second-factor step the real way, for tests about something else: staff
 * without a factor set one up (first sign-in), later sign-ins use a recovery code, and an account
 * with a known secret (`secret`, the demo one) types the app's code.
 */
export async function finishSignIn(db: Db, clock: Clock, result: SignInResult, secret?: string): Promise<SignInResult> {
  if (!result.ok || result.next === "done") return result;
  const sessionId = result.session.id;
  const userId = result.user.id;
  if (result.next === "set-up") {
    const newSecret = (await secretToSetUp({ db, clock, userId }))!;
    await confirmSecondFactor({ db, clock, sessionId, code: await codeFor(newSecret, clock.now()) });
    spare.set(userId, (await recoveryCodesToShow(db, { userId, role: result.user.role, displayName: result.user.displayName }))!);
  } else if (secret) {
    await verifySecondFactorCode({ db, clock, sessionId, code: await codeFor(secret, clock.now()) });
  } else {
    const code = spare.get(userId)?.shift();
    if (!code) throw new Error("no recovery code left for this test account");
    await useRecoveryCode({ db, clock, sessionId, code });
  }
  return { ...result, next: "done" };
}

/** signIn, then the second-factor step finished as above: a full session. */
export async function signInFully(input: Parameters<typeof signIn>[0], secret?: string): Promise<SignInResult> {
  return finishSignIn(input.db, input.clock, await signIn(input), secret);
}
