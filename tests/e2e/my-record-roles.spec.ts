import { expect, test } from "@playwright/test";
import { chooseLanguage, DEMO, expectAccessible } from "./helpers.ts";
import { presentTrustedCookie } from "./second-factor-helpers.ts";

// Every role that can open a record, in Urdu: sign in, open a record, open an entry; each page
// right to left. With JavaScript on, axe checks each page; with it off, the journey still works
// (axe itself needs JavaScript).

const ROLES = [
  ["child", DEMO.child],
  ["parent", DEMO.parent],
  ["carer", DEMO.carer],
  ["advocate", DEMO.advocate],
  ["caseworker", DEMO.caseworker],
  ["manager", DEMO.manager],
] as const;

for (const javaScript of [true, false]) {
  test.describe(javaScript ? "JavaScript on" : "JavaScript off", () => {
    test.use({ javaScriptEnabled: javaScript });

    for (const [role, who] of ROLES) {
      test(`${role}: record and entry in Urdu, ${javaScript ? "axe-clean" : "JavaScript off"}`, async ({ page }) => {
        await page.goto("/signin");
        await chooseLanguage(page, "ur");
        await expect(page.locator("html")).toHaveAttribute("lang", "ur");
        await presentTrustedCookie(page, who.username); // staff: no security code on this browser
        await page.locator("#username").fill(who.username);
        await page.locator("#password").fill(who.password);
        await page.locator("main form button[type=submit]").click();
        await expect(page).toHaveURL(/\/$/);
        if ((await page.locator("html").getAttribute("lang")) !== "ur") {
          await chooseLanguage(page, "ur");
        }
        await page.locator(".records-list a").first().click();
        await expect(page).toHaveURL(/\/records\/[0-9a-f-]{36}$/);
        await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
        await expect(page.locator(".entry-card").first()).toBeVisible();
        if (javaScript) await expectAccessible(page);

        await page.locator(".entry-card a.entry-title").first().click();
        await expect(page).toHaveURL(/\/entries\/[0-9a-f-]{36}$/);
        await expect(page.locator("h1")).toBeVisible();
        if (javaScript) await expectAccessible(page);
      });
    }
  });
}
