import { expect, test as setup } from "@playwright/test";
import { DEMO } from "./helpers.ts";
import { enterDemoCode, saveTrustedCookie } from "./second-factor-helpers.ts";

// Once per server, before the tests: each demo staff account signs in with the demo secret's
// code and "trust this browser", and the cookie is saved for helpers.signIn to present.
const STAFF = [DEMO.caseworker, DEMO.manager, DEMO.admin, DEMO.translator, { username: "pwchange", password: "pat-walsh-demo-2026" }];

for (const who of STAFF) {
  setup(`a trusted browser for ${who.username}`, async ({ page }) => {
    await page.goto("/signin");
    await page.locator("#username").fill(who.username);
    await page.locator("#password").fill(who.password);
    await page.locator("main form button[type=submit]").click();
    await expect(page).toHaveURL(/\/signin\/code$/);
    await enterDemoCode(page, { trust: true });
    await expect(page).toHaveURL(/\/$/);
    await saveTrustedCookie(page, who.username);
  });
}
