import { describe, expect, it } from "vitest";
import { signInSchema } from "../../lib/auth/sign-in-form.ts";
import { retryWait } from "../../lib/auth/retry-message.ts";
import { safeSignInError, signInErrorMessageKey } from "../../lib/auth/sign-in-errors.ts";
import { delayAfter, THROTTLE_RULES, FORGET_MS } from "../../lib/auth/throttle.ts";
import { createI18n } from "../../lib/i18n/instance.ts";
import { resources } from "../../lib/i18n/resources.ts";

const at = (iso: string) => new Date(iso);
const now = at("2026-03-01T09:00:00Z");
const after = (ms: number) => new Date(now.getTime() + ms);

describe("the sign-in input", () => {
  it.each(["amira\u0000", "\u0000", "am\u0007ira", "amira\u007f", "amira\u0085", "a\u009fb", "am\nira"])("refuses the control character in %j", (username) => {
    const parsed = signInSchema.safeParse({ username, password: "a password" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toEqual(["auth:signIn.usernameInvalid"]);
  });

  it("accepts ordinary usernames, trimmed, in any script", () => {
    expect(signInSchema.parse({ username: "  jpatel\t", password: "x" }).username).toBe("jpatel");
    expect(signInSchema.safeParse({ username: "امیرہ", password: "x" }).success).toBe(true);
  });
});

describe("when to try again", () => {
  it("uses seconds under a minute and whole minutes after, always rounded up", () => {
    expect(retryWait(after(30_000), now)).toEqual({ key: "signIn.throttledSeconds", count: 30 });
    expect(retryWait(after(400), now)).toEqual({ key: "signIn.throttledSeconds", count: 1 });
    expect(retryWait(after(-5_000), now)).toEqual({ key: "signIn.throttledSeconds", count: 1 });
    expect(retryWait(after(60_000), now)).toEqual({ key: "signIn.throttledMinutes", count: 1 });
    expect(retryWait(after(90_000), now)).toEqual({ key: "signIn.throttledMinutes", count: 2 });
    expect(retryWait(after(15 * 60_000), now)).toEqual({ key: "signIn.throttledMinutes", count: 15 });
  });

  it("reads naturally in English and Urdu", () => {
    const en = createI18n("en", resources).getFixedT("en", "auth");
    const ur = createI18n("ur", resources).getFixedT("ur", "auth");
    expect(en("signIn.throttledMinutes", { count: 2 })).toContain("try again in 2 minutes");
    expect(en("signIn.throttledMinutes", { count: 1 })).toContain("try again in 1 minute,");
    expect(en("signIn.throttledSeconds", { count: 30 })).toContain("try again in 30 seconds");
    expect(ur("signIn.throttledMinutes", { count: 2 })).toContain("2 منٹ بعد دوبارہ کوشش کریں");
    expect(ur("signIn.throttledSeconds", { count: 30 })).toContain("30 سیکنڈ بعد");
  });
});

describe("error codes in the sign-in page's address", () => {
  it("keeps known codes and turns anything else into the generic one", () => {
    expect(safeSignInError("CredentialsSignin")).toBe("CredentialsSignin");
    expect(safeSignInError("TooManyAttempts")).toBe("TooManyAttempts");
    for (const raw of ["Invalid `prisma.user.findUnique()` invocation", "\u0000", "", undefined, ["CredentialsSignin"], "Configuration"]) {
      expect(safeSignInError(raw)).toBe("SignInError");
    }
  });

  it("maps each code to a translated message of our own", () => {
    const en = createI18n("en", resources).getFixedT("en", "auth");
    expect(en(signInErrorMessageKey("CredentialsSignin"))).toBe("The username or password is not right. Check them and try again.");
    expect(en(signInErrorMessageKey("SignInError"))).toBe("Signing in did not work this time. Please try again.");
    expect(en(signInErrorMessageKey("TooManyAttempts"))).toMatch(/^Too many tries/);
  });
});

describe("throttle waits", () => {
  it("start after the free attempts, double, and stop at each scope's ceiling", () => {
    const pair = THROTTLE_RULES["account-client"];
    expect([...Array(pair.free + 8).keys()].map((i) => delayAfter("account-client", i + 1) / 1000)).toEqual([
      ...Array(pair.free).fill(0), 30, 60, 120, 240, 480, 900, 900, 900,
    ]);
    expect(delayAfter("account", THROTTLE_RULES.account.free + 50)).toBe(THROTTLE_RULES.account.maxDelayMs);
    // A counter idle for FORGET_MS never still holds a wait, so pruning it changes nothing.
    for (const rule of Object.values(THROTTLE_RULES)) expect(rule.maxDelayMs).toBeLessThanOrEqual(FORGET_MS);
  });
});
