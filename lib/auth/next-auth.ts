import "server-only";
import type { NextAuthOptions } from "next-auth";
import { encode } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { systemClock } from "../clock.ts";
import { getDb } from "../db/index.ts";
import { env } from "../env.ts";
import { log } from "../log.ts";
import { clientAddressFrom } from "./client-address.ts";
import { SIGN_IN_ERROR, TOO_MANY_ATTEMPTS } from "./sign-in-errors.ts";
import { signInSchema } from "./sign-in-form.ts";
import { ABSOLUTE_TIMEOUT_MS, endSession, resolveSession } from "./sessions.ts";
import { TRUST_MS, TRUSTED_BROWSER_COOKIE } from "./second-factor/trusted-browser.ts";
import { signIn } from "./sign-in.ts";

// next-auth carries a signed, encrypted pointer to a server-side Session row. Every request
// re-checks that row (lib/auth/current.ts), so sign-out, disabling an account or revoking a grant
// bites on the very next request, even for a copied cookie. The pointer (`sid`) never leaves the
// server: /api/auth/session answers only whether the session is live and until when.

const MAX_AGE_S = ABSOLUTE_TIMEOUT_MS / 1000;

export function authSecret(): string {
  if (!env.NEXTAUTH_SECRET) throw new Error("NEXTAUTH_SECRET is not set (npm start generates one in DATA_DIR).");
  return env.NEXTAUTH_SECRET;
}

const secureCookies = () => env.NEXTAUTH_URL?.startsWith("https://") ?? false;

// Over https the cookie is Secure and named with the __Host- prefix, which browsers accept only
// from a secure origin, for path "/" and with no Domain: no subdomain or plain-http page can set
// or overwrite it.
export const SESSION_COOKIE = "rt.session";
export const sessionCookieName = () => (secureCookies() ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE);

export function sessionCookieOptions() {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure: secureCookies(), maxAge: MAX_AGE_S };
}

// "Trust this browser" (lib/auth/second-factor/trusted-browser.ts): the same protections.
export const trustedBrowserCookieName = () => (secureCookies() ? `__Host-${TRUSTED_BROWSER_COOKIE}` : TRUSTED_BROWSER_COOKIE);

export function trustedBrowserCookieOptions() {
  return { ...sessionCookieOptions(), maxAge: TRUST_MS / 1000 };
}

/**
 * Clears the session cookie with the attributes it was set with: a browser ignores a
 * `__Host-` cookie that is not Secure, and that includes the one that would delete it.
 */
export function clearSessionCookie(jar: { set(name: string, value: string, options: ReturnType<typeof sessionCookieOptions>): unknown }) {
  jar.set(sessionCookieName(), "", { ...sessionCookieOptions(), maxAge: 0 });
}

/** The cookie value for a new session (used by the sign-in page's server action). */
export function encodeSessionToken(userId: string, sessionId: string) {
  return encode({ token: { sub: userId, sid: sessionId }, secret: authSecret(), maxAge: MAX_AGE_S });
}

// Thrown by the session callback for a session that has ended; next-auth then answers `{}` and
// clears the cookie. Expected, so logged at debug level only.
const SESSION_ENDED = "SessionEnded";

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    useSecureCookies: secureCookies(),
    session: { strategy: "jwt", maxAge: MAX_AGE_S },
    cookies: { sessionToken: { name: sessionCookieName(), options: sessionCookieOptions() } },
    pages: { signIn: "/signin", error: "/signin" },
    // next-auth's own log lines can carry internal error text: only codes and error names go out.
    logger: {
      error: (code, metadata) =>
        metadata instanceof Error && metadata.message === SESSION_ENDED ? log.debug("session ended") : log.error("next-auth error", { code }),
      warn: (code) => log.warn("next-auth warning", { code }),
      debug: () => {},
    },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Username and password",
        credentials: { username: { label: "Username", type: "text" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const parsed = signInSchema.safeParse(credentials ?? {});
          if (!parsed.success) return null;
          const result = await signIn({
            db: await getDb(),
            clock: systemClock,
            ...parsed.data,
            client: clientAddressFrom(req?.headers ?? {}),
            trusted: cookieValue(req?.headers?.cookie, trustedBrowserCookieName()),
          }).catch((error: unknown) => {
            // next-auth puts a thrown error's message in the error page's URL: only a fixed code.
            log.error("sign-in failed unexpectedly", { error });
            throw new Error(SIGN_IN_ERROR);
          });
          if (!result.ok) {
            if (result.reason === "throttled") throw new Error(TOO_MANY_ATTEMPTS);
            return null;
          }
          return { id: result.user.id, sid: result.session.id } as { id: string };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sid = (user as { sid?: string }).sid;
        return token;
      },
      // /api/auth/session: checked against the server-side row without counting as activity.
      // An ended session throws, so next-auth answers `{}` (signed out) and clears the cookie.
      async session({ token }) {
        const sid = typeof token.sid === "string" ? token.sid : null;
        const live = sid ? await resolveSession({ db: await getDb(), clock: systemClock, sessionId: sid, touch: false }) : null;
        if (!live) throw new Error(SESSION_ENDED);
        return { expires: live.idleExpiresAt.toISOString() } as never;
      },
    },
    events: {
      async signOut({ token }) {
        const sid = (token as { sid?: unknown } | undefined)?.sid;
        if (typeof sid === "string") await endSession({ db: await getDb(), clock: systemClock, sessionId: sid, reason: "signed-out" });
      },
    },
  };
}

function cookieValue(header: unknown, name: string): string | undefined {
  if (typeof header !== "string") return undefined;
  for (const part of header.split(";")) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}
