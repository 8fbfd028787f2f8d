import { expect, test, type Page } from "@playwright/test";
import { DEMO, expectAccessible, openMoreChoices, openRecord, signIn } from "./helpers.ts";

// Words follow who is reading (the child, a parent or carer, staff); review dates that have
// passed say so; entry parts are labelled in plain sentences; "who has looked" is grouped.

const sectionHeadings = (page: Page) => page.locator(".section-label");

test("the child reads 'my things' and 'you'", async ({ page }) => {
  await signIn(page, DEMO.child, "en");
  await openRecord(page, "Amira");
  await expect(page.locator("main")).toContainText("written by the workers who know you");
  await page.getByRole("link", { name: "Your things" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your things");
  await expect(page.locator("main")).toContainText("letters that belong to you");
});

test("a parent reads about the child by name, never 'my things' or 'this belongs to you'", async ({ page }) => {
  await signIn(page, DEMO.parent, "en");
  await openRecord(page, "Amira");
  const main = page.locator("main");
  await expect(main).toContainText("written by the workers who know Amira");
  await expect(main).not.toContainText("who know you");
  await expect(page.getByRole("link", { name: "Your things" })).toHaveCount(0);
  await page.getByRole("link", { name: "Amira's things" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Amira's things");
  await expect(main).toContainText("letters that belong to Amira");
  await main.locator(".card-title").first().click();
  await expect(main).toContainText("This belongs to Amira.");
  await expect(main).not.toContainText("belongs to you");
  await expectAccessible(page);
});

test("staff read neutral words about 'the child'", async ({ page }) => {
  await signIn(page, DEMO.caseworker, "en");
  await openRecord(page, "Amira");
  const main = page.locator("main");
  await expect(main).toContainText("The entries of the case record, newest first.");
  await expect(main).not.toContainText("know you");
  await page.getByRole("link", { name: "The child's things" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Things that belong to the child");
  await main.locator(".card-title").first().click();
  await expect(main).toContainText("This belongs to the child.");
});

test("review dates that have passed are said once, calmly, not as promises nor as late", async ({ page }) => {
  await signIn(page, DEMO.child, "en");
  await openRecord(page, "Amira");
  await openMoreChoices(page);
  await page.getByRole("link", { name: "Why can't I see some things?" }).click();
  const main = page.locator("main");
  // The demo record's reviews were due in 2026 (13 May, 31 January, 15 July), all before today.
  await expect(main.getByText("A manager is looking at some of these again now.")).toHaveCount(1);
  await expect(main).not.toContainText("We will look at this again by");
  await expect(main).not.toContainText("13 May 2026");
  await expect(main.locator("p.late")).toHaveCount(0);
});

test("entry parts are labelled in plain sentences, the source on its own line", async ({ page }) => {
  await signIn(page, DEMO.caseworker, "en");
  await openRecord(page, "Amira");
  await page.getByRole("link", { name: "Information from a neighbour" }).click();
  await expect(sectionHeadings(page)).toHaveText(["What someone else told us", "What was decided"]);
  await expect(page.locator("main")).toContainText("Told by: \u2068A neighbour (name withheld at their request)\u2069");
  await expect(page.locator("main")).not.toContainText("What A neighbour");
  await page.goBack();
  await page.getByRole("link", { name: "Letter to Amira: what happens next" }).click();
  await expect(sectionHeadings(page)).toHaveText(["What the letter says", "What the person who wrote this has worked out", "What was decided"]);
  await expectAccessible(page);
});

test("who has looked: one line per person and day with a count; staff open it; this view is not counted", async ({ page }) => {
  // The manager on Kayden's record: no other browser test looks at it as them, so counts are steady.
  await signIn(page, DEMO.manager, "en");
  await openRecord(page, "Kayden");
  await page.getByRole("link", { name: "Who has looked" }).click();
  const own = page.locator(".access-log details").filter({ hasText: /^You looked/ }).first();
  const count = async () => {
    const text = (await own.locator("summary").textContent()) ?? "";
    return text.includes("once") ? 1 : Number(/looked (\d+) times/.exec(text)?.[1]);
  };
  const first = await count();
  expect(first).toBeGreaterThan(0);
  await page.reload();
  // The view of the page before is now counted; the view of this one is not.
  expect(await count()).toBe(first + 1);
  // Opening the line shows each view, newest first: the last one is that earlier view of this page.
  await own.locator("summary").click();
  await expect(own.locator("li").first()).toContainText("This page");
  // Family are shown by role only, never by name.
  await expect(page.locator(".access-log")).not.toContainText("David Okafor");
  await expectAccessible(page);
});
