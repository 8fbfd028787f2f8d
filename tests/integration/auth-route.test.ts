import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// lib/env.ts reads the environment once, on first import: set it before anything loads it.
vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET = "a test secret that is at least thirty-two characters long";
  process.env.NEXTAUTH_URL = "http://localhost:3000";
});

import { createTestDb, databaseKinds, type TestDb } from "../helpers/db.ts";
import { AuthClient, useDatabase } from "../helpers/auth-route.ts";
import { makeAccount, SYSTEM } from "../helpers/account-fixtures.ts";
import { newClientAddress } from "../helpers/client-addresses.ts";
import { fixedClock, MINUTE } from "../../lib/clock.ts";
import { handleAuthRoute } from "../../lib/auth/route-handler.ts";
import { IDLE_TIMEOUT_MS } from "../../lib/auth/sessions.ts";
import { sessionRowId } from "../../lib/auth/session-token.ts";
import { decode } from "next-auth/jwt";
import { disableAccount } from "../../lib/accounts/disable-account.ts";

const PRISMA_TEXT = 'Invalid `prisma.user.findUnique()` invocation: invalid byte sequence for encoding "UTF8": 0x00';

describe.each(databaseKinds())("the /api/auth route handler on %s", (kind) => {
  let test: TestDb;
  const clock = fixedClock(new Date());

  beforeAll(async () => {
    test = await createTestDb(kind);
    useDatabase(test);
  });
  afterAll(async () => {
    await test?.drop();
  });

  const client = () => new AuthClient(handleAuthRoute, newClientAddress());
  // A family member without a second factor: the password alone opens a full session.
  const account = () => makeAccount(test.prisma, clock, { role: "advocate" });

  /** Signs in through next-auth's credentials callback; returns the client and its session row id. */
  async function signedIn() {
    const made = await account();
    const browser = client();
    const res = await browser.signIn(made.username, made.password);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("http://localhost:3000/");
    const cookie = browser.cookies.get("rt.session");
    if (!cookie) throw new Error("no session cookie");
    const token = await decode({ token: cookie, secret: process.env.NEXTAUTH_SECRET! });
    return { made, browser, sid: String(token?.sid) };
  }

  describe("control characters and internal errors (issue 6, item 8)", () => {
    it("refuses a NUL byte in the username as a wrong sign-in, with no internal text anywhere", async () => {
      const browser = client();
      for (const username of ["amira\u0000", "\u0000", "a\u0007b", "x\u009f"]) {
        const res = await browser.signIn(username, "whatever-it-is");
        const location = res.headers.get("location") ?? "";
        expect(location).toBe("http://localhost:3000/api/auth/error?error=CredentialsSignin&provider=credentials");
        // Following it lands on the sign-in page with the known code only.
        const followed = await browser.request(location);
        expect(followed.status).toBe(302);
        expect(followed.headers.get("location")).toBe("/signin?error=CredentialsSignin");
      }
    });

    it("never copies an error parameter into a redirect: unknown codes become the generic one", async () => {
      const browser = client();
      for (const raw of [PRISMA_TEXT, `${PRISMA_TEXT}\u0000`, "SignInError", "<script>", ""]) {
        const res = await browser.request(`/api/auth/error?error=${encodeURIComponent(raw)}`);
        expect(res.status).toBe(302);
        expect(res.headers.get("location")).toBe("/signin?error=SignInError");
      }
      const known = await browser.request("/api/auth/error?error=TooManyAttempts");
      expect(known.headers.get("location")).toBe("/signin?error=TooManyAttempts");
    });

    it("turns an unexpected failure during sign-in into a fixed code, never the error's text", async () => {
      const made = await account();
      const browser = client();
      const csrfToken = await browser.csrfToken();
      // Every query fails with a database's internal text (no "then": it is not a promise).
      const failing = () => Promise.reject(new Error(PRISMA_TEXT));
      const model = new Proxy({}, { get: () => failing });
      const broken = new Proxy({}, { get: (_t, name) => (name === "then" ? undefined : name === "$transaction" ? failing : model) });
      useDatabase({ ...test, prisma: broken as never });
      try {
        const res = await browser.request("/api/auth/callback/credentials", {
          form: { username: made.username, password: made.password, csrfToken, callbackUrl: "/" },
        });
        const location = res.headers.get("location") ?? "";
        expect(location).toBe("http://localhost:3000/api/auth/error?error=SignInError");
        expect(decodeURIComponent(location)).not.toContain("prisma");
      } finally {
        useDatabase(test);
      }
    });

    it("says 'too many attempts' by code when the sign-in is throttled", async () => {
      const made = await account();
      const browser = client();
      for (let i = 0; i < 6; i++) await browser.signIn(made.username, "not the password");
      const res = await browser.signIn(made.username, made.password);
      expect(res.headers.get("location")).toBe("http://localhost:3000/api/auth/error?error=TooManyAttempts");
      expect(browser.cookies.has("rt.session")).toBe(false);
    });
  });

  describe("/api/auth/session (issue 6, item 9)", () => {
    it("answers a live session without the server-side session id", async () => {
      const { browser, sid } = await signedIn();
      const { status, text, body } = await browser.session();
      expect(status).toBe(200);
      expect(Object.keys(body)).toEqual(["expires"]);
      expect(Date.parse(String(body.expires))).toBeGreaterThan(Date.now());
      expect(text).not.toContain(sid);
      expect(text).not.toContain(sessionRowId(sid));
      expect(text).not.toMatch(/sid/);
    });

    it("answers {} to a staff member's password alone: the second factor is still to come", async () => {
      const made = await makeAccount(test.prisma, clock, { role: "caseworker" });
      const browser = client();
      const res = await browser.signIn(made.username, made.password);
      expect(res.headers.get("location")).toBe("http://localhost:3000/");
      const token = await decode({ token: browser.cookies.get("rt.session")!, secret: process.env.NEXTAUTH_SECRET! });
      const row = await test.prisma.session.findUniqueOrThrow({ where: { id: sessionRowId(String(token?.sid)) } });
      expect(row).toMatchObject({ userId: made.actor.userId, secondFactorPending: true, revokedAt: null });
      expect((await browser.session()).body).toEqual({});
    });

    it("answers {} after sign-out, and the row is ended", async () => {
      const { browser, sid } = await signedIn();
      const copy = new Map(browser.cookies);
      const res = await browser.signOut();
      expect(res.status).toBe(302);
      expect((await test.prisma.session.findUniqueOrThrow({ where: { id: sessionRowId(sid) } })).revokedReason).toBe("signed-out");
      // A copy of the cookie, kept from before sign-out, gets nothing either.
      for (const [k, v] of copy) browser.cookies.set(k, v);
      const after = await browser.session();
      expect(after.body).toEqual({});
      expect(browser.cookies.has("rt.session")).toBe(false);
    });

    it("answers {} once the account is disabled", async () => {
      const { browser, made } = await signedIn();
      await disableAccount({ db: test.prisma, clock, actor: SYSTEM, username: made.username });
      expect((await browser.session()).body).toEqual({});
    });

    it("answers {} after the idle limit, and asking does not count as activity", async () => {
      const { browser, sid } = await signedIn();
      const id = sessionRowId(sid);
      const lastSeenAt = new Date(Date.now() - IDLE_TIMEOUT_MS + MINUTE);
      await test.prisma.session.update({ where: { id }, data: { lastSeenAt } });
      expect(Object.keys((await browser.session()).body)).toEqual(["expires"]);
      expect((await test.prisma.session.findUniqueOrThrow({ where: { id } })).lastSeenAt).toEqual(lastSeenAt);
      await test.prisma.session.update({ where: { id }, data: { lastSeenAt: new Date(Date.now() - IDLE_TIMEOUT_MS - 1000) } });
      expect((await browser.session()).body).toEqual({});
      expect((await test.prisma.session.findUniqueOrThrow({ where: { id } })).revokedReason).toBe("idle-timeout");
    });

    it("answers {} with no cookie or a forged one", async () => {
      const browser = client();
      expect((await browser.session()).body).toEqual({});
      browser.cookies.set("rt.session", "forged");
      expect((await browser.session()).body).toEqual({});
    });
  });

  describe("paths next-auth would answer with its own text or pages (issue 15, item 5b)", () => {
    /** The answer's status, Allow header and body, read once. */
    const answer = async (path: string, method: "GET" | "POST", form?: Record<string, string>) => {
      const res = await client().request(path, { method, form });
      return { status: res.status, allow: res.headers.get("allow"), location: res.headers.get("location"), body: await res.text() };
    };

    it("answers a used endpoint by the wrong method with a plain 405 that names the right one", async () => {
      for (const [path, method, allow] of [
        ["/api/auth/callback/credentials", "GET", "POST"],
        ["/api/auth/signout", "GET", "POST"],
        ["/api/auth/csrf", "POST", "GET"],
        ["/api/auth/session", "POST", "GET"],
        ["/api/auth/error", "POST", "GET"],
      ] as const) {
        expect(await answer(path, method), `${method} ${path}`).toEqual({ status: 405, allow, location: null, body: "" });
      }
    });

    it("answers every other path under /api/auth with a plain 404, whatever the method", async () => {
      const paths = [
        "/api/auth/callback/github", "/api/auth/callback", "/api/auth/signin/credentials", "/api/auth/signin/github", "/api/auth/providers",
        "/api/auth/verify-request", "/api/auth/_log", "/api/auth/nonsense", "/api/auth/constructor", "/api/auth/__proto__", "/api/auth/csrf/more",
      ];
      for (const path of paths) for (const method of ["GET", "POST"] as const) {
        expect(await answer(path, method, method === "POST" ? { csrfToken: "x" } : undefined), `${method} ${path}`).toEqual({ status: 404, allow: null, location: null, body: "" });
      }
    });

    it("sends next-auth's sign-in page to ours with nothing of the request copied", async () => {
      for (const query of ["", "?csrf=true", "?error=%3Cb%3ETypeError%3A%20x%3C%2Fb%3E&callbackUrl=https%3A%2F%2Fevil.example"]) {
        expect(await answer(`/api/auth/signin${query}`, "GET")).toEqual({ status: 302, allow: null, location: "/signin", body: "" });
      }
    });

    it("a credentials post with a stale CSRF token still ends on the sign-in page", async () => {
      const browser = client();
      const res = await browser.request("/api/auth/callback/credentials", { form: { username: "x", password: "y", csrfToken: "stale", callbackUrl: "/" } });
      expect(res.status).toBe(302);
      const followed = await browser.request(res.headers.get("location")!);
      expect(followed.headers.get("location")).toBe("/signin");
    });
  });
});
