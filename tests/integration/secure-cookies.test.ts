import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// lib/env.ts reads the environment once, on first import: an https public address for this file.
vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET = "a test secret that is at least thirty-two characters long";
  process.env.NEXTAUTH_URL = "https://records.example.org";
});

import { createTestDb, type TestDb } from "../helpers/db.ts";
import { AuthClient, useDatabase } from "../helpers/auth-route.ts";
import { makeAccount } from "../helpers/account-fixtures.ts";
import { newClientAddress } from "../helpers/client-addresses.ts";
import { fixedClock } from "../../lib/clock.ts";
import { handleAuthRoute } from "../../lib/auth/route-handler.ts";
import { clearSessionCookie, sessionCookieName, sessionCookieOptions } from "../../lib/auth/next-auth.ts";

// Cookie attributes do not depend on the database, so PGlite alone is enough here.
describe("session cookies when the public address is https (issue 6, item 10)", () => {
  let test: TestDb;
  beforeAll(async () => {
    test = await createTestDb("pglite");
    useDatabase(test);
  });
  afterAll(async () => {
    await test?.drop();
  });

  it("is named __Host-rt.session and is Secure, HttpOnly, Path=/ and without Domain", async () => {
    expect(sessionCookieName()).toBe("__Host-rt.session");
    expect(sessionCookieOptions()).toMatchObject({ secure: true, httpOnly: true, path: "/", sameSite: "lax" });
    // A family account: its password alone signs in (staff would stop half-way, at their code).
    const made = await makeAccount(test.prisma, fixedClock(new Date()), { role: "advocate" });
    const browser = new AuthClient(handleAuthRoute, newClientAddress(), "https://records.example.org");
    const csrfToken = await browser.csrfToken();
    const res = await browser.request("/api/auth/callback/credentials", {
      form: { username: made.username, password: made.password, csrfToken, callbackUrl: "/" },
    });
    expect(res.headers.get("location")).toBe("https://records.example.org/");
    const cookies = res.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith("__Host-rt.session="));
    expect(session).toBeDefined();
    expect(session).toMatch(/; Secure/i);
    expect(session).toMatch(/; HttpOnly/i);
    expect(session).toMatch(/; Path=\/(;|$)/i);
    expect(session).not.toMatch(/Domain=/i);
    // next-auth's own cookies follow the same rule.
    for (const cookie of cookies) expect(cookie, cookie.split("=")[0]).toMatch(/; Secure/i);
    expect(browser.cookies.has("rt.session")).toBe(false);
    expect(Object.keys((await browser.session()).body)).toEqual(["expires"]);
  });

  it("clears the cookie with the attributes a browser needs to accept the clearing", () => {
    const calls: [string, string, Record<string, unknown>][] = [];
    clearSessionCookie({ set: (name, value, options) => calls.push([name, value, options]) });
    expect(calls).toEqual([["__Host-rt.session", "", expect.objectContaining({ secure: true, path: "/", maxAge: 0 })]]);
  });
});
