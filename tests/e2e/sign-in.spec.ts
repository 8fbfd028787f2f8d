import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, homeHeading, signIn, signOut } from "./helpers.ts";
import { presentTrustedCookie } from "./second-factor-helpers.ts";

// What each demo account finds on its home page after signing in. Other tests change some
// people's remembered language, so the heading may be in English or Urdu.
const homes = [
  { role: "child", who: DEMO.child, heading: homeHeading("family"), records: 1 },
  { role: "parent", who: DEMO.parent, heading: homeHeading("family"), records: 1 },
  { role: "parent excluded from some entries", who: DEMO.excludedParent, heading: homeHeading("family"), records: 1 },
  { role: "carer", who: DEMO.carer, heading: homeHeading("family"), records: 1 },
  { role: "advocate", who: DEMO.advocate, heading: homeHeading("advocate"), records: 1 },
  { role: "caseworker", who: DEMO.caseworker, heading: homeHeading("caseworker"), records: 3 },
  { role: "manager", who: DEMO.manager, heading: homeHeading("manager"), records: 3 },
  { role: "admin", who: DEMO.admin, heading: homeHeading("admin"), records: 0 },
];

for (const home of homes) {
  test(`${home.role} signs in, sees their home, and signs out`, async ({ page }) => {
    await signIn(page, home.who);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(home.heading);
    await expect(page.locator(".records-list > li")).toHaveCount(home.records);
    await expectAccessible(page);

    await signOut(page);
    await expect(page).toHaveURL(/\/signin\?reason=signed-out$/);
    await expect(page.locator(".alert-info")).toBeVisible();
    await page.goto("/");
    await expect(page).toHaveURL(/\/signin$/);
  });
}

test("the sign-in page is accessible and says nothing about which part was wrong", async ({ page }) => {
  await page.goto("/signin");
  await expectAccessible(page);
  for (const username of [DEMO.child.username, "nobody-by-this-name"]) {
    await page.getByLabel("Username").fill(username);
    await page.getByLabel("Password").fill("not the password at all");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator(".alert-error")).toHaveText("The username or password is not right. Check them and try again.");
    await expect(page).toHaveURL(/\/signin$/);
  }
  await expectAccessible(page);
});

test("empty fields are named in the form, in the browser, before anything is sent", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your username")).toBeVisible();
  await expect(page.getByText("Enter your password")).toBeVisible();
  await expect(page.getByLabel("Username")).toHaveAttribute("aria-invalid", "true");
});

test("pages are never cached and carry the security headers", async ({ page }) => {
  const response = await page.goto("/signin");
  const headers = response!.headers();
  expect(headers["cache-control"]).toContain("no-store");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("same-origin");
});

test("a copied session cookie stops working the moment its owner signs out", async ({ browser }) => {
  const owner = await browser.newContext();
  const ownerPage = await owner.newPage();
  await signIn(ownerPage, DEMO.caseworker);

  const thief = await browser.newContext();
  await thief.addCookies(await owner.cookies());
  const thiefPage = await thief.newPage();
  await thiefPage.goto("/");
  await expect(thiefPage.getByRole("heading", { level: 1 })).toHaveText(/^Your work, /);

  await signOut(ownerPage);
  await expect(ownerPage).toHaveURL(/reason=signed-out/);

  await thiefPage.goto("/");
  await expect(thiefPage).toHaveURL(/\/signin$/);
  await owner.close();
  await thief.close();
});

test("the not-found page is in the app's style and accessible, signed in or not", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response!.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We can't find that page");
  await expectAccessible(page);
  await signIn(page, DEMO.caseworker);
  await page.goto("/no-such-page");
  await expect(page.getByRole("link", { name: "Go to your home page" })).toBeVisible();
  await expectAccessible(page);
});

test("what is typed before the page's JavaScript arrives is kept (a slow phone)", async ({ page }) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/**", async (route) => {
    await held;
    await route.continue();
  });
  // The page's scripts are held back, so loading cannot finish until they are released.
  const loading = page.goto("/signin", { waitUntil: "commit" });
  await page.getByLabel("Username").fill(DEMO.manager.username);
  await page.getByLabel("Password").fill(DEMO.manager.password);
  await presentTrustedCookie(page, DEMO.manager.username); // no security code on this browser
  release();
  await loading;
  await page.waitForLoadState("networkidle");
  await expect(page.getByLabel("Username")).toHaveValue(DEMO.manager.username);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/$/);
});
