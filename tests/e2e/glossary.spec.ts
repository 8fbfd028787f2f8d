import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { chooseLanguage, DEMO, expectAccessible, expectNoHorizontalScroll, signIn } from "./helpers.ts";

type Glossary = { title: string; terms: Record<string, { term: string; meaning: string }> };
const words = (locale: string): Glossary => JSON.parse(fs.readFileSync(`locales/${locale}/glossary.json`, "utf8"));
const en = words("en");
const ur = words("ur");
const count = Object.keys(en.terms).length;

test("the glossary explains every term in English, A to Z, without signing in", async ({ page }) => {
  await page.goto("/glossary");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.title);
  const items = page.locator(".glossary-list > div");
  await expect(items).toHaveCount(count);
  const shown = await page.locator(".glossary-list dt").allTextContents();
  expect(shown).toEqual([...shown].sort(new Intl.Collator("en", { sensitivity: "base", numeric: true }).compare));
  await expect(page.locator("#term-s20 dt")).toHaveText(en.terms.s20.term);
  await expect(page.locator("#term-s20 dd")).toHaveText(en.terms.s20.meaning);
  await expectAccessible(page);
});

test("the glossary in Urdu is right to left, keeps the English form of each term, and stays accessible", async ({ page }) => {
  await page.goto("/glossary");
  await chooseLanguage(page, "ur");
  await expect(page).toHaveURL(/\/glossary$/);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "ur");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ur.title);
  await expect(page.locator(".glossary-list > div")).toHaveCount(count);
  await expect(page.locator("#term-cp dt")).toHaveText(ur.terms.cp.term);
  await expect(page.locator("#term-cp dt")).toContainText("(CP)");
  await expect(page.locator("#term-cp dd")).toHaveText(ur.terms.cp.meaning);
  await expectAccessible(page);
});

test("a link to one term on the glossary page lands on it, with JavaScript off", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/glossary#term-familyTime");
  await expect(page.locator("#term-familyTime")).toBeInViewport();
  await expect(page.locator("#term-familyTime dd")).toHaveText(en.terms.familyTime.meaning);
  await context.close();
});

for (const locale of ["en-GB", "ur-PK"]) {
  test(`the glossary fits a 320px-wide phone (${locale})`, async ({ browser }) => {
    const context = await browser.newContext({ locale, viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await page.goto("/glossary");
    await expect(page.locator(".glossary-list > div")).toHaveCount(count);
    await expectNoHorizontalScroll(page);
    await context.close();
  });
}

test("a signed-in young person can open the glossary too", async ({ page }) => {
  // Amira's remembered language is shared by every test that signs in as her: this one reads English.
  await signIn(page, DEMO.child, "en");
  await page.goto("/glossary");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.title);
  await expectAccessible(page);
});
