import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { asUser, DEMO, expectAccessible, expectNoHorizontalScroll, openMenu, signIn } from "./helpers.ts";

test("the header's name leads to 'Your account', which needs signing in", async ({ page }) => {
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin$/);
  await signIn(page, DEMO.manager, "en");
  await openMenu(page);
  await page.locator("header .account a").click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.locator("main dl")).toContainText("Mark Mensah");
  await expectAccessible(page);
});

// The one demo account these tests may change the password of (README): every other demo
// password is shared with tests running alongside. It ends as it began, for a second run.
const PW = { username: "pwchange", password: "pat-walsh-demo-2026" };
const CHANGED = "lantern orchard quiet";
const ur = JSON.parse(fs.readFileSync("locales/ur/account.json", "utf8"));
const form = (page: Page) => page.locator("section[aria-labelledby=change-password] form");

async function fillPasswords(page: Page, current: string, next: string, again = next) {
  await page.locator("#currentPassword").fill(current);
  await page.locator("#newPassword").fill(next);
  await page.locator("#confirmPassword").fill(again);
  await form(page).locator("button[type=submit]").click();
}

test("changing my password, with JavaScript off and on: refusals against the field, other sessions end", async ({ browser }) => {
  const elsewhere = await asUser(browser, PW);

  // JavaScript off: plain form posts, answered by the server. (axe runs scripts in the page, so
  // the accessibility checks are made below, with JavaScript on, on the same server-rendered parts.)
  const page = await asUser(browser, PW, { javaScript: false });
  await page.goto("/account");
  await fillPasswords(page, PW.password, "Qwerty123456");
  await expect(page.locator("#newPassword-error")).toHaveText(/Lots of people use this password/);
  await expect(page.locator("#newPassword")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#currentPassword")).toHaveValue(""); // never echoed back
  await fillPasswords(page, PW.password, CHANGED);
  await expect(page).toHaveURL(/\/account\?done=password$/);
  await expect(page.getByRole("status")).toHaveText("Your password has been changed. You have been signed out everywhere else.");
  // The other browser was signed out; this one was not.
  await elsewhere.goto("/account");
  await expect(elsewhere).toHaveURL(/\/signin$/);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/account$/);

  // JavaScript on, in Urdu: the new password signs in; the shared schema answers in the browser.
  const urdu = await asUser(browser, { ...PW, password: CHANGED }, { language: "ur" });
  await urdu.goto("/account");
  await expect(urdu.locator("#change-password")).toHaveText(ur.password.title);
  await expectAccessible(urdu);
  await expectNoHorizontalScroll(urdu);
  await fillPasswords(urdu, CHANGED, "qwerty123456");
  await expect(urdu.locator("#newPassword-error")).toHaveText(ur.password.common);
  await expectAccessible(urdu);
  await fillPasswords(urdu, CHANGED, PW.password, `${PW.password}x`);
  await expect(urdu.locator("#confirmPassword-error")).toHaveText(ur.password.mismatch);
  await fillPasswords(urdu, CHANGED, PW.password);
  await expect(urdu).toHaveURL(/\/account\?done=password$/);
  await expect(urdu.getByRole("status")).toHaveText(ur.password.changed);
  await expectAccessible(urdu);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin$/);
});
