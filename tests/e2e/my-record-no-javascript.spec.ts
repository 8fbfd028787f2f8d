import { expect, test } from "@playwright/test";
import { chooseLanguage, DEMO } from "./helpers.ts";

test.use({ javaScriptEnabled: false });

test("with JavaScript off: sign in, open the record, filter, read an entry, ask for a translation", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Username").fill(DEMO.excludedParent.username);
  await page.getByLabel("Password").fill(DEMO.excludedParent.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  if ((await page.locator("html").getAttribute("lang")) !== "en") {
    await chooseLanguage(page, "en");
  }
  await page.locator(".records-list a").first().click();
  await expect(page).toHaveURL(/\/records\/[0-9a-f-]{36}$/);
  await page.getByLabel("Kind of entry").selectOption("decision");
  await page.getByRole("button", { name: "Show these" }).click();
  await expect(page).toHaveURL(/type=decision/);
  await page.getByRole("link", { name: "Decision: family time without a supervisor" }).click();
  await expect(page.getByRole("heading", { name: "About this decision" })).toBeVisible();

  await chooseLanguage(page, "ur");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await page.getByRole("button", { name: "ترجمے کی درخواست کریں" }).click();
  await expect(page.locator(".translation-box [role=status]")).toBeVisible();
});
