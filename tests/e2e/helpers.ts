import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { enterDemoCode, presentTrustedCookie } from "./second-factor-helpers.ts";

export const DEMO = {
  child: { username: "amira", password: "amira-demo-2026" },
  parent: { username: "sana", password: "sana-demo-2026" },
  excludedParent: { username: "imran", password: "imran-demo-2026" },
  carer: { username: "fosterdad", password: "fosterdad-demo-2026" },
  advocate: { username: "advocate", password: "advocate-demo-2026" },
  registeredAdvocate: { username: "lbrooks", password: "lbrooks-demo-2026" },
  caseworker: { username: "jpatel", password: "caseworker-demo-2026" },
  manager: { username: "mmanager", password: "manager-demo-2026" },
  admin: { username: "admin", password: "admin-demo-2026" },
  translator: { username: "fali", password: "farah-ali-demo-2026" },
} as const;

/**
 * Signs in. With `language`, then makes sure pages are in that language: people's remembered
 * language is shared by every test that signs in as them, so tests that read words set it.
 */
export async function signIn(page: Page, who: { username: string; password: string }, language?: "en" | "ur") {
  await page.goto("/signin");
  // Demo staff: this server's trusted-browser cookie skips the security code.
  await presentTrustedCookie(page, who.username);
  await page.getByLabel("Username").fill(who.username);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/(signin\/code)?$/);
  // No trust (say, the password changed since): the demo secret's code.
  if (page.url().endsWith("/signin/code")) await enterDemoCode(page);
  await expect(page).toHaveURL(/\/$/);
  if (language && (await page.locator("html").getAttribute("lang")) !== language) await chooseLanguage(page, language);
}

const openContexts = new Set<BrowserContext>();

/** A new phone-sized browser (375 px), signed in; English unless asked, JavaScript on unless asked. */
export async function asUser(browser: Browser, who: { username: string; password: string }, opts: { language?: "en" | "ur"; javaScript?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 }, javaScriptEnabled: opts.javaScript ?? true });
  openContexts.add(context);
  const page = await context.newPage();
  await signIn(page, who, opts.language ?? "en");
  return page;
}

/**
 * Closes the browsers asUser opened (a spec's `test.afterEach`): the browser outlives each test,
 * and pages left open keep running on a machine the servers share.
 */
export async function closeUserContexts() {
  await Promise.all([...openContexts].map((c) => c.close().catch(() => {})));
  openContexts.clear();
}

/** From the home page, opens the record of the child with this name. */
export async function openRecord(page: Page, childName: string) {
  await page.locator(".records-list").getByRole("link", { name: childName, exact: true }).click();
  await expect(page).toHaveURL(/\/records\/[0-9a-f-]{36}$/);
}

/** WCAG 2.2 AA as axe-core checks it; fails listing each rule broken and where. */
export async function expectAccessible(page: Page) {
  // After a client-side navigation the new title lands a moment after the new content: wait for it.
  await expect(page).toHaveTitle(/\S/);
  // Sizes and spacing (target-size) are measured on the final layout: Urdu's Nastaliq font swaps in late.
  if (await page.evaluate(() => typeof document.fonts !== "undefined")) await page.evaluate(async () => void (await document.fonts.ready));
  // Next.js swaps the head's title during a navigation, so a check can catch the moment between two
  // titles; a real violation stays put, so a second look a moment later only rides out that moment.
  for (let attempt = 1; ; attempt++) {
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    const violations = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    if (violations.length === 0 || attempt === 3) return expect(violations).toEqual([]);
    await page.waitForTimeout(1_000);
  }
}

/** Nothing sticks out sideways: the page fits the viewport's width. */
export async function expectNoHorizontalScroll(page: Page) {
  // Measure the page as it is shown, not half loaded: after a click that navigates (JavaScript
  // off), the new heading can be found before the stylesheet applies, and an unstyled page is wider
  // (CI once measured a select 64 px too wide that way). A fallback font shown while a web font
  // loads is wider too.
  await page.waitForLoadState("load");
  await page.evaluate(() => document.fonts.ready);
  const { overflow, culprits } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // On failure, name the innermost elements that stick out, so the report says what to fix.
    const wide = [...document.body.querySelectorAll("*")].filter((el) => el.getBoundingClientRect().right > width + 0.5);
    const innermost = wide.filter((el) => !wide.some((other) => other !== el && el.contains(other)));
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? "." + el.className.split(" ").join(".") : ""} (${Math.round(el.getBoundingClientRect().right - width)} px)`;
    return { overflow: document.documentElement.scrollWidth - width, culprits: innermost.slice(0, 5).map(describe) };
  });
  expect(overflow, `sticking out: ${culprits.join(", ")}`).toBeLessThanOrEqual(0);
}

/** Opens the header's menu (language, account, sign out), whatever language the page is in. */
export async function openMenu(page: Page) {
  const menu = page.locator("header details.header-menu");
  if (!(await menu.evaluate((d: HTMLDetailsElement) => d.open))) await menu.locator("summary").click();
  await expect(menu.locator(".header-menu-panel")).toBeVisible();
}

/** Picks a language from the header's menu, and waits for the page to be in it. */
export async function chooseLanguage(page: Page, locale: "en" | "ur") {
  await openMenu(page);
  await page.locator(`header form.language-picker button[value=${locale}]`).click();
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

/** On a record's first screen, opens "More" (the parts that are not among the big tiles). */
export async function openMoreChoices(page: Page) {
  const more = page.locator(".record-nav details.record-more");
  if (!(await more.evaluate((d: HTMLDetailsElement) => d.open))) await more.locator("summary").click();
  await expect(more.locator(".more-list")).toBeVisible();
}

/** The header's sign-out button, whatever language the page is in. */
export async function signOut(page: Page) {
  await openMenu(page);
  await page.locator("header form.sign-out button[type=submit]").click();
  // Wait for the sign-out to finish: leaving earlier would abandon it, still signed in.
  await expect(page).toHaveURL(/\/signin\?reason=signed-out$/);
}

/** A pattern matching a home page's heading in any of the app's languages. */
export function homeHeading(section: "family" | "advocate" | "caseworker" | "manager" | "admin"): RegExp {
  const variants = ["en", "ur"].map((locale) => {
    const home = JSON.parse(fs.readFileSync(`locales/${locale}/home.json`, "utf8"));
    return home[section].title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace("\\{\\{name\\}\\}", ".+");
  });
  return new RegExp(`^(${variants.join("|")})$`);
}
