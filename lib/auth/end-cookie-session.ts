import "server-only";
import { cookies } from "next/headers";
import { systemClock } from "../clock.ts";
import { getDb } from "../db/index.ts";
import { log } from "../log.ts";
import { readSessionIdFromCookie } from "./current.ts";
import { clearSessionCookie } from "./next-auth.ts";
import { endSession } from "./session-end.ts";

/**
 * Ends the session this request's cookie names, whatever state it is in, and clears the cookie.
 * For ways out that must work even when the usual checks would refuse (a sign-out from a stale
 * page, the quick exit): ending a session only takes rights away, so no origin check is needed,
 * and a copy of the cookie must stop working. Returns whether a live session was ended.
 */
export async function endCookieSession(): Promise<boolean> {
  const sessionId = await readSessionIdFromCookie();
  clearSessionCookie(await cookies());
  if (!sessionId) return false;
  try {
    return await endSession({ db: await getDb(), clock: systemClock, sessionId, reason: "signed-out" });
  } catch (error) {
    log.error("could not end the session named by the cookie", { error });
    return false;
  }
}
