import fs from "node:fs";
import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { chooseLanguage, DEMO, expectAccessible, expectNoHorizontalScroll, openMoreChoices, openRecord, signIn } from "./helpers.ts";

// A phone-first record (issue 16): on a 375 x 667 phone the record's first screen shows whose record
// it is, what is new in it and its parts as large tiles; the header is one line; everything pressed
// is at least 44 x 44 px; Urdu mirrors. Screenshots go to /tmp/phone/ to be looked at.

const PHONE = { width: 375, height: 667 };
const SHOTS = "/tmp/phone";

async function newPage(browser: Browser, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  return context.newPage();
}

async function shoot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.mouse.move(2, page.viewportSize()!.height - 2); // in the margin: no tile drawn as hovered
  await page.evaluate(async () => void (await document.fonts.ready));
  await page.screenshot({ path: `${SHOTS}/${name}-${test.info().project.name}.png` });
}

/** Each control matching `selector` is at least 44 x 44 px; returns how many there are. */
async function expectBigEnough(page: Page, selector: string): Promise<number> {
  const boxes = await page.locator(selector).evaluateAll((els) => els.map((e) => ({ text: e.textContent?.trim(), width: e.getBoundingClientRect().width, height: e.getBoundingClientRect().height })));
  expect(boxes.filter((b) => b.width < 44 || b.height < 44)).toEqual([]);
  return boxes.length;
}

/** The record's first screen on a phone: the header in one line, the name and the first tile in sight. */
async function expectFirstScreen(page: Page, shot: string) {
  await shoot(page, shot);
  const screen = page.viewportSize()!;
  const header = (await page.locator("header.site-header").boundingBox())!;
  expect(header.height).toBeLessThan(80);
  const h1 = (await page.getByRole("heading", { level: 1 }).boundingBox())!;
  expect(h1.y + h1.height).toBeLessThanOrEqual(screen.height);
  const tile = (await page.locator(".tiles .tile").first().boundingBox())!;
  expect(tile.y + tile.height).toBeLessThanOrEqual(screen.height);
  expect(await expectBigEnough(page, ".tiles .tile, .record-more > summary")).toBeGreaterThanOrEqual(5);
  expect(await expectBigEnough(page, "header .brand, header .quick-exit, header .header-news, header summary")).toBe(4);
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
}

/** Right to left: a tile's icon at its right, before its words; the site's name at the right of the header. */
async function expectMirrored(page: Page) {
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  const tile = page.locator(".tiles .tile").first();
  const [icon, words] = await Promise.all([tile.locator("svg").first().boundingBox(), tile.locator("span").first().boundingBox()]);
  expect(icon!.x).toBeGreaterThan(words!.x + words!.width - 1);
  const [brand, menu] = await Promise.all([page.locator("header .brand").boundingBox(), page.locator("header summary").boundingBox()]);
  expect(brand!.x).toBeGreaterThan(menu!.x);
}

