import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { LOCALES, textDirection, type Locale } from "../../lib/i18n/config.ts";
import { DEMO, expectAccessible, expectNoHorizontalScroll, layoutProblems, openMenu, openRecord, readIn, signIn } from "./helpers.ts";

// Every language the portal offers, on the pages a family reads, on a 320 px phone: the page says
// its language and direction, passes axe (WCAG 2.2 AA), needs no sideways scrolling, and text in a
// script with tall letters has room for them. One pass per language, the child's pages then a
// parent's (English and Urdu have their own specs too: languages, urdu-layout, phone-first).
// Each browser reads in the language by cookie: the menu would change the language the person is
// remembered by, which other tests, signing in as the same people, would then meet.

const PHONE = { width: 320, height: 640 };
// The letters of the scripts whose pages are checked for room (Arabic script, Gujarati).
const SCRIPT: Partial<Record<Locale, RegExp>> = { ur: /[\u0600-\u06ff]/, ar: /[\u0600-\u06ff]/, gu: /[\u0a80-\u0aff]/ };
// The face each language's text is drawn in, served by the app (app/fonts.css); Latin is the phone's.
const FACE: Partial<Record<Locale, { family: string; sample: string }>> = {
  ur: { family: "Noto Nastaliq Urdu", sample: "اردو" },
  ar: { family: "Noto Naskh Arabic", sample: "العربية" },
  gu: { family: "Noto Sans Gujarati", sample: "ગુજરાતી" },
};
// Plurals said the language's own way on a page: the password hint's 10 characters (a family's
// shortest password), and the case summary written 2 days after its meeting.
const PLURALS: Partial<Record<Locale, { account: string; entry: string }>> = {
  pl: { account: "Co najmniej 10 znaków.", entry: "zapisany 2 dni później" }, // Polish "many", "few"
  ar: { account: "10 أحرف على الأقل.", entry: "كُتبت بعد يومين" }, // Arabic "few", "two" (a word of its own)
  ro: { account: "Cel puțin 10 caractere.", entry: "scrisă după 2 zile" }, // Romanian "few"
};

const contexts: BrowserContext[] = [];
test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close().catch(() => {})));
});

async function phone(browser: Browser, javaScript = true): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: javaScript });
  contexts.push(context);
  return context.newPage();
}

/** The page is in this language and direction, fits the phone, passes axe, and its script has room. */
async function expectReadable(page: Page, locale: Locale) {
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  await expect(page.locator("html")).toHaveAttribute("dir", textDirection(locale));
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
  const script = SCRIPT[locale];
  if (script) expect(await layoutProblems(page, script), page.url()).toEqual([]);
}

/** The language's own face is loaded and draws the page's words (for a script the app serves a face for). */
async function expectOwnFace(page: Page, locale: Locale) {
  const face = FACE[locale];
  if (!face) return;
  const used = await page.evaluate(async ({ family, sample }) => {
    await document.fonts.load(`17px "${family}"`, sample);
    return { loaded: document.fonts.check(`17px "${family}"`, sample), stack: getComputedStyle(document.querySelector("main h1")!).fontFamily };
  }, face);
  expect(used.loaded, `${face.family} is loaded`).toBe(true);
  expect(used.stack).toMatch(new RegExp(`^"?${face.family}`));
}

