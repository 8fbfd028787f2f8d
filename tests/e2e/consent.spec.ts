import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { asUser, closeUserContexts, DEMO, expectAccessible, expectNoHorizontalScroll, openRecord, signIn } from "./helpers.ts";

test.afterEach(closeUserContexts);

// "Who can see my information": the caseworker asks about a school; the mother gives consent in a
// dialog and withdraws it with JavaScript off (the confirmation is a page); the child sees what was
// decided and by whom; once the caseworker records that the child can decide, the child decides.

async function openConsent(page: Page) {
  await openRecord(page, "Amira");
  await page.locator(".record-nav").getByRole("link", { name: /Who can see|Consent to share/ }).click();
}

test("consent is given and withdrawn by whoever decides, and everyone sees who decided", async ({ browser }) => {
  const purpose = `Extra help in class ${randomBytes(3).toString("hex")}`;
  const worker = await asUser(browser, DEMO.caseworker);
  await openConsent(worker);
  await worker.getByLabel("Who to").selectOption("school");
  await worker.getByLabel("What for").fill(purpose);
  await worker.getByRole("button", { name: "Add" }).click();
  await expect(worker.getByText(`For: ${purpose}`)).toBeVisible();

  const mother = await asUser(browser, DEMO.parent);
  await openConsent(mother);
  const card = mother.locator(".entry-card", { hasText: purpose });
  await expect(mother.getByText("You are one of the people who decide.")).toBeVisible();
  // The "until" day chosen is said back in the dialog that confirms it.
  await card.getByLabel("Until (you can leave this out)").fill("2031-03-31");
  await card.getByRole("button", { name: "Give consent" }).click();
  await expect(mother.getByRole("dialog")).toContainText("You can withdraw this at any time.");
  await expect(mother.getByRole("dialog")).toContainText(/until Monday,? 31 March 2031/);
  await expectAccessible(mother);
  await mother.getByRole("button", { name: "Yes, give consent" }).click();
  await expect(card.locator(".tag", { hasText: "Consent given" })).toBeVisible();
  await expectNoHorizontalScroll(mother);

  const child = await asUser(browser, DEMO.child);
  await openConsent(child);
  const childCard = child.locator(".entry-card", { hasText: purpose });
  await expect(childCard.getByText(/Sana Khan decided on/)).toBeVisible();
  await expect(childCard.getByRole("button", { name: "Give consent" })).toHaveCount(0);
  await expectAccessible(child);

  const motherNoJs = await asUser(browser, DEMO.parent, { javaScript: false });
  await openConsent(motherNoJs);
  // With JavaScript off the confirmation page says the "until" day too; going back changes nothing.
  const noJsCard = motherNoJs.locator(".entry-card", { hasText: purpose });
  await noJsCard.getByLabel("Until (you can leave this out)").fill("2031-04-01");
  await noJsCard.getByRole("button", { name: "Give consent" }).click();
  await expect(motherNoJs.locator("main")).toContainText(/until Tuesday,? 1 April 2031/);
  await motherNoJs.getByRole("link", { name: "No, go back" }).click();
  await motherNoJs.locator(".entry-card", { hasText: purpose }).getByRole("button", { name: "Withdraw consent" }).click();
  await expect(motherNoJs.getByRole("heading", { name: "Are you sure?" })).toBeVisible();
  await motherNoJs.getByRole("button", { name: "Yes, withdraw consent" }).click();
  await expect(motherNoJs.getByText("Consent withdrawn. It is saved in the history below.")).toBeVisible();

  await worker.reload();
  await worker.getByLabel("Yes, they can decide for themselves").check();
  await worker.getByLabel("How you know").fill("We talked it through; Amira explained what sharing with school means.");
  await worker.getByLabel("Date assessed").fill("2026-12-01");
  await worker.getByRole("button", { name: "Save" }).click();
  await expect(worker.getByText(/Amira decides/)).toBeVisible();

  await child.reload();
  await child.locator(".entry-card", { hasText: purpose }).getByRole("button", { name: "Give consent" }).click();
  await child.getByRole("button", { name: "Yes, give consent" }).click();
  await expect(child.locator(".entry-card", { hasText: purpose }).getByText(/Amira decided on/)).toBeVisible();
});

test("in Urdu, the consent page and the sharing log fit a small phone and are accessible", async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: { width: 375, height: 800 } })).newPage();
  await signIn(page, DEMO.parent, "ur");
  await openRecord(page, "Amira");
  await page.locator(".record-nav").getByRole("link", { name: "معلومات کون دیکھ سکتا ہے" }).click();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 2, name: "فیصلہ کون کرتا ہے" })).toBeVisible();
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
  await page.getByRole("link", { name: "معلومات کس کے ساتھ شیئر کی گئیں" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
});
