import { expect, test, type Page } from "@playwright/test";
import { closeUserContexts, expectAccessible, expectNoHorizontalScroll, openMenu, signIn, signOut } from "./helpers.ts";
import { totpCode } from "./second-factor-helpers.ts";

// Security codes (a second factor), each journey with its own demo account (README): staff set
// an app up at their first sign-in, then type its codes; a code is taken once; a recovery code
// works once; a family member turns codes on from "Your account". JavaScript on and off.
test.afterEach(closeUserContexts);

const NEW_STAFF = { username: "newstaff", password: "nia-owusu-demo-2026" };
const NEW_STAFF_NO_JS = { username: "newstaff2", password: "sam-reid-demo-2026" };
const FAMILY = { username: "optin", password: "jo-hart-demo-2026" };

async function passwordStep(page: Page, who: { username: string; password: string }, lands: RegExp) {
  await page.goto("/signin");
  await page.locator("#username").fill(who.username);
  await page.locator("#password").fill(who.password);
  await page.locator("main form button[type=submit]").click();
  await expect(page).toHaveURL(lands);
}

async function submitCode(page: Page, code: string) {
  await page.locator("#code").fill(code);
  await page.locator("#code").press("Enter");
}

/** On the set-up page: reads the key shown as text (as someone typing it into an app would). */
async function setUp(page: Page, opts: { accessible: boolean }) {
  await expect(page.getByRole("img", { name: "QR code to scan with your authenticator app" })).toBeVisible();
  const secret = (await page.getByTestId("secret-key").innerText()).replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  if (opts.accessible) {
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
  }
  await submitCode(page, "12345");
  await expect(page.locator("#code-error")).toHaveText("The code is 6 digits. Check it and try again.");
  await submitCode(page, await totpCode(secret));
  await expect(page).toHaveURL(/\/account\/recovery-codes$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Save your recovery codes");
  const codes = await page.getByRole("list", { name: "Your recovery codes" }).getByRole("listitem").allInnerTexts();
  expect(codes).toHaveLength(10);
  if (opts.accessible) await expectAccessible(page);
  await page.getByRole("button", { name: "I have saved my recovery codes" }).click();
  await expect(page).toHaveURL(/\/$/);
  // Shown once: the page now offers new ones instead.
  await page.goto("/account/recovery-codes");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Make new recovery codes");
  return { secret, codes };
}

test("staff set up security codes at their first sign-in; a code works once, a recovery code once", async ({ page }) => {
  await passwordStep(page, NEW_STAFF, /\/signin\/set-up$/);
  // Half-way: nothing else is reachable yet.
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin\/set-up$/);
  const { secret, codes } = await setUp(page, { accessible: true });
  await signOut(page);

  // The code used at set-up is spent; the next step's works (one step of drift is allowed).
  await passwordStep(page, NEW_STAFF, /\/signin\/code$/);
  await expectAccessible(page);
  const next = await totpCode(secret, 1);
  await submitCode(page, next);
  await expect(page).toHaveURL(/\/$/);
  await signOut(page);

  // The same code again is refused, and the way in is still shut.
  await passwordStep(page, NEW_STAFF, /\/signin\/code$/);
  await submitCode(page, next);
  await expect(page.locator("#code-error")).toHaveText("That code has already been used. Wait for your app to show a new code, then type it.");
  await expectAccessible(page);
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin\/code$/);

  // A recovery code instead: it works once, and the account page says how many are left.
  await page.getByRole("link", { name: "Use a recovery code instead" }).click();
  await expect(page).toHaveURL(/\/signin\/recovery-code$/);
  await expectAccessible(page);
  await submitCode(page, codes[0]!);
  await expect(page).toHaveURL(/\/account\?done=recovery-code$/);
  await expect(page.getByRole("status")).toHaveText("You signed in with a recovery code. That code will not work again.");
  await expect(page.getByText("You have 9 recovery codes left.")).toBeVisible();
  await signOut(page);
  await passwordStep(page, NEW_STAFF, /\/signin\/code$/);
  await page.goto("/signin/recovery-code");
  await submitCode(page, codes[0]!);
  await expect(page.locator("#code-error")).toHaveText("That recovery code is not right, or it has been used. Check it and try again.");
  await openMenu(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin\?reason=signed-out$/);
});

test.describe("JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("staff set up security codes and sign in with one, with plain form posts", async ({ page }) => {
    await passwordStep(page, NEW_STAFF_NO_JS, /\/signin\/set-up$/);
    const { secret } = await setUp(page, { accessible: false });
    await signOut(page);
    await passwordStep(page, NEW_STAFF_NO_JS, /\/signin\/code$/);
    await submitCode(page, "000000x");
    await expect(page.locator("#code-error")).toHaveText("The code is 6 digits. Check it and try again.");
    await submitCode(page, await totpCode(secret, 1));
    await expect(page).toHaveURL(/\/$/);
  });
});

test("a family member turns security codes on from 'Your account', and is then asked for one", async ({ page }) => {
  await signIn(page, FAMILY, "en"); // families are not asked to set codes up
  await page.goto("/account");
  await expect(page.getByText("You can also use a code from an app on your phone when you sign in.")).toBeVisible();
  await page.getByRole("link", { name: "Set up security codes" }).click();
  await expect(page).toHaveURL(/\/signin\/set-up$/);
  await expect(page.getByText("As well as your password, you can use a code from an app")).toBeVisible();
  const { secret } = await setUp(page, { accessible: true });
  await page.goto("/account");
  await expect(page.getByText("Security codes are on.")).toBeVisible();
  await expect(page.getByText("You have 10 recovery codes left.")).toBeVisible();
  await expectAccessible(page);
  await signOut(page);
  await passwordStep(page, FAMILY, /\/signin\/code$/);
  await submitCode(page, await totpCode(secret, 1));
  await expect(page).toHaveURL(/\/$/);

  // And turns them off again, with their password (a wrong one is refused, nothing changes).
  await page.goto("/account");
  const off = page.locator(".panel", { has: page.getByRole("heading", { name: "Turn security codes off" }) });
  await off.getByLabel("Your password").fill("not my password");
  await off.getByRole("button", { name: "Turn security codes off" }).click();
  await expect(off.locator(".error-message")).toBeVisible();
  await expect(off.getByLabel("Your password")).toHaveValue("");
  await off.getByLabel("Your password").fill(FAMILY.password);
  await off.getByRole("button", { name: "Turn security codes off" }).click();
  await expect(page.locator(".alert-info")).toHaveText("Security codes are off. You sign in with just your password.");
  await signOut(page);
  await signIn(page, FAMILY, "en");
});
