import { expect, test, type Page } from "@playwright/test";
import { asUser, closeUserContexts, DEMO, expectAccessible, expectNoHorizontalScroll, openRecord } from "./helpers.ts";

test.afterEach(closeUserContexts);

// "Your advocate": Amira chooses Leah Brooks from the council's register, Leah can open the record,
// Amira ends it and Leah's very next request is refused. Then, with JavaScript off, the caseworker
// appoints Leah and ends it again, and Amira sees who chose. Sana (her mother) has no say.

const LEAH = "Leah Brooks, Young People's Rights Service";

// Both journeys choose Leah for Amira: one after the other, or the second finds her already chosen.
test.describe.configure({ mode: "serial" });

async function openAdvocate(page: Page) {
  await openRecord(page, "Amira");
  await page.locator(".record-nav").getByRole("link", { name: /Your advocate|^Advocate$/ }).click();
}

test("the child chooses an advocate and ends their access, which bites on the advocate's next request", async ({ browser }) => {
  const child = await asUser(browser, DEMO.child);
  await openAdvocate(child);
  await expect(child.getByRole("heading", { level: 1, name: "Your advocate" })).toBeVisible();
  await expectAccessible(child);
  // The advocate the demo record says Amira chose on 22 July 2025 reads as her own choice, since then.
  const zainab = child.locator(".entry-card", { hasText: "Zainab Rashid" });
  await expect(zainab.getByText("You chose them.")).toBeVisible();
  await expect(zainab).toContainText("Since 22 July 2025");
  await child.getByRole("radio", { name: LEAH }).check();
  await child.getByRole("button", { name: "Choose this advocate" }).click();
  await expect(child.getByText("Done. Your advocate can see the record now.")).toBeVisible();
  const card = child.locator(".entry-card", { hasText: "Leah Brooks" });
  await expect(card.getByText("You chose them.")).toBeVisible();
  await card.getByText("What Leah Brooks can see and do").click();
  await expect(card.getByText("They cannot see messages you send to your worker on your own.")).toBeVisible();
  await expectNoHorizontalScroll(child);

  const leah = await asUser(browser, DEMO.registeredAdvocate);
  await openRecord(leah, "Amira");
  const recordUrl = leah.url();
  await expect(leah.getByRole("heading", { level: 1 })).toBeVisible();

  await card.getByRole("button", { name: "End Leah Brooks's access" }).click();
  await expect(child.getByRole("dialog")).toContainText("will not be able to see the record from now on");
  await expectAccessible(child);
  await child.getByRole("button", { name: "Yes, end their access" }).click();
  await expect(child.getByText("Done. Their access has ended.")).toBeVisible();
  await expect(child.getByText(/Leah Brooks: .* \(ended by you\)/).first()).toBeVisible();

  await leah.goto(recordUrl);
  await expect(leah.getByRole("heading", { name: "We can't find that page" })).toBeVisible();
});

test("with JavaScript off the caseworker appoints an advocate and ends it; the child sees who chose; a parent has no say", async ({ browser }) => {
  const worker = await asUser(browser, DEMO.caseworker, { javaScript: false });
  await openAdvocate(worker);
  await expect(worker.getByRole("heading", { level: 1, name: "Amira's advocate" })).toBeVisible();
  await worker.getByRole("radio", { name: LEAH }).check();
  await worker.getByLabel(/Access ends on/).fill("2099-01-31");
  await worker.getByRole("button", { name: "Appoint this advocate" }).click();
  await expect(worker.getByText("Appointed by Jasmine Patel.")).toBeVisible();

  const child = await asUser(browser, DEMO.child);
  await openAdvocate(child);
  const card = child.locator(".entry-card", { hasText: "Leah Brooks" });
  await expect(card.getByText("Your caseworker Jasmine Patel chose them for you.")).toBeVisible();
  await expect(card.getByText("Access ends on Saturday, 31 January 2099")).toBeVisible();

  const mother = await asUser(browser, DEMO.parent);
  await openRecord(mother, "Amira");
  await expect(mother.locator(".record-nav").getByRole("link", { name: /advocate/i })).toHaveCount(0);
  await mother.goto(new URL("advocate", `${mother.url()}/`).toString());
  await expect(mother.getByRole("heading", { name: "We can't find that page" })).toBeVisible();

  await worker.locator(".entry-card", { hasText: "Leah Brooks" }).getByRole("button", { name: "End Leah Brooks's access" }).click();
  await expect(worker.getByRole("heading", { name: "End Leah Brooks's access?" })).toBeVisible();
  // axe needs JavaScript: the confirmation page is checked in the child's browser, which may open it too.
  await child.goto(worker.url());
  await expect(child.getByRole("heading", { name: "End Leah Brooks's access?" })).toBeVisible();
  await expectAccessible(child);
  await worker.getByRole("button", { name: "Yes, end their access" }).click();
  await expect(worker.getByText("Done. Their access has ended.")).toBeVisible();
  await expect(worker.getByText(/Leah Brooks: .* \(ended by staff\)/).first()).toBeVisible();
});

test("the advocate page in Urdu fits a small phone and is accessible", async ({ browser }) => {
  const child = await asUser(browser, DEMO.child, { language: "ur" });
  await openRecord(child, "Amira");
  await child.locator(".record-nav").getByRole("link", { name: "آپ کا ایڈووکیٹ" }).click();
  await expect(child.getByRole("heading", { level: 1, name: "آپ کا ایڈووکیٹ" })).toBeVisible();
  await expectAccessible(child);
  await expectNoHorizontalScroll(child);
});
