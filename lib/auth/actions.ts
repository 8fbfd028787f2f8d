"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction, originAllowed, type ActionState } from "../action/index.ts";
import { systemClock } from "../clock.ts";
import { getDb } from "../db/index.ts";
import { isLocale, LOCALE_COOKIE } from "../i18n/config.ts";
import { paths } from "../paths.ts";
import { readSessionIdFromCookie } from "./current.ts";
import { endCookieSession } from "./end-cookie-session.ts";
import { clearSessionCookie, encodeSessionToken, sessionCookieName, sessionCookieOptions, trustedBrowserCookieName } from "./next-auth.ts";
import { signInSchema } from "./sign-in-form.ts";
import { endSession, endSessionIfIdle, keepSessionAlive } from "./sessions.ts";
import { signIn } from "./sign-in.ts";
import { defineThrottledAction } from "./throttled-action.ts";

export const signInAction = defineThrottledAction({
  name: "auth.sign-in",
  schema: signInSchema,
  failed: "auth:signIn.failed",
  async run({ input, db, clock, client }) {
    const jar = await cookies();
    const result = await signIn({ db, clock, ...input, client, trusted: jar.get(trustedBrowserCookieName())?.value });
    if (!result.ok) return result;
    jar.set(sessionCookieName(), await encodeSessionToken(result.user.id, result.session.id), sessionCookieOptions());
    if (isLocale(result.user.locale)) jar.set(LOCALE_COOKIE, result.user.locale, { path: "/", sameSite: "lax", maxAge: 31536000 });
    redirect({ done: paths.home(), code: paths.secondFactorCode(), "set-up": paths.secondFactorSetUp() }[result.next]);
  },
});

const signOutRun = defineAction({
  name: "auth.sign-out",
  schema: z.object({}),
  async run({ actor, db, clock }) {
    if (actor.sessionId) await endSession({ db, clock, sessionId: actor.sessionId, reason: "signed-out" });
    clearSessionCookie(await cookies());
    redirect(paths.signIn("signed-out"));
  },
});

export async function signOutAction(formData: FormData) {
  const result = await signOutRun(null, formData);
  // Refused (the session had already ended, or the request came from elsewhere). Signing out
  // only takes rights away, so still end the session the cookie names, then clear it and leave:
  // otherwise a copy of the cookie would go on working.
  if (result && !result.ok) {
    const ended = await endCookieSession();
    redirect(paths.signIn(ended ? "signed-out" : undefined));
  }
}

/** What the browser learns when its idle timer runs out. `msLeft` is measured on the server's clock. */
export type IdleSignOutResult = { ended: true } | { ended: false; idleExpiresAt: string; msLeft: number };

/**
 * Called by the browser when its idle timer runs out. The server decides by its own record of
 * the last request from any tab: the session ends only if that is at least the idle limit ago
 * (or the 8-hour limit has passed); otherwise another tab is in use, and the answer is the
 * current deadline. Nothing here may count as activity, so this does not go through
 * defineAction (which resolves, and so refreshes, the session first): it reads the cookie and
 * makes the same origin check itself. Null when refused.
 */
export async function idleSignOutAction(): Promise<IdleSignOutResult | null> {
  // No actor: finding out who would count as activity.
  if (!(await originAllowed(null, "auth.idle-sign-out"))) return null;
  const sessionId = await readSessionIdFromCookie();
  const clock = systemClock;
  const check = sessionId ? await endSessionIfIdle({ db: await getDb(), clock, sessionId }) : ({ ended: true } as const);
  if (check.ended) {
    clearSessionCookie(await cookies());
    return { ended: true };
  }
  const { idleExpiresAt } = check;
  return { ended: false, idleExpiresAt: idleExpiresAt.toISOString(), msLeft: Math.max(0, idleExpiresAt.getTime() - clock.now().getTime()) };
}

const keepAliveRun = defineAction({
  name: "auth.keep-alive",
  schema: z.object({}),
  async run({ actor, db, clock }) {
    // The wrapper has already checked the session; this records the click as activity even if
    // the page load a moment ago did, and reports the deadline (never past the 8-hour limit).
    const session = actor.sessionId ? await keepSessionAlive({ db, clock, sessionId: actor.sessionId }) : null;
    return session ? { ok: true, message: session.idleExpiresAt.toISOString() } : { ok: false };
  },
});

/** "Stay signed in": returns the new idle deadline, or ok:false if the session has already ended. */
export async function keepAliveAction(): Promise<ActionState> {
  return keepAliveRun(null, new FormData());
}
