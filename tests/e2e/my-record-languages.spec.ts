import { expect, test } from "@playwright/test";
import { chooseLanguage, DEMO, expectAccessible, expectNoHorizontalScroll, openRecord, signIn } from "./helpers.ts";

test("in Urdu: the record reads right to left, translated entries say who translated them, the original is one click away", async ({ page }) => {
  await signIn(page, DEMO.child, "en");
  await openRecord(page, "Amira");
  const entryUrl = await page.getByRole("link", { name: "Child in need plan" }).getAttribute("href");
  await chooseLanguage(page, "ur");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);

  await page.goto(entryUrl!);
  await expect(page.locator(".translation-box")).toContainText("ترجمہ:");
  await expect(page.locator("h1")).toHaveAttribute("lang", "ur");
  await expectAccessible(page);
  await page.getByRole("link", { name: "اصل (انگریزی) دکھائیں" }).click();
  await expect(page.locator("h1")).toHaveText("Child in need plan");
  await expect(page.locator("h1")).toHaveAttribute("lang", "en");
  await expectAccessible(page);
});

test("in Urdu, an entry with no translation offers to ask for one, and the caseworker sees the request", async ({ page, browser }) => {
  await signIn(page, DEMO.advocate, "ur");
  await openRecord(page, "Amira");
  await page.getByRole("link", { name: "Amira chose an advocate" }).click();
  await expect(page.locator(".translation-box")).toContainText("ابھی آپ کی زبان میں ترجمہ نہیں ہوا");
  await page.getByRole("button", { name: "ترجمے کی درخواست کریں" }).click();
  await expect(page.locator(".translation-box [role=status]")).toBeVisible();
  await expectAccessible(page);

  const staff = await browser.newPage();
  await signIn(staff, DEMO.caseworker, "en");
  const asked = staff.locator("section", { has: staff.getByRole("heading", { name: "Translations asked for" }) });
  await expect(asked.getByRole("link", { name: "Amira chose an advocate" })).toBeVisible();
  await staff.close();
});

test("on a 320px phone the record and an entry need no sideways scrolling", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  await signIn(page, DEMO.carer, "en");
  await openRecord(page, "Kayden");
  await expectNoHorizontalScroll(page);
  await page.getByRole("link", { name: "Looked-after child review (LAC review)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Looked-after child review (LAC review)");
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
  await context.close();
});
