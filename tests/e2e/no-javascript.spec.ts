import { expect, test } from "@playwright/test";
import { DEMO, homeHeading } from "./helpers.ts";

test.use({ javaScriptEnabled: false });

test("signing in, changing language and signing out work with JavaScript switched off", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Username").fill(DEMO.parent.username);
  await page.getByLabel("Password").fill(DEMO.parent.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(homeHeading("family"));

  // The header's menu is a <details>: it opens without JavaScript, and a language is one press.
  await page.locator("header summary", { hasText: "Menu" }).click();
  await page.getByRole("button", { name: "اردو (Urdu)" }).click();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "ur");

  await page.locator("header summary", { hasText: "مینو" }).click();
  await page.getByRole("button", { name: "سائن آؤٹ کریں" }).click();
  await expect(page).toHaveURL(/\/signin\?reason=signed-out$/);
});

test("a wrong password is explained without JavaScript, keeping the username", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Username").fill(DEMO.parent.username);
  await page.getByLabel("Password").fill("wrong-password-here");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("The username or password is not right. Check them and try again.")).toBeVisible();
  await expect(page.getByLabel("Username")).toHaveValue(DEMO.parent.username);
});
