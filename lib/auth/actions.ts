"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction, definePublicAction, type ActionState } from "../action/index.ts";
import { isLocale, LOCALE_COOKIE } from "../i18n/config.ts";
import { getT } from "../i18n/server.ts";
import { paths } from "../paths.ts";
import { encodeSessionToken, SESSION_COOKIE, sessionCookieOptions } from "./next-auth.ts";
import { signInSchema } from "./sign-in-form.ts";
import { endSession, keepSessionAlive } from "./sessions.ts";
import { signIn } from "./sign-in.ts";

const signInRun = definePublicAction({
  name: "auth.sign-in",
  schema: signInSchema,
  keep: ["username"],
  async run({ input, db, clock }) {
    const result = await signIn({ db, clock, ...input });
    if (!result.ok) {
      const t = await getT("auth");
      return { ok: false, formError: t(result.reason === "locked" ? "signIn.locked" : "signIn.failed"), values: { username: input.username } };
    }
    const jar = await cookies();
    jar.set(SESSION_COOKIE, await encodeSessionToken(result.user.id, result.session.id), sessionCookieOptions());
    if (isLocale(result.user.locale)) jar.set(LOCALE_COOKIE, result.user.locale, { path: "/", sameSite: "lax", maxAge: 31536000 });
    redirect(paths.home());
  },
});

export async function signInAction(prev: ActionState, formData: FormData) {
  return signInRun(prev, formData);
}

const signOutRun = defineAction({
  name: "auth.sign-out",
  schema: z.object({}),
  async run({ actor, db, clock }) {
    if (actor.sessionId) await endSession({ db, clock, sessionId: actor.sessionId, reason: "signed-out" });
    (await cookies()).delete(SESSION_COOKIE);
    redirect(paths.signIn("signed-out"));
  },
});

export async function signOutAction(formData: FormData) {
  const result = await signOutRun(null, formData);
  // The session had already ended (idle or revoked): still clear the cookie and leave.
  if (result && !result.ok) {
    (await cookies()).delete(SESSION_COOKIE);
    redirect(paths.signIn());
  }
}

const idleSignOutRun = defineAction({
  name: "auth.idle-sign-out",
  schema: z.object({}),
  async run({ actor, db, clock }) {
    if (actor.sessionId) await endSession({ db, clock, sessionId: actor.sessionId, reason: "idle-timeout" });
    (await cookies()).delete(SESSION_COOKIE);
    return { ok: true };
  },
});

/** Called by the browser when the idle limit passes, so the session ends now, not at the next request. */
export async function idleSignOutAction(): Promise<ActionState> {
  const result = await idleSignOutRun(null, new FormData());
  if (!result?.ok) (await cookies()).delete(SESSION_COOKIE);
  return result;
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
