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

/** For pages and loaders that need someone signed in: anyone else goes to the sign-in page. */
export async function requireSession() {
  const session = await getCurrentSession();
  if (!session) redirect(paths.signIn());
  return session;
}
