import { describe, expect, it } from "vitest";
import { composeNotificationEmail, retryDelay } from "../../lib/notifications/index.ts";
import { errorCode } from "../../lib/notifications/retry.ts";
import enEmail from "../../locales/en/email.json";
import urEmail from "../../locales/ur/email.json";

describe("notification email", () => {
  it("says what kind of thing is new, in the recipient's language, with the link", () => {
    const ur = composeNotificationEmail({ kind: "reply-received", link: "/inbox", locale: "ur", baseUrl: "https://portal.example" });
    expect(ur.subject).toBe(urEmail.subject);
    expect(ur.text.split("\n")).toEqual([urEmail.what["reply-received"], "", urEmail.open, "https://portal.example/inbox", "", urEmail.privacy, urEmail.automatic, ""]);
  });

  it("falls back to English for no or an unknown language, and to a general sentence for an unknown kind", () => {
    for (const locale of [null, "fr", ""]) {
      expect(composeNotificationEmail({ kind: "contribution-received", link: "/inbox", locale, baseUrl: "https://p.example" }).subject).toBe(enEmail.subject);
    }
    const unknown = composeNotificationEmail({ kind: "from-a-later-version", link: "/inbox", locale: "en", baseUrl: "https://p.example" });
    expect(unknown.text.split("\n")[0]).toBe(enEmail.what.other);
  });

  it("keeps the portal's path prefix and drops a trailing slash from its address", () => {
    const text = composeNotificationEmail({ kind: "reply-received", link: "/inbox", locale: "en", baseUrl: "https://council.example/portal/" }).text;
    expect(text.split("\n")[3]).toBe("https://council.example/portal/inbox");
  });
});

describe("retries", () => {
  it("wait 1, 2, 4 … minutes, never more than an hour", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map((n) => retryDelay(n) / 60_000)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });

  it("record an error as its codes only, never a server's words (which can quote the address)", () => {
    const refused = Object.assign(new Error("550 5.1.1 <jo@council.example>: Recipient address rejected"), { code: "EENVELOPE", responseCode: 550 });
    expect(errorCode(refused)).toBe("EENVELOPE 550");
    expect(errorCode(Object.assign(new Error("connect ECONNREFUSED"), { code: "ESOCKET" }))).toBe("ESOCKET");
    expect(errorCode(new Error("jo@council.example"))).toBe("ESEND");
    expect(errorCode(Object.assign(new Error("x"), { code: "jo@council.example" }))).toBe("ESEND");
    expect(errorCode(undefined)).toBe("ESEND");
  });
});