/** What is typed in a text box is drawn in the page's own face first (Naskh, not Urdu's Nastaliq, on an Arabic page). */
async function expectFieldFace(page: Page, locale: Locale) {
  const face = FACE[locale];
  if (face) expect(await page.locator("main textarea").first().evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(new RegExp(`^"?${face.family}`));
}

/**
 * An English entry on a page in another script (Urdu's care, for Arabic and Gujarati too): its
 * title marked English, in a Latin font, left to right; the author's English name and role in
 * their own order; the times' part of the day in the page's own words, never a Latin AM or PM.
 */
async function expectEnglishEntryInPlace(page: Page, locale: Locale) {
  const face = FACE[locale];
  if (!face) return;
  const title = page.locator("main h1");
  await expect(title).toHaveAttribute("lang", "en");
  const style = await title.evaluate((el) => ({ font: getComputedStyle(el).fontFamily, ltr: el.matches(":dir(ltr)") }));
  expect(style.font).not.toMatch(new RegExp(`^"?${face.family}`));
  expect(style.ltr).toBe(true);
  const author = page.locator("main dd bdi.person").first();
  await expect(author).toHaveAttribute("dir", "ltr");
  // Laid out left to right: the name starts left of the role's closing bracket.
  expect(await author.evaluate((el) => {
    const left = (node: Node) => {
      const r = document.createRange();
      r.selectNodeContents(node);
      return r.getBoundingClientRect().left;
    };
    return left(el.firstChild!) < left(el.lastChild!);
  })).toBe(true);
  for (const time of await page.locator("main time").allTextContents()) expect(time).not.toMatch(/[A-Za-z]/);
}

/** The language menu, JavaScript off: every language named in itself, marked with its language and direction; one press changes the page. */
async function expectMenuWithoutJavaScript(browser: Browser, locale: Locale) {
  const page = await phone(browser, false);
  await page.goto("/signin");
  await page.locator("header details.header-menu > summary").click();
  const names = page.locator("header form.language-picker button span[lang]");
  await expect(names).toHaveCount(LOCALES.length);
  for (const l of LOCALES) await expect(page.locator(`header form.language-picker button[value=${l}] span[lang=${l}]`)).toHaveAttribute("dir", textDirection(l));
  await expectNoHorizontalScroll(page);
  await page.locator(`header form.language-picker button[value=${locale}]`).click();
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  await expect(page.locator("html")).toHaveAttribute("dir", textDirection(locale));
}

/** Signs in (in English, which the sign-in helper reads), then reads in the language. */
async function signInReading(browser: Browser, who: { username: string; password: string }, locale: Locale): Promise<Page> {
  const page = await phone(browser);
  await signIn(page, who, "en");
  await readIn(page, locale);
  return page;
}

/**
 * The family pages, from home through the record, each checked. The child's pass also opens the
 * menu and the pages that are the same for everyone in the family (a new view, the glossary, the
 * account): a parent's pass reads only what a parent is shown differently, to keep it quick.
 */
async function readFamilyPages(page: Page, locale: Locale, as: "child" | "parent") {
  await expectReadable(page, locale); // home
  await expectOwnFace(page, locale);
  if (as === "child") {
    await openMenu(page); // the menu open on a 320 px phone: six languages and the account
    await expectReadable(page, locale);
    await page.keyboard.press("Escape");
  }

  await openRecord(page, "Amira");
  const record = new URL(page.url()).pathname;
  await expectReadable(page, locale);
  await page.locator(".summary-link a").click(); // the latest case summary, written 2 days after
  await expect(page).toHaveURL(/\/entries\//);
  await expectReadable(page, locale);
  const plurals = PLURALS[locale];
  if (plurals) await expect(page.locator("main .late")).toContainText(plurals.entry);
  await expectEnglishEntryInPlace(page, locale);
  await page.goto(await page.locator('main a[href*="/corrections/new"]').first().getAttribute("href").then((h) => h!));
  await expectReadable(page, locale);
  await expectFieldFace(page, locale);
  for (const part of ["things", "contributions", "consent", "shared", "access-log", ...(as === "child" ? ["contributions/new"] : [])]) {
    await page.goto(`${record}/${part}`);
    await expectReadable(page, locale);
  }
  if (as === "parent") return;
  await page.goto("/glossary");
  await expectReadable(page, locale);
  await page.goto("/account");
  await expectReadable(page, locale);
  if (plurals) await expect(page.locator("main")).toContainText(plurals.account);
}

for (const locale of LOCALES.filter((l) => l !== "en" && l !== "ur")) {
  test(`in ${locale}, a child's and a parent's pages on a 320 px phone say their language, pass axe and fit`, async ({ browser }) => {
    await expectMenuWithoutJavaScript(browser, locale);
    const signedOut = await phone(browser);
    await signedOut.goto("/signin");
    await readIn(signedOut, locale);
    await expectReadable(signedOut, locale);

    await readFamilyPages(await signInReading(browser, DEMO.child, locale), locale, "child");
    await readFamilyPages(await signInReading(browser, DEMO.parent, locale), locale, "parent");
  });
}
