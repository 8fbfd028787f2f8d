import { expect, test, type Page } from "@playwright/test";
import { asUser, closeUserContexts, DEMO, expectAccessible, expectNoHorizontalScroll, openMoreChoices, openRecord } from "./helpers.ts";

test.afterEach(closeUserContexts);

// Keeping an entry back from the child (issue 10): the caseworker proposes, a manager of the team
// agrees, and the child's record follows; the manager's review shows it to the child again. Each
// journey uses its own demo entry, which it leaves shown to the child as it found it.

const inTwoMonths = () => new Date(Date.now() + 60 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

async function openEntry(page: Page, title: string) {
  await openRecord(page, "Amira");
  await page.locator("main").getByRole("link", { name: title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  return page.url();
}

async function notFound(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We can't find that page");
}

for (const javaScript of [true, false]) {
  const title = javaScript ? "Review child protection conference" : "Chronology to November 2025";
  test(`a caseworker's proposal to keep an entry back takes effect when a manager agrees, and ends at review (JavaScript ${javaScript ? "on" : "off"})`, async ({ browser }) => {
    const worker = await asUser(browser, DEMO.caseworker, { javaScript });
    const url = await openEntry(worker, title);
    const panel = worker.locator("section.staff-entry");
    await expect(panel.getByRole("heading", { name: "Who can read this entry" })).toBeVisible();
    await expect(panel.locator("dl").first()).toContainText("The child" + "Can read it");

    // A refusal says what is missing and keeps what was typed.
    const propose = panel.locator("section", { has: worker.getByRole("heading", { name: "Keep this back from the child" }) });
    await propose.getByLabel("Note for the record").fill("Amira's dad asked for this to wait until after the hearing.");
    await propose.getByRole("button", { name: "Send to a manager" }).click();
    await expect(propose.locator(".error-message").first()).toHaveText("Choose why it should be kept back");
    await expect(propose.getByLabel("Note for the record")).toHaveValue("Amira's dad asked for this to wait until after the hearing.");
    await propose.getByLabel("Why it should be kept back").selectOption("confidential");
    await propose.getByLabel("Review by").fill(inTwoMonths());
    await propose.getByRole("button", { name: "Send to a manager" }).click();
    await expect(worker.locator(".alert-info")).toHaveText(/sent to a manager/);
    await expect(panel).toContainText("Waiting for a manager");
    if (javaScript) {
      await expectAccessible(worker);
      await expectNoHorizontalScroll(worker);
    }

    // Nothing changes for Amira yet.
    const amira = await asUser(browser, DEMO.child);
    await amira.goto(url);
    await expect(amira.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(amira.locator("section.staff-entry")).toHaveCount(0);

    // The manager finds it on their team's list and agrees.
    const manager = await asUser(browser, DEMO.manager, { javaScript });
    await manager.goto("/?team=all#team");
    const item = manager.locator(".entry-card", { hasText: "Keep back from the child: decide" }).filter({ hasText: title });
    await expect(item).toHaveCount(1);
    await item.getByRole("link", { name: title }).click();
    await manager.getByLabel("Agree, as asked").check();
    await manager.getByLabel("Your note").fill("Agreed until the hearing.");
    await manager.getByRole("button", { name: "Record decision" }).click();
    await expect(manager.locator(".alert-info")).toHaveText("Your decision has been recorded.");
    await expect(manager.locator("section.staff-entry")).toContainText("Kept back from the child");
    if (javaScript) await expectAccessible(manager);

    // Amira can no longer open it; her "why" page gives the reason without saying what or when.
    await notFound(amira, url);

    if (!javaScript) {
      // A second manager's page reviews it first (issue 15, item 4): the version the first page
      // carries is out of date, so its review is refused as a conflict and changes nothing.
      const other = await asUser(browser, DEMO.manager, { javaScript });
      await other.goto(manager.url());
      await other.getByLabel("Yes, keep it back until the next review").check();
      await other.getByLabel("What you looked at and why").fill("Still waiting for the hearing.");
      await other.getByLabel("Next review by").fill(inTwoMonths());
      await other.getByRole("button", { name: "Record review" }).click();
      await expect(other.locator(".alert-info")).toHaveText("Your review has been recorded.");
      await manager.getByLabel("No, show it to the child now").check();
      await manager.getByLabel("What you looked at and why").fill("The hearing is over.");
      await manager.getByRole("button", { name: "Record review" }).click();
      await expect(manager.locator(".alert-error")).toHaveText("Someone else changed this at the same time. Reload the page and try again.");
      await notFound(amira, url);
      await manager.goto(other.url());
    }

    // The manager's review ends it: Amira sees the entry again.
    await manager.getByLabel("No, show it to the child now").check();
    await manager.getByLabel("What you looked at and why").fill("The hearing is over.");
    await manager.getByRole("button", { name: "Record review" }).click();
    await expect(manager.locator(".alert-info")).toHaveText("Your review has been recorded.");
    await amira.goto(url);
    await expect(amira.getByRole("heading", { level: 1 })).toHaveText(title);
  });
}

test("an overdue review is the manager's to see as late; the child is told calmly that it is being looked at again", async ({ browser }) => {
  const amira = await asUser(browser, DEMO.child);
  await openRecord(amira, "Amira");
  await openMoreChoices(amira);
  await amira.getByRole("link", { name: "Why can't I see some things?" }).click();
  await expect(amira.locator("main")).toContainText("A manager is looking at some of these again now.");
  await expect(amira.locator("main")).not.toContainText(/\blate\b/i);

  const manager = await asUser(browser, DEMO.manager);
  await manager.goto("/?team=all#team");
  const item = manager.locator(".entry-card", { hasText: "Restriction review" }).filter({ hasText: "Information from a neighbour" });
  await expect(item.locator(".tag-overdue")).toBeVisible();
  await item.getByRole("link", { name: "Information from a neighbour" }).click();
  const panel = manager.locator("section.staff-entry");
  await expect(panel).toContainText("About other people who have not agreed");
  await expect(panel.locator(".tag-overdue")).toHaveText("Overdue");
  await expect(panel.getByRole("heading", { name: "Review", exact: true })).toBeVisible();
  await expect(panel.getByRole("heading", { name: "Change the reason or review date" })).toBeVisible();
  await expectAccessible(manager);

  // In Urdu, on a phone, the panel reads right to left without sideways scrolling.
  const urdu = await asUser(browser, DEMO.manager, { language: "ur" });
  await urdu.goto(manager.url());
  await expect(urdu.locator("section.staff-entry")).toContainText("یہ اندراج کون پڑھ سکتا ہے");
  await expectNoHorizontalScroll(urdu);
  await expectAccessible(urdu);
});

test("families never see the staff panel, and the caseworker cannot decide", async ({ browser }) => {
  const worker = await asUser(browser, DEMO.caseworker);
  const url = await openEntry(worker, "Information from a neighbour");
  await expect(worker.getByRole("button", { name: "Record decision" })).toHaveCount(0);
  await expect(worker.getByRole("button", { name: "Record review" })).toHaveCount(0);
  await expect(worker.locator("section.staff-entry")).toContainText("Kept back from the child");
  for (const who of [DEMO.child, DEMO.parent, DEMO.advocate]) {
    const page = await asUser(browser, who);
    await notFound(page, url);
  }
  const parent = await asUser(browser, DEMO.parent);
  await openEntry(parent, "Move to a new home");
  await expect(parent.locator("section.staff-entry")).toHaveCount(0);
  await expect(parent.getByText("Who can read this entry")).toHaveCount(0);
});
