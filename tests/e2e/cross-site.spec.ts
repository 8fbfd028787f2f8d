import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { DEMO } from "./helpers.ts";

// Issue 15, item 5c: a post from another site is refused by the portal's HTTP server with a small
// 403 page in the reader's language, before any action runs; Next.js alone answered a bare 500.
// (Playwright cannot change a page's own Origin header, so the posts are made by its request client.)
const texts = (locale: "en" | "ur") => JSON.parse(fs.readFileSync(`locales/${locale}/errors.json`, "utf8")).crossSite as Record<string, string>;
const FOREIGN = "https://evil.example";

test("a sign-in form posted from another site gets a 403 page in Urdu, and signs nobody in", async ({ browser, request, baseURL }) => {
  const ur = texts("ur");
  const context = await browser.newContext({ locale: "ur-PK" });
  const page = await context.newPage();
  await page.goto("/signin");
  // The sign-in form as a browser without JavaScript posts it: its hidden fields name the action.
  const form = page.locator('form:has(input[name="password"])');
  const fields: Record<string, string> = { username: DEMO.advocate.username, password: DEMO.advocate.password };
  for (const input of await form.locator('input[type="hidden"]').all()) fields[(await input.getAttribute("name"))!] = (await input.getAttribute("value")) ?? "";
  const post = (client: typeof request, origin: string) => client.post("/signin", { multipart: fields, headers: { Origin: origin, "Accept-Language": "ur-PK,ur;q=0.9" }, maxRedirects: 0 });

  const refused = await post(context.request, FOREIGN);
  expect(refused.status()).toBe(403);
  const body = await refused.text();
  expect(body).toContain(`<html lang="ur" dir="rtl">`);
  expect(body).toContain(`<h1>${ur.heading}</h1>`);
  expect(body).toContain(`<a href="/">${ur.home}</a>`);
  expect(body).not.toMatch(/Invalid Server Actions|Error|at \//);
  // Nothing changed: no session, and the portal still asks this browser to sign in.
  expect((await context.cookies()).map((c) => c.name)).not.toContain("rt.session");
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin$/);
  // The same post from the portal's own origin (another browser) does sign in: the refusal mattered.
  expect((await post(request, new URL(baseURL!).origin)).status()).toBe(303);
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
