import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, homeHeading, signIn } from "./helpers.ts";

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

test("doing nothing for 15 minutes signs the person out and says why", async ({ page }) => {
  await page.clock.install();
  await signIn(page, DEMO.carer);
  await page.clock.fastForward(15 * MINUTE + 1000);
  await expect(page).toHaveURL(/\/signin\?reason=idle$/);
  await expect(page.getByText("You were signed out because you did nothing for 15 minutes.", { exact: false })).toBeVisible();
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin$/);
});
