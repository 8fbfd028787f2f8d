import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, signIn } from "./helpers.ts";

test("the header's name leads to 'Your account', which needs signing in", async ({ page }) => {
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin$/);
  await signIn(page, DEMO.manager, "en");
  await page.locator("header .account a").click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.locator("main dl")).toContainText("Mark Mensah");
  await expectAccessible(page);
});
