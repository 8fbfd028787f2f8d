import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { DEMO } from "./helpers.ts";

// Issue 15, item 5c: a post from another site is refused by the portal's HTTP server with a small
// 403 page in the reader's language, before any action runs; Next.js alone answered a bare 500.
const texts = (locale: "en" | "ur") => JSON.parse(fs.readFileSync(`locales/${locale}/errors.json`, "utf8")).crossSite as Record<string, string>;
const FOREIGN = "https://evil.example";

test("a sign-in form posted from another site gets a 403 page in Urdu, and signs nobody in", async ({ browser }) => {
  const ur = texts("ur");
  // No JavaScript: the form posts as a plain form; its Origin is rewritten to another site's.
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "ur-PK" });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.route((url) => url.pathname === "/signin", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    await route.continue({ headers: { ...route.request().headers(), origin: FOREIGN } });
  });
  await page.locator('input[name="username"]').fill(DEMO.advocate.username);
  await page.locator('input[name="password"]').fill(DEMO.advocate.password);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST"),
    page.locator('form:has(input[name="password"]) button[type="submit"]').click(),
  ]);
  expect(response.status()).toBe(403);
  await expect(page.locator("html")).toHaveAttribute("lang", "ur");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ur.heading!);
  await expect(page.getByRole("link", { name: ur.home })).toHaveAttribute("href", "/");
  expect(await response.text()).not.toMatch(/Invalid Server Actions|Error|at \//);
  // Nothing changed: no session, and the portal still asks for a sign-in.
  expect((await context.cookies()).map((c) => c.name)).not.toContain("rt.session");
  await page.unrouteAll();
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin$/);
  await context.close();
});

test("a server action called from another site gets the 403 page in English, not a bare 500", async ({ request, baseURL }) => {
  const en = texts("en");
  const res = await request.post("/signin", {
    headers: { Origin: FOREIGN, "Next-Action": "0".repeat(42), "Accept-Language": "en-GB,en;q=0.9", "Content-Type": "text/plain;charset=UTF-8" },
    data: "[]",
    maxRedirects: 0,
  });
  expect(res.status()).toBe(403);
  expect(res.headers()["content-type"]).toBe("text/html; charset=utf-8");
  const body = await res.text();
  expect(body).toContain(`<h1>${en.heading}</h1>`);
  expect(body).toContain(`<a href="/">${en.home}</a>`);
  // The same post from the portal's own origin reaches Next.js (which knows no such action).
  const own = await request.post("/signin", { headers: { Origin: new URL(baseURL!).origin, "Next-Action": "0".repeat(42), "Content-Type": "text/plain;charset=UTF-8" }, data: "[]", maxRedirects: 0 });
  expect(own.status()).not.toBe(403);
});
