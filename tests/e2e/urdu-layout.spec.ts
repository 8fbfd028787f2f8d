import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { DEMO, layoutProblems, openRecord, signIn } from "./helpers.ts";

// Urdu is read in Nastaliq, whose letters reach far above and below the line. These tests open
// the pages a family reads most, in Urdu on a 375 px phone, and measure what a person would see:
// the app's own Nastaliq font is in use, no line of Urdu text spills out of its heading, chip or
// box, and consecutive lines of a paragraph do not overlap. Screenshots are kept with the results.

test.use({ viewport: { width: 375, height: 812 } });

const ARABIC = /[\u0600-\u06ff]/;

async function nastaliqLoaded(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    const faces = [...document.fonts].filter((f) => f.family.replace(/["']/g, "") === "Noto Nastaliq Urdu");
    return faces.some((f) => f.status === "loaded") && document.fonts.check('17px "Noto Nastaliq Urdu"', "اردو");
  });
}

async function expectUrduReadable(page: Page, testInfo: TestInfo, name: string) {
  // An entry opens by a plain link: a new document, whose fonts are not even asked for until its
  // stylesheet applies (on a busy machine, well after its address shows).
  await page.waitForLoadState("load");
  await expect(page.locator("html")).toHaveAttribute("lang", "ur");
  expect(await nastaliqLoaded(page), "Noto Nastaliq Urdu is loaded").toBe(true);
  expect(await page.evaluate(() => getComputedStyle(document.querySelector("main p, main h1")!).fontFamily)).toMatch(/^"?Noto Nastaliq Urdu/);
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  expect(await layoutProblems(page, ARABIC)).toEqual([]);
}

for (const [role, who] of [["child", DEMO.child], ["parent", DEMO.parent]] as const) {
  test(`Urdu pages at 375 px have room for Nastaliq (${role})`, async ({ page }, testInfo) => {
    await signIn(page, who, "ur");
    await expectUrduReadable(page, testInfo, `${role}-home`);
    await openRecord(page, "Amira");
    await expectUrduReadable(page, testInfo, `${role}-record`);
    const recordUrl = page.url();
    // An entry translated into Urdu (its title in Arabic script): the newest entry is whichever
    // another test added last, often English only, whose page may use no regular-weight Urdu text.
    await page.locator(".entry-list a.entry-title", { hasText: ARABIC }).first().click();
    await expect(page).toHaveURL(/\/entries\//);
    await expectUrduReadable(page, testInfo, `${role}-entry`);
    await page.goto(`${recordUrl}/withheld`);
    await expectUrduReadable(page, testInfo, `${role}-withheld`);
    await page.goto(`${recordUrl}/things`);
    await expectUrduReadable(page, testInfo, `${role}-things`);
  });
}

test("an Urdu page keeps an English name and role the right way round, and says times in Urdu", async ({ page }) => {
  await signIn(page, DEMO.child, "ur");
  await openRecord(page, "Amira");
  await page.getByRole("link", { name: "اسکول کی تشویش کے بعد گھر کا دورہ" }).click();
  const author = page.locator("dd bdi.person", { hasText: "Jasmine Patel (Social worker)" });
  await expect(author).toHaveAttribute("dir", "ltr");
  await expect(author).toHaveText("Jasmine Patel (Social worker)");
  // Laid out left to right: the name starts left of the role.
  const order = await author.evaluate((el) => {
    const left = (node: Node) => {
      const r = document.createRange();
      r.selectNodeContents(node);
      return r.getBoundingClientRect().left;
    };
    return left(el.firstChild!) < left(el.lastChild!); // "Jasmine Patel" … ")"
  });
  expect(order).toBe(true);
  for (const time of await page.locator("main time").allTextContents()) expect(time).not.toMatch(/[A-Za-z]/);
});

test("Your things shows a drawing as a picture, with the file's kind and size in words", async ({ page }) => {
  await signIn(page, DEMO.child, "en");
  await openRecord(page, "Amira");
  await page.getByRole("link", { name: "Your things" }).click();
  const picture = page.getByRole("img", { name: "Amira's drawing: my new room" });
  await expect(picture).toBeVisible();
  // Loaded lazily: wait for the picture itself rather than read it the moment it is laid out.
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(page.locator("main")).toContainText("(picture, 102 bytes)");
  await page.getByRole("link", { name: "Amira's drawing: my new room" }).click();
  await expect(page.locator("main")).toContainText("(picture, 102 bytes)");
});

// English inside an Urdu page, and Urdu typed on an English page: each script in its own font,
// with its own word spaces and line height.
test("an untranslated entry on an Urdu page is marked English and drawn in a Latin font", async ({ page }, testInfo) => {
  await signIn(page, DEMO.child, "ur");
  await openRecord(page, "Amira");
  // A demo entry no browser test translates, and no test's own entry (those come first in the list).
  const untranslated = page.locator('.entry-list a.entry-title span[lang="en"][dir="auto"]').filter({ hasText: /^Home visit$/ });
  await expect(untranslated).toBeVisible();
  await untranslated.click();
  await expect(page).toHaveURL(/\/entries\//);
  const body = page.locator(".section p:not(.hint)").first(); // the words, not "told by"
  await expect(body).toHaveAttribute("lang", "en");
  await expect(body).toHaveAttribute("dir", "auto");
  const style = await body.evaluate((el) => {
    const s = getComputedStyle(el);
    return { font: s.fontFamily, lineHeight: parseFloat(s.lineHeight) / parseFloat(s.fontSize), direction: s.direction };
  });
  expect(style.font).not.toMatch(/^"?Noto Nastaliq Urdu/);
  expect(style.lineHeight).toBeLessThan(2);
  expect(style.direction).toBe("ltr");
  await page.screenshot({ path: testInfo.outputPath("urdu-page-english-entry.png"), fullPage: true });
});

test("Urdu typed on an English page reads right to left in Nastaliq", async ({ page }, testInfo) => {
  await signIn(page, DEMO.child, "en");
  await openRecord(page, "Amira");
  await page.goto(`${page.url()}/contributions/new`);
  const box = page.locator("textarea").first();
  await expect(box).toHaveAttribute("dir", "auto");
  await box.fill("میں اپنے اسکول کے بارے میں بتانا چاہتی ہوں۔");
  const style = await box.evaluate(async (el) => {
    await document.fonts.load('17px "Noto Nastaliq Urdu"', "اردو");
    const s = getComputedStyle(el);
    return { font: s.fontFamily, direction: el.matches(":dir(rtl)"), loaded: document.fonts.check('17px "Noto Nastaliq Urdu"', "اردو"), lineHeight: parseFloat(s.lineHeight) / parseFloat(s.fontSize) };
  });
  expect(style.font).toMatch(/^"?Noto Nastaliq Urdu/);
  expect(style.loaded).toBe(true);
  expect(style.direction).toBe(true);
  expect(style.lineHeight).toBeGreaterThanOrEqual(2.5);
  await box.screenshot({ path: testInfo.outputPath("english-page-urdu-typed.png") });
  // English typed into the same kind of box keeps the Latin letters and left-to-right order.
  await box.fill("I want to talk about school.");
  expect(await box.evaluate((el) => el.matches(":dir(ltr)"))).toBe(true);
});
