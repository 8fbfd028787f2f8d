import { describe, expect, it, vi } from "vitest";

// lib/env.ts reads the environment once, on first import: set it before anything loads it.
vi.hoisted(() => {
  process.env.NEXTAUTH_URL = "https://portal.example.org";
  process.env.ALLOWED_ORIGINS = "https://records.example.org";
});

import { crossSiteRefusal } from "../../lib/action/cross-site.ts";
import en from "../../locales/en/errors.json";
import ur from "../../locales/ur/errors.json";

// Issue 15, item 5c: a post from another site is answered by the HTTP server with a 403 page in
// the reader's language, never Next.js's bare 500 (the browser test tests/e2e/cross-site.spec.ts
// shows it through the real server, and that nothing changes).
describe("a post from another site", () => {
  const post = (headers: Record<string, string>, method = "POST") => crossSiteRefusal({ method, headers: { host: "localhost:3000", ...headers } });

  it("is refused with a 403 page: a translated heading, a link home, nothing internal", () => {
    const refused = post({ origin: "https://evil.example" });
    expect(refused).toMatchObject({ status: 403, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
    expect(refused!.body).toContain(`<html lang="en" dir="ltr">`);
    expect(refused!.body).toContain(`<h1>${en.crossSite.heading}</h1>`);
    expect(refused!.body).toContain(`<a href="/">${en.crossSite.home}</a>`);
    expect(refused!.body).not.toMatch(/error|stack|next|action/i);
  });

  it("speaks the reader's language: their choice (the cookie) first, else their browser's", () => {
    const urdu = post({ origin: "https://evil.example", "accept-language": "ur-PK,ur;q=0.9,en;q=0.5" })!;
    expect(urdu.headers["Content-Language"]).toBe("ur");
    expect(urdu.body).toContain(`<html lang="ur" dir="rtl">`);
    expect(urdu.body).toContain(`<h1>${ur.crossSite.heading}</h1>`);
    expect(post({ origin: "https://evil.example", "accept-language": "ur", cookie: "a=b; rt.lang=en" })!.body).toContain(en.crossSite.heading);
    expect(post({ origin: "https://evil.example", "accept-language": "en", cookie: "rt.lang=ur" })!.body).toContain(ur.crossSite.heading);
    expect(post({ origin: "https://evil.example", cookie: "rt.lang=xx" })!.body).toContain(en.crossSite.heading);
  });

  it("counts 'null' and look-alike origins as other sites", () => {
    for (const origin of ["null", "http://localhost:3000.evil.example", "https://localhost:3000", "http://localhost:3001", "https://portal.example.org.evil"]) {
      expect(post({ origin }), origin).toMatchObject({ status: 403 });
    }
    for (const method of ["PUT", "PATCH", "DELETE", "post"]) expect(post({ origin: "https://evil.example" }, method), method).not.toBeNull();
  });

  it("lets through this site's own posts, the allowed origins, reads, and clients that send no Origin", () => {
    expect(post({ origin: "http://localhost:3000" })).toBeNull();
    expect(post({ origin: "https://localhost:3000", "x-forwarded-proto": "https" })).toBeNull();
    expect(post({ origin: "https://portal.example.org" })).toBeNull();
    expect(post({ origin: "https://records.example.org" })).toBeNull();
    expect(post({})).toBeNull();
    for (const method of ["GET", "HEAD", "OPTIONS"]) expect(post({ origin: "https://evil.example" }, method), method).toBeNull();
  });
});
