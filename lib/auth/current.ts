import "server-only";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Actor } from "../access/index.ts";
import { systemClock } from "../clock.ts";
import { getDb } from "../db/index.ts";
import { paths } from "../paths.ts";
import { authSecret, sessionCookieName } from "./next-auth.ts";
import { resolveSession } from "./sessions.ts";

export type CurrentSession = Awaited<ReturnType<typeof loadSession>>;

/** Decodes the cookie and checks the server-side session; once per request. */
export const getCurrentSession = cache(async () => loadSession());

/**
 * The session id the cookie names, without checking it against the database: so without
 * counting as activity either. For the few callers that must not (the idle check, sign-out).
 */
export async function readSessionIdFromCookie(): Promise<string | null> {
  const raw = (await cookies()).get(sessionCookieName())?.value;
  if (!raw) return null;
  const token = await decode({ token: raw, secret: authSecret() }).catch(() => null);
  return typeof token?.sid === "string" ? token.sid : null;
}

async function loadSession() {
  const sessionId = await readSessionIdFromCookie();
  if (!sessionId) return null;
  const resolved = await resolveSession({ db: await getDb(), clock: systemClock, sessionId });
  if (!resolved) return null;
  const actor: Actor = {
    userId: resolved.user.id,
    role: resolved.user.role,
    displayName: resolved.user.displayName,
    sessionId: resolved.sessionId,
  };
  return { actor, user: resolved.user, idleExpiresAt: resolved.idleExpiresAt, expiresAt: resolved.expiresAt };
}

/**
 * A half-way session (password right, second factor still to come) with whether its person has a
 * factor to check or one to set up; null for anything else. Only the second-factor step uses it:
 * for everything else such a session is no session (getCurrentSession answers null).
 */
export const getHalfWaySession = cache(async () => {
  const sessionId = await readSessionIdFromCookie();
  if (!sessionId) return null;
  const db = await getDb();
  const resolved = await resolveSession({ db, clock: systemClock, sessionId, allowPending: true });
  if (!resolved?.secondFactorPending) return null;
  const factor = await db.secondFactor.findUnique({ where: { userId: resolved.user.id }, select: { enabledAt: true } });
  return { sessionId, user: resolved.user, hasFactor: Boolean(factor?.enabledAt) };
});

/** Where a half-way session goes next. */
export const secondFactorStepPath = (halfWay: { hasFactor: boolean }) => (halfWay.hasFactor ? paths.secondFactorCode() : paths.secondFactorSetUp());

/**
 * For pages and loaders that need someone signed in: a half-way session goes to its second-factor
 * step, anyone else to the sign-in page.
 */
export async function requireSession() {
  const session = await getCurrentSession();
  if (session) return session;
  const halfWay = await getHalfWaySession();
  redirect(halfWay ? secondFactorStepPath(halfWay) : paths.signIn());
}
