import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { asUser, closeUserContexts, DEMO, expectAccessible, expectNoHorizontalScroll, openRecord } from "./helpers.ts";

test.afterEach(closeUserContexts);

// Recording a share. With JavaScript off, the caseworker tries to rely on the consent Amira's
// mother withdrew (the demo's youth club) and is refused, keeping what was typed; with JavaScript
// on, the share is recorded for Amira's safety, and Amira sees with whom, what and why. Amira
// cannot open the form.

async function openConsent(page: Page) {
  await openRecord(page, "Amira");
  await page.locator(".record-nav").getByRole("link", { name: /Who can see|Consent to share/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Who can see|Consent to share/);
}

async function openShareForm(page: Page) {
  await openConsent(page);
  await page.getByRole("link", { name: "Record a share" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Record a share" })).toBeVisible();
}

test("a share on withdrawn consent is refused; a share for the child's safety is recorded and the child sees why", async ({ browser }) => {
  const tag = randomBytes(3).toString("hex");
  const purpose = `Safety planning meeting ${tag}`;
  const reason = `Amira said she was frightened to go home (${tag}).`;

  const noJs = await asUser(browser, DEMO.caseworker, { javaScript: false });
  await openShareForm(noJs);
  const glance = noJs.locator("section", { has: noJs.getByRole("heading", { name: "Consent at a glance" }) });
  await expect(glance.locator("li", { hasText: "Riverside Youth Club" }).locator(".tag")).toHaveText("Withdrawn");
  // Without JavaScript every part of the form shows at once: it must still fit a phone.
  await expectNoHorizontalScroll(noJs);
  await noJs.getByLabel("With consent", { exact: true }).check();
  await noJs.getByLabel("Which consent").selectOption({ label: "Riverside Youth Club, for Trips and activities (Withdrawn)" });
  await noJs.getByLabel("The whole record").check();
  await noJs.getByLabel("Purpose (what it was shared for)").fill(`Trips ${tag}`);
  await noJs.getByRole("button", { name: "Record the share" }).click();
  await expect(noJs.getByRole("alert")).toContainText("There is no consent for this: it was withdrawn or never given.");
  await expect(noJs.getByLabel("Purpose (what it was shared for)")).toHaveValue(`Trips ${tag}`);
  await expect(noJs.getByLabel("With consent", { exact: true })).toBeChecked();
  await noJs.context().close();

  const worker = await asUser(browser, DEMO.caseworker);
  await openShareForm(worker);
  await expectAccessible(worker);
  await worker.getByLabel("For the child's safety, without consent").check();
  await expect(worker.getByLabel("Which consent")).toBeHidden();
  await worker.getByLabel("Shared with").selectOption("police");
  await worker.getByLabel("Reason for sharing without consent").fill(reason);
  await worker.getByLabel("Something else (describe it)").check();
  await worker.getByLabel("Describe what was shared").fill("What Amira told us on the visit, and the safety plan.");
  await worker.getByLabel("Purpose (what it was shared for)").fill(purpose);
  await expectNoHorizontalScroll(worker);
  await worker.getByRole("button", { name: "Record the share" }).click();
  await expect(worker.getByText("Share recorded.")).toBeVisible();
  await expect(worker).toHaveURL(/\/shared\?done=shared$/);
  await expect(worker.locator(".entry-card", { hasText: purpose })).toContainText(reason);
  await expectAccessible(worker);
  const newShare = new URL(worker.url()).pathname.replace(/\/shared$/, "/shared/new");
  await worker.context().close();

  const child = await asUser(browser, DEMO.child);
  await openConsent(child);
  await child.getByRole("link", { name: "Who the information was shared with" }).click();
  const card = child.locator(".entry-card", { hasText: purpose });
  await expect(card).toContainText("For the child's safety, without consent");
  await expect(card).toContainText(`Why: ${reason}`);
  await expect(child.getByRole("link", { name: "Record a share" })).toHaveCount(0);
  await expectAccessible(child);
  const response = await child.goto(newShare);
  expect(response?.status()).toBe(404);
});

test("a reason kept from the child is reviewed by the manager, and once shown the child sees it", async ({ browser }) => {
  const tag = randomBytes(3).toString("hex");
  const purpose = `Youth offending panel ${tag}`;
  const reason = `The panel asked for the latest plan (${tag}).`;

  const worker = await asUser(browser, DEMO.caseworker);
  await openShareForm(worker);
  await worker.getByLabel("Because the law requires it, without consent").check();
  await worker.getByLabel("Shared with").selectOption("youth_justice");
  await worker.getByLabel("Reason for sharing without consent").fill(reason);
  await worker.getByLabel("Keep the reason from the child").check();
  await worker.getByLabel("The whole record").check();
  await worker.getByLabel("Purpose (what it was shared for)").fill(purpose);
  await worker.getByRole("button", { name: "Record the share" }).click();
  const workerCard = worker.locator(".entry-card", { hasText: purpose });
  await expect(workerCard).toContainText("Awaiting a manager's review.");
  await expect(workerCard.getByRole("button", { name: "Save the review" })).toHaveCount(0);
  await worker.context().close();

  const manager = await asUser(browser, DEMO.manager);
  await manager.getByRole("link", { name: /^Amira: \d+ to review$/ }).click();
  const card = manager.locator(".entry-card", { hasText: purpose });
  await card.getByLabel("Show the reason to the child").check();
  await card.getByLabel("Why (for staff only)").fill("The plan is agreed; nothing in the reason puts anyone at risk.");
  await card.getByRole("button", { name: "Save the review" }).click();
  await expect(manager.getByText("Review saved.")).toBeVisible();
  await expect(manager.locator(".entry-card", { hasText: purpose })).toContainText("the child can now see the reason");
  await expectAccessible(manager);
  await manager.context().close();

  const child = await asUser(browser, DEMO.child);
  await openConsent(child);
  await child.getByRole("link", { name: "Who the information was shared with" }).click();
  await expect(child.locator(".entry-card", { hasText: purpose })).toContainText(`Why: ${reason}`);
});

// A change sent from another site with the caseworker's cookies (cross-site request forgery) is
// refused and changes nothing; the same post from the portal itself is recorded, so the refusal
// is the origin check's doing and not a broken post.
test("a share posted from another site is refused; the same post from the portal is recorded", async ({ browser, baseURL }) => {
  const worker = await asUser(browser, DEMO.caseworker, { javaScript: false });
  await openShareForm(worker);
  const form = worker.locator("form", { has: worker.getByRole("button", { name: "Record the share" }) });
  const hidden: Record<string, string> = {};
  for (const input of await form.locator("input[type=hidden]").all()) hidden[(await input.getAttribute("name"))!] = (await input.getAttribute("value")) ?? "";
  const post = (purpose: string, origin: string) =>
    worker.request.post(worker.url(), {
      headers: { Origin: origin },
      multipart: { ...hidden, lawfulBasis: "child_safety", recipient: "police", recipientName: "", reason: "A safety plan", what: "described", description: "The safety plan", sharedOn: "2026-12-01", purpose },
      maxRedirects: 0,
    });
  const tag = randomBytes(3).toString("hex");
  const forged = await post(`Forged ${tag}`, "https://attacker.example");
  const genuine = await post(`Genuine ${tag}`, new URL(baseURL!).origin);
  // Next.js refuses the forged post itself (our action wrapper checks the origin again behind it).
  expect(forged.status()).toBeGreaterThanOrEqual(400);
  expect(genuine.status()).toBe(303);
  await worker.getByRole("link", { name: "Back to the sharing log" }).click();
  await expect(worker.locator(".entry-card", { hasText: `Genuine ${tag}` })).toHaveCount(1);
  await expect(worker.getByText(`Forged ${tag}`)).toHaveCount(0);
});
