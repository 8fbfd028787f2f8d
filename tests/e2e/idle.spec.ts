import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, homeHeading, openRecord, signIn, signOut } from "./helpers.ts";

const MINUTE = 60_000;

test("a minute before the idle limit a dialog offers to stay signed in; staying keeps the session", async ({ page }) => {
  await page.clock.install();
  // People whose language no other test changes, so the dialog's words are English.
  await signIn(page, DEMO.excludedParent);
  await page.clock.fastForward(13 * MINUTE);
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
  await page.clock.fastForward(1 * MINUTE + 1000);
  const dialog = page.getByRole("alertdialog", { name: "Are you still there?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Stay signed in" })).toBeFocused();
  await expectAccessible(page);

  await dialog.getByRole("button", { name: "Stay signed in" }).click();
  await expect(dialog).toBeHidden();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(homeHeading("family"));
});

// page.clock moves only the browser's time; the server keeps real time, so to the server the
// person was active moments ago, as if they were using another tab.
test("when this tab's idle timer runs out but the session is still in use, the person stays signed in", async ({ page }) => {
  await page.clock.install();
  await signIn(page, DEMO.carer);
  await page.clock.fastForward(14 * MINUTE + 1000);
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toBeVisible();
  const asked = page.waitForResponse((r) => r.request().method() === "POST" && Boolean(r.request().headers()["next-action"]));
  await page.clock.fastForward(1 * MINUTE);
  await asked;
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/$/);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(homeHeading("family"));
});

test("when the session has ended elsewhere, the idle limit takes the page to sign-in and says why", async ({ page, context }) => {
  await page.clock.install();
  await signIn(page, DEMO.carer);
  const other = await context.newPage();
  await other.goto("/");
  await signOut(other);
  await other.close();
  await page.clock.fastForward(15 * MINUTE + 1000);
  await expect(page).toHaveURL(/\/signin\?reason=idle$/);
  await expect(page.getByText("You were signed out because you did nothing for 15 minutes.", { exact: false })).toBeVisible();
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin$/);
});

// "Show the original" is a client-side navigation to the same path with ?original=1 (as are
// paging the chronology and the access log, which the demo has too few items to need).
test("a same-page navigation with new search params restarts the idle timer", async ({ page, context }) => {
  await page.clock.install();
  await signIn(page, DEMO.child, "en");
  await openRecord(page, "Amira");
  const entryUrl = await page.getByRole("link", { name: "Child in need plan" }).getAttribute("href");
  // Urdu for this browser only (the cookie), so Amira's remembered language stays as it is.
  await context.addCookies([{ name: "rt.lang", value: "ur", url: new URL(page.url()).origin }]);
  await page.goto(entryUrl!);
  const showOriginal = page.locator(".translation-box a[href*='original=1']");
  await expect(showOriginal).toBeVisible();

  await page.clock.fastForward(10 * MINUTE);
  await showOriginal.click();
  await expect(page).toHaveURL(/original=1$/);
  await expect(page.locator("h1")).toHaveText("Child in need plan");
  const dialog = page.getByRole("alertdialog");
  // 14 minutes after the page was loaded, but only 4 after the navigation: no warning yet...
  await page.clock.fastForward(4 * MINUTE + 1000);
  await page.waitForTimeout(500);
  await expect(dialog).toHaveCount(0);
  // ...which comes 14 minutes after the navigation, before any check with the server.
  await page.clock.fastForward(10 * MINUTE);
  await expect(dialog).toBeVisible();
  await expect(page).toHaveURL(/original=1$/);
});
