import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { asUser, closeUserContexts, DEMO, expectAccessible, expectNoHorizontalScroll, openRecord } from "./helpers.ts";

test.afterEach(closeUserContexts);

// "Something's wrong" in the browser: a child asks from a part of an entry and the caseworker
// corrects it (new version, old one in the history); a parent asks, is refused, adds a statement
// of disagreement, and it shows with the entry to the caseworker and in the PDF copy.

const tag = () => randomBytes(3).toString("hex");

/** Opens the n-th entry of the record's list (newest first) and returns its title. */
async function openEntry(page: Page, n: number): Promise<string> {
  const link = page.locator(".entry-list a.entry-title").nth(n);
  const title = (await link.innerText()).trim();
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return title;
}

test("a child asks about a part of an entry; the caseworker corrects it; the old wording stays in the history", async ({ browser }) => {
  const wrong = `My name is spelt wrong ${tag()}`;
  const child = await asUser(browser, DEMO.child);
  await openRecord(child, "Amira");
  const title = await openEntry(child, 0);
  await child.getByRole("link", { name: "Something wrong in this part?" }).first().click();
  await expect(child.getByRole("heading", { name: "Ask for a correction" })).toBeVisible();
  await expectAccessible(child);
  await expectNoHorizontalScroll(child);
  await child.getByLabel("What is wrong?").fill(wrong);
  await child.getByRole("button", { name: "Send the request" }).click();
  await expect(child.getByRole("heading", { name: "Request sent" })).toBeVisible();
  await expect(child.getByText(/The worker has to answer by \w+day,? \d+ \w+ \d{4}/)).toBeVisible();
  await expectAccessible(child);

  const worker = await asUser(browser, DEMO.caseworker);
  await worker.locator("#open-requests ~ ul").getByRole("link", { name: wrong }).click();
  await expect(worker.getByRole("heading", { name: "Correction request" })).toBeVisible();
  await expect(worker.getByText(/Due \w+day,? \d+ \w+ \d{4}, \d+ working days? left/).first()).toBeVisible();
  await expectAccessible(worker);
  // Several forms on one page: every label must point at its own field.
  const ids = await worker.locator("[id]").evaluateAll((els) => els.map((e) => e.id));
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  await worker.getByRole("radio", { name: "Corrected", exact: true }).check();
  const fix = worker.locator("textarea[name^='fix:']").first();
  await fix.fill(`Amira Khan ${tag()}`);
  const corrected = await fix.inputValue();
  await worker.getByRole("button", { name: "Save the decision" }).click();
  await expect(worker.getByText("The decision has been saved and the requester told.")).toBeVisible();

  await child.reload();
  await child.getByRole("link", { name: "See your requests" }).click();
  await child.getByRole("link", { name: wrong }).click();
  await expect(child.locator(".tag", { hasText: "Corrected" })).toBeVisible();
  await child.getByRole("link", { name: title }).first().click();
  await expect(child.getByText(corrected)).toBeVisible();
  await expect(child.getByRole("heading", { name: /This entry was corrected on/ })).toBeVisible();
  await expectAccessible(child);
});

test("a parent asks with JavaScript off, is refused, adds their view; it stands with the entry and in the PDF", async ({ browser }) => {
  const wrong = `I was at that meeting ${tag()}`;
  const view = `I disagree: I was there the whole time ${tag()}`;
  const parent = await asUser(browser, DEMO.parent, { javaScript: false });
  await openRecord(parent, "Amira");
  const title = await openEntry(parent, 1);
  await parent.getByRole("link", { name: "Something wrong? Ask for a correction" }).click();
  await parent.getByRole("button", { name: "Send the request" }).click();
  await expect(parent.getByText("Say what is wrong.").first()).toBeVisible();
  await parent.getByLabel("What is wrong?").fill(wrong);
  await parent.getByRole("button", { name: "Send the request" }).click();
  await expect(parent.getByRole("heading", { name: "Request sent" })).toBeVisible();

  const worker = await asUser(browser, DEMO.caseworker);
  await worker.locator("#open-requests ~ ul").getByRole("link", { name: wrong }).click();
  await worker.getByRole("radio", { name: "Not corrected", exact: true }).check();
  await worker.getByLabel(/^Reasons, in plain words/).fill("The note records the worker's view of the meeting, as an opinion.");
  await worker.getByRole("button", { name: "Save the decision" }).click();
  await expect(worker.getByText("The decision has been saved and the requester told.")).toBeVisible();

  await parent.getByRole("link", { name: "See your requests" }).click();
  await parent.getByRole("link", { name: wrong }).click();
  await expect(parent.getByText(/complain to the Information Commissioner/)).toBeVisible();
  await parent.getByLabel(`Your view of ${title}`).fill(view);
  await parent.getByRole("button", { name: "Add my view" }).click();
  await expect(parent.getByText("Your view has been added to the entry.")).toBeVisible();

  await worker.goto(worker.url().replace(/\/corrections\/.*$/, ""));
  await worker.getByRole("link", { name: title }).first().click();
  await expect(worker.getByText(view)).toBeVisible();
  await expectAccessible(worker);
  const pdf = await worker.request.get(worker.url().replace(/\/entries\/.*$/, "/download"));
  const text = execFileSync("pdftotext", ["-", "-"], { input: await pdf.body() }).toString();
  expect(text.replace(/\s+/g, " ")).toContain(view);
});

test("in Urdu, a child's request reads right to left and keeps to the screen", async ({ browser }) => {
  const child = await asUser(browser, DEMO.child, { language: "ur" });
  await child.locator(".records-list a").first().click();
  await child.locator(".entry-list a.entry-title").first().click();
  await child.getByRole("link", { name: "کچھ غلط ہے؟ درستی کی درخواست کریں" }).click();
  await expect(child.locator("html")).toHaveAttribute("dir", "rtl");
  await child.getByLabel("کیا غلط ہے؟").fill(`تاریخ غلط ہے ${tag()}`);
  await child.getByRole("button", { name: "درخواست بھیجیں" }).click();
  await expect(child.getByRole("heading", { name: "درخواست بھیج دی گئی" })).toBeVisible();
  await expectAccessible(child);
  await expectNoHorizontalScroll(child);
});
