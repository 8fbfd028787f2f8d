import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { asUser, closeUserContexts, DEMO, expectAccessible, openRecord } from "./helpers.ts";

test.afterEach(closeUserContexts);

// "What's new" in the browser (issue 16), lean: the leak matrix is tests/integration/news-leaks.test.ts.
// A correction decision is new for the person who asked and nobody else in the family; an import
// tells the child of an entry that excludes her father, and him not at all; an entry to be read
// with the worker is "something to read" with no title. Other specs act on the same demo record
// at the same time, so each item is told apart by where it leads, never by how many there are.

const tag = () => randomBytes(3).toString("hex");
const DECIDED = "Your worker has decided about your request to change Amira's record";
const WAITING = "Something in your record is waiting for you to read with your worker";

/** Where each item of the home's "What's new" leads (opening one through /news/<id> marks it seen). */
async function newsTargets(page: Page): Promise<string[]> {
  await page.goto("/");
  const hrefs = await page.locator("section.news .news-list a").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  const targets: string[] = [];
  for (const href of hrefs) {
    expect(href).toMatch(/^\/news\/[0-9a-f-]{36}$/);
    const response = await page.request.get(href, { maxRedirects: 0 });
    targets.push(new URL(response.headers()["location"] ?? "", "http://portal").pathname);
  }
  return targets;
}

test("a correction decision is new for the person who asked, and for nobody else in the family", async ({ browser }) => {
  const wrong = `The meeting was on another day ${tag()}`;
  const parent = await asUser(browser, DEMO.parent);
  await openRecord(parent, "Amira");
  await parent.locator(".entry-list a.entry-title").first().click();
  await parent.getByRole("link", { name: "Something wrong? Ask for a correction" }).click();
  await parent.getByLabel("What is wrong?").fill(wrong);
  await parent.getByRole("button", { name: "Send the request" }).click();
  await expect(parent.getByRole("heading", { name: "Request sent" })).toBeVisible();
  const request = new URL(parent.url()).pathname.replace(/\/sent$/, "");

  const worker = await asUser(browser, DEMO.caseworker);
  await worker.locator("#open-requests ~ ul").getByRole("link", { name: wrong }).click();
  await worker.getByRole("radio", { name: "Not corrected", exact: true }).check();
  await worker.getByLabel(/^Reasons, in plain words/).fill("The date in the entry is the date of the meeting.");
  await worker.getByRole("button", { name: "Save the decision" }).click();
  await expect(worker.getByText("The decision has been saved and the requester told.")).toBeVisible();

  // The mother's home has it, new; opening it leads to her request and it is new no longer.
  await parent.goto("/");
  await expect(parent.locator("header .header-news .news-tag")).toBeVisible();
  const decided = parent.locator("section.news .news-list li", { hasText: DECIDED });
  await expect(decided.first()).toBeVisible();
  await expectAccessible(parent);
  let opened: string | null = null;
  for (let i = 0; i < (await decided.count()) && !opened; i++) {
    const wasNew = (await decided.nth(i).getAttribute("class"))!.includes("news-unseen");
    const href = (await decided.nth(i).getByRole("link").getAttribute("href"))!;
    await decided.nth(i).getByRole("link").click();
    await expect(parent).toHaveURL(/\/records\//);
    if (new URL(parent.url()).pathname === request) {
      expect(wasNew).toBe(true);
      opened = href;
    } else await parent.goto("/");
  }
  expect(opened).not.toBeNull();
  await expect(parent.getByText(wrong)).toBeVisible();
  await parent.goto("/");
  await expect(parent.locator(`section.news li:has(a[href="${opened}"])`)).not.toHaveClass(/news-unseen/);

  // The father, of the same child, asked nothing: nothing of it reaches him.
  const father = await asUser(browser, DEMO.excludedParent);
  await expect(father.locator("section.news .news-list li", { hasText: DECIDED })).toHaveCount(0);
  expect(await newsTargets(father)).not.toContain(request);
});

test("an import: the father it excludes hears nothing of it; what waits to be read with the worker names no title (JavaScript off)", async ({ browser }) => {
  const t = tag();
  const excluding = { id: `E-NEWS-${t}-X`, title: `Visit with mum and Amira ${t}` };
  const waiting = { id: `E-NEWS-${t}-R`, title: `Letter to read together ${t}` };
  const demo = JSON.parse(fs.readFileSync("prisma/demo/case-records.json", "utf8"));
  const amira = demo.children.find((c: { externalId: string }) => c.externalId === "C-1001");
  // Dated before the rest of the record, so other specs' "first entry" stays theirs.
  const entry = (e: { id: string; title: string }, sharing: Record<string, unknown>) => ({
    externalId: e.id, type: "note", title: e.title, occurredAt: "2024-01-10T10:00:00Z", recordedAt: "2024-01-10T12:00:00Z",
    author: { name: "Jasmine Patel", role: "Social worker" }, sections: [{ text: "What happened.", nature: "fact", source: "first-hand" }], status: "current",
    sharing: { withChild: true, withFamily: true, ...sharing },
  });
  const doc = { ...demo, exportedAt: "2026-12-06T18:00:00Z", children: [{ ...amira, entries: [entry(excluding, { excludePeople: ["P-2"] }), entry(waiting, { readWithWorker: true })] }] };

  const admin = await asUser(browser, DEMO.admin, { javaScript: false });
  await admin.getByRole("link", { name: "Imports", exact: true }).first().click();
  await admin.getByLabel("Import file").setInputFiles({ name: `news-${t}.json`, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(doc)) });
  await admin.getByRole("button", { name: "Check and import" }).click();
  await expect(admin.getByRole("heading", { name: "Import finished" })).toBeVisible();

  // Amira is told of both: the one she may read leads to it; the one she is to read with her
  // worker says only that something waits, and leads to her record, not the entry.
  const child = await asUser(browser, DEMO.child, { javaScript: false });
  const news = child.locator("section.news");
  await expect(news.locator("li", { hasText: WAITING }).first()).toBeVisible();
  await expect(news).not.toContainText(waiting.title);
  await expect(news).not.toContainText(excluding.title);
  await child.screenshot({ path: `/tmp/news-e2e/${test.info().project.name}-child-home.png`, fullPage: true });
  // "Mark all as seen", a plain form: nothing is new any more.
  await child.getByRole("button", { name: "Mark all as seen" }).click();
  await expect(news.locator(".news-unseen")).toHaveCount(0);
  await expect(child.locator("header .header-news .news-tag")).toHaveCount(0);
  const told = await newsTargets(child);
  expect(told.filter((p) => /^\/records\/[0-9a-f-]{36}$/.test(p)).length).toBeGreaterThan(0);
  let readable: string | null = null;
  for (const target of told.filter((p) => p.includes("/entries/"))) {
    await child.goto(target);
    if ((await child.getByRole("heading", { level: 1, name: excluding.title }).count()) > 0) readable = target;
    if (readable) break;
  }
  expect(readable).not.toBeNull();

  // Her father is excluded from it: no item of his leads there, and there is nothing to open.
  const father = await asUser(browser, DEMO.excludedParent, { javaScript: false });
  await father.screenshot({ path: `/tmp/news-e2e/${test.info().project.name}-father-home.png`, fullPage: true });
  expect(await newsTargets(father)).not.toContain(readable);
  await father.goto(readable!);
  await expect(father.getByRole("heading", { level: 1, name: excluding.title })).toHaveCount(0);
});
