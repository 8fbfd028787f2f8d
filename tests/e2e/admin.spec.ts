import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { makeExtract } from "../helpers/import-extract.ts";
import { asUser, closeUserContexts, DEMO, expectAccessible, expectNoHorizontalScroll, openRecord, signIn } from "./helpers.ts";

// The administrator's workspace in the browser. Each test makes its own accounts (the demo ones
// are shared with other tests and stay as they are).
test.afterEach(closeUserContexts);

const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}`;
const PASSWORD = "juniper meadow lantern";
const NOT_FOUND = "We can't find that page";
// Names and references sit in translated sentences as bidi isolates (lib/i18n/format isolate).
const iso = (text: string) => `\u2068${text}\u2069`;
const OLIVER = `${iso("Oliver Nowak")} (${iso("C-1003")})`;

/** Admin: Create an account → parent → the child's record → the person → username; returns the code. */
async function createParent(page: Page, opts: { child: string; person: string; username: string; axe: boolean }) {
  await page.goto("/");
  await page.getByRole("link", { name: "Accounts", exact: true }).first().click();
  await page.getByRole("link", { name: "Create an account" }).click();
  if (opts.axe) await expectAccessible(page);
  await page.getByLabel("Parent", { exact: true }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("Which child's record?").selectOption({ label: opts.child });
  if (opts.axe) await expectAccessible(page);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel(opts.person).check();
  await page.getByLabel("Username").fill(opts.username);
  if (opts.axe) {
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
  }
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Account created" })).toBeVisible();
  if (opts.axe) await expectAccessible(page);
  return (await page.getByTestId("setup-code").textContent())!.trim();
}

for (const javaScript of [true, false]) {
  test(`an admin creates a parent account with a set-up code; the parent chooses a password and sees the record (JavaScript ${javaScript ? "on" : "off"})`, async ({ browser }) => {
    const admin = await asUser(browser, DEMO.admin, { javaScript });
    const username = unique(javaScript ? "tomasz" : "katarzyna");
    const person = javaScript ? "Tomasz Nowak (Father)" : "Katarzyna Nowak (Mother)";
    const code = await createParent(admin, { child: OLIVER, person, username, axe: javaScript });
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    // The account page no longer shows the code, only that one is waiting.
    await admin.getByRole("link", { name: "Go to the account" }).click();
    await expect(admin.getByRole("heading", { level: 1 })).toHaveText(username);
    await expect(admin.locator("main")).not.toContainText(code);
    await expect(admin.locator("main")).toContainText("has not been used yet");
    if (javaScript) await expectAccessible(admin);

    const context = await browser.newContext({ viewport: { width: 375, height: 800 }, javaScriptEnabled: javaScript });
    const parent = await context.newPage();
    await parent.goto("/setup");
    if (javaScript) await expectAccessible(parent);
    const fill = async (typed: string) => {
      await parent.locator("#username").fill(username);
      await parent.locator("#code").fill(typed);
      await parent.locator("#newPassword").fill(PASSWORD);
      await parent.locator("#confirmPassword").fill(PASSWORD);
      await parent.getByRole("button", { name: "Set my password" }).click();
    };
    await fill("ZZZZ-ZZZZ-ZZZZ");
    await expect(parent.locator("main [role=alert]")).toContainText("do not match");
    await fill(code.toLowerCase());
    await expect(parent.getByRole("heading", { name: "Your password is set" })).toBeVisible();
    if (javaScript) await expectAccessible(parent);
    await signIn(parent, { username, password: PASSWORD }, "en");
    await openRecord(parent, "Ollie");
    await context.close();
  });

  test(`an admin uploads an import with problems (listed by JSON path, nothing written), then a good one (JavaScript ${javaScript ? "on" : "off"})`, async ({ browser }) => {
    const admin = await asUser(browser, DEMO.admin, { javaScript });
    const tag = unique("e2e");
    const good = makeExtract({ children: 1, perChild: 2, tag });
    const bad = structuredClone(good) as unknown as { children: { entries: Record<string, unknown>[] }[] };
    bad.children[0]!.entries[1]!.title = 7;
    const upload = async (doc: unknown) => {
      await admin.getByLabel("Import file").setInputFiles({ name: `${tag}.json`, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(doc)) });
      await admin.getByRole("button", { name: "Check and import" }).click();
    };
    await admin.goto("/");
    await admin.getByRole("link", { name: "Imports", exact: true }).first().click();
    if (javaScript) await expectAccessible(admin);
    await upload(bad);
    await expect(admin.locator(".import-problems")).toContainText("children[0].entries[1].title");
    await expect(admin.locator("#import-problems")).toContainText("Nothing was imported");
    if (javaScript) await expectAccessible(admin);
    await upload(good);
    await expect(admin.getByRole("heading", { name: "Import finished" })).toBeVisible();
    await expect(admin.getByRole("row", { name: /Entries/ })).toContainText("2");
    if (javaScript) {
      await expectAccessible(admin);
      await expectNoHorizontalScroll(admin);
    }
    await admin.getByRole("link", { name: "Back to imports" }).click();
    await expect(admin.getByRole("list", { name: "Earlier imports" })).toContainText(`${tag}.json`);
  });
}

// The browser tests run without clamd: on the embedded database because it is the demo, on
// PostgreSQL because scripts/e2e-server.ts sets CLAMAV_URL=off. The admin is told either way.
test("the admin's home says files sent are not checked for viruses", async ({ browser }, testInfo) => {
  const admin = await asUser(browser, DEMO.admin);
  await admin.goto("/");
  const why = testInfo.project.name === "postgres" ? "because CLAMAV_URL is set to off" : "the demo on the built-in database";
  await expect(admin.locator("main [role=alert]")).toContainText(why);
  await expect(admin.locator("main [role=alert]")).toContainText("not checked for viruses");
});

test("the admin's pages in Urdu, at 375 px", async ({ browser }) => {
  const admin = await asUser(browser, DEMO.admin, { language: "ur" });
  for (const path of ["/", "/admin/accounts", "/admin/accounts/new", "/admin/accounts/new?role=carer", "/admin/allocations", "/admin/advocates", "/admin/imports", "/setup"]) {
    await admin.goto(path);
    await expectAccessible(admin);
    await expectNoHorizontalScroll(admin);
  }
});

test("a manager sees their team's allocations; an admin sees every child's", async ({ browser }) => {
  const manager = await asUser(browser, DEMO.manager);
  await manager.getByRole("link", { name: "Allocate your team's caseworkers" }).click();
  await expect(manager.getByRole("heading", { level: 1 })).toHaveText("Your team's allocations");
  await expect(manager.locator("main")).toContainText("Jasmine Patel");
  await expectAccessible(manager);
  const admin = await asUser(browser, DEMO.admin);
  await admin.goto("/admin/allocations");
  await expect(admin.locator("main")).toContainText(OLIVER);
  await expectAccessible(admin);
});

const ADMIN_PAGES = ["/admin/accounts", "/admin/accounts/new?role=parent", "/admin/allocations", "/admin/advocates", "/admin/imports"];

for (const who of ["child", "parent", "caseworker", "manager", "advocate"] as const) {
  test(`the admin's pages are not found for a ${who}`, async ({ browser }) => {
    const page = await asUser(browser, DEMO[who]);
    const accountPage = "/admin/accounts/00000000-0000-4000-8000-000000000000";
    for (const path of [...ADMIN_PAGES, accountPage, ...(who === "manager" ? [] : ["/team/allocations"])]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 }), path).toHaveText(NOT_FOUND);
    }
  });
}

for (const javaScript of [true, false]) {
  test(`an account is found by part of its username without the words going in the address (JavaScript ${javaScript ? "on" : "off"})`, async ({ browser }) => {
    const admin = await asUser(browser, DEMO.admin, { javaScript });
    await admin.goto("/admin/accounts");
    await admin.getByRole("button", { name: "Find" }).first().click();
    await expect(admin.locator("#search-username-error")).toHaveText("Type part of a username (up to 100 characters)");
    await admin.getByLabel("Username contains").fill("SAN");
    await admin.getByRole("button", { name: "Find" }).first().click();
    const found = admin.locator("section", { has: admin.getByRole("heading", { name: "Find an account" }) });
    await expect(found.getByRole("status")).toContainText("1 account found");
    await expect(found.getByRole("link", { name: "sana" })).toBeVisible();
    expect(admin.url()).not.toMatch(/san/i);
    await expect(admin.getByLabel("Username contains")).toHaveValue("SAN");
    if (javaScript) await expectAccessible(admin);
    await found.getByRole("link", { name: "sana" }).click();
    await expect(admin.getByRole("heading", { level: 1 })).toContainText("sana");
  });
}
