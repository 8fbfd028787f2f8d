import { expect, test } from "@playwright/test";
import { chooseLanguage, DEMO, expectAccessible, expectNoHorizontalScroll, signIn } from "./helpers.ts";

test("a person picks Urdu: the page turns right-to-left, stays accessible, and the choice is remembered", async ({ page }) => {
  await page.goto("/signin");
  await chooseLanguage(page, "ur");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Sign in");
  await expectAccessible(page);

  await page.goto("/no-such-page");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectAccessible(page);

  // Back to English for signing in with the shared helper, then Urdu again while signed in.
  await page.goto("/signin");
  await chooseLanguage(page, "en");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await signIn(page, DEMO.child);
  await chooseLanguage(page, "ur");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectAccessible(page);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "ur");
});

test("the browser's language is used until the person chooses", async ({ browser }) => {
  const context = await browser.newContext({ locale: "ur-PK" });
  const page = await context.newPage();
  await page.goto("/signin");
  await expect(page.locator("html")).toHaveAttribute("lang", "ur");
  await context.close();
});

for (const locale of ["en-GB", "ur-PK"]) {
  test(`a 320px-wide phone needs no sideways scrolling (${locale})`, async ({ browser }) => {
    const context = await browser.newContext({ locale, viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await page.goto("/signin");
    await expectNoHorizontalScroll(page);
    await page.goto("/no-such-page");
    await expectNoHorizontalScroll(page);
    await context.close();
  });
}

test("a 320px-wide phone needs no sideways scrolling when signed in", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  await signIn(page, DEMO.caseworker);
  await expectNoHorizontalScroll(page);
  await context.close();
});