test("a child's record on a phone: what's new, the tiles and a one-line header, in English and Urdu; staff at a desk", async ({ browser }) => {
  const words = `I would like to visit my nan ${randomBytes(3).toString("hex")}`;
  const child = await newPage(browser, PHONE);
  await child.goto("/signin");
  await shoot(child, "signin");
  await signIn(child, DEMO.child, "en");
  await shoot(child, "home-child-en");
  await expectNoHorizontalScroll(child);
  await openRecord(child, "Amira");
  await child.getByRole("link", { name: "Add your views" }).first().click();
  await child.getByLabel("My wishes").check();
  await child.getByLabel("Write it here").fill(words);
  await child.getByRole("button", { name: "Send", exact: true }).click();
  await expect(child.getByRole("heading", { name: "Sent" })).toBeVisible();

  // The caseworker answers at an office PC, where the record's page still reads well.
  const worker = await newPage(browser, { width: 1280, height: 800 });
  await signIn(worker, DEMO.caseworker, "en");
  await worker.getByRole("link", { name: words }).click();
  await worker.getByLabel("Your reply (the sender reads it)").fill("Thank you. We can talk about visits on Friday.");
  await worker.getByRole("button", { name: "Send reply" }).click();
  await expect(worker.getByText("Your reply has been sent.")).toBeVisible();
  await worker.goto("/");
  await openRecord(worker, "Amira");
  await expect(worker.locator(".quick-exit")).toHaveCount(0);
  await expect(worker.locator(".tiles .tile")).toHaveCount(8); // staff get every part as a tile, no "More"
  const firstEntry = (await worker.locator(".entry-card").first().boundingBox())!;
  expect(firstEntry.y + firstEntry.height).toBeLessThanOrEqual(800);
  expect((await worker.locator("header.site-header").boundingBox())!.height).toBeLessThan(80);
  await shoot(worker, "caseworker-desktop");
  await expectAccessible(worker);
  await worker.context().close();

  await child.goto("/");
  await openRecord(child, "Amira");
  await expect(child.getByRole("heading", { level: 1 })).toHaveText("Your record, Amira");
  const news = child.locator(".record-news");
  await expect(news.getByRole("link", { name: /Your worker replied to your message/ }).first()).toBeInViewport();
  await expect(child.locator("header .header-news")).toContainText(/What's new/);
  await expect(child.locator(".tiles")).toContainText("Your things");
  await expectFirstScreen(child, "record-child-en");

  // The menu by keyboard: Enter opens it, Escape closes it and goes back to its button.
  const menu = child.locator("header details.header-menu");
  await menu.locator("summary").focus();
  await child.keyboard.press("Enter");
  await expect(menu.getByRole("button", { name: "Sign out" })).toBeVisible();
  await shoot(child, "menu-child-en");
  await child.keyboard.press("Escape");
  await expect(menu.getByRole("button", { name: "Sign out" })).toBeHidden();
  await expect(menu.locator("summary")).toBeFocused();

  await openMoreChoices(child);
  await expect(child.locator(".more-list")).toContainText("Who has looked");
  await shoot(child, "more-child-en");

  await chooseLanguage(child, "ur");
  await expect(child.getByRole("heading", { level: 1 })).toHaveText("Amira، آپ کا ریکارڈ");
  await expectMirrored(child);
  await expectFirstScreen(child, "record-child-ur");
  await chooseLanguage(child, "en"); // Amira's remembered language, as the other tests expect it
  await child.context().close();
});

test("a parent's record on a phone reads the child's name, in English and Urdu, down to 320 px", async ({ browser }) => {
  const parent = await newPage(browser, PHONE);
  await signIn(parent, DEMO.parent, "en");
  await openRecord(parent, "Amira");
  await expect(parent.getByRole("heading", { level: 1 })).toHaveText("Amira's record");
  const tiles = parent.locator(".tiles");
  await expect(tiles.getByRole("link", { name: "Amira's things" })).toBeVisible();
  await expect(tiles.getByRole("link", { name: "Who can see Amira's information" })).toBeVisible();
  await expect(tiles).not.toContainText(/your things|advocate/i);
  await openMoreChoices(parent);
  await expect(parent.locator(".more-list")).not.toContainText("Who has looked");
  await parent.reload(); // "More" closed again for the picture
  await expectFirstScreen(parent, "record-parent-en");

  // Another part of the record has one way back, in the same words.
  await tiles.getByRole("link", { name: "Amira's things" }).click();
  await expect(parent.getByRole("heading", { level: 1 })).toHaveText("Amira's things");
  await shoot(parent, "things-parent-en");
  await parent.locator(".back-link").getByRole("link", { name: "Amira's record" }).click();
  await expect(parent.getByRole("heading", { level: 1 })).toHaveText("Amira's record");

  await chooseLanguage(parent, "ur");
  await expect(parent.getByRole("heading", { level: 1 })).toHaveText("Amira کا ریکارڈ");
  await expectMirrored(parent);
  await expectFirstScreen(parent, "record-parent-ur");

  await parent.setViewportSize({ width: 320, height: 568 });
  await expectFirstScreen(parent, "record-parent-ur-320");
  await chooseLanguage(parent, "en");
  await expectFirstScreen(parent, "record-parent-en-320");
  await parent.context().close();
});
