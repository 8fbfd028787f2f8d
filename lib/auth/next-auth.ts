import "server-only";
import type { NextAuthOptions } from "next-auth";
import { encode } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { systemClock } from "../clock.ts";
import { getDb } from "../db/index.ts";
import { env } from "../env.ts";
import { signInSchema } from "./sign-in-form.ts";
import { ABSOLUTE_TIMEOUT_MS, endSession } from "./sessions.ts";
import { signIn } from "./sign-in.ts";

// next-auth carries a signed, encrypted pointer to a server-side Session row. Every request
// re-checks that row (lib/auth/current.ts), so sign-out, disabling an account or revoking a grant
// bites on the very next request, even for a copied cookie.

export const SESSION_COOKIE = "rt.session";
const MAX_AGE_S = ABSOLUTE_TIMEOUT_MS / 1000;

export function authSecret(): string {
  if (!env.NEXTAUTH_SECRET) throw new Error("NEXTAUTH_SECRET is not set (npm start generates one in DATA_DIR).");
  return env.NEXTAUTH_SECRET;
}

const secureCookies = () => env.NEXTAUTH_URL?.startsWith("https://") ?? false;

export function sessionCookieOptions() {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure: secureCookies(), maxAge: MAX_AGE_S };
}

/** The cookie value for a new session (used by the sign-in page's server action). */
export function encodeSessionToken(userId: string, sessionId: string) {
  return encode({ token: { sub: userId, sid: sessionId }, secret: authSecret(), maxAge: MAX_AGE_S });
}

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: MAX_AGE_S },
    cookies: { sessionToken: { name: SESSION_COOKIE, options: sessionCookieOptions() } },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Username and password",
        credentials: { username: { label: "Username", type: "text" }, password: { label: "Password", type: "password" } },
        async authorize(credentials) {
          const parsed = signInSchema.safeParse(credentials ?? {});
          if (!parsed.success) return null;
          const result = await signIn({ db: await getDb(), clock: systemClock, ...parsed.data });
          if (!result.ok) return null;
          return { id: result.user.id, sid: result.session.id } as { id: string };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sid = (user as { sid?: string }).sid;
        return token;
      },
      session({ session, token }) {
        return { ...session, sid: token.sid } as typeof session;
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
