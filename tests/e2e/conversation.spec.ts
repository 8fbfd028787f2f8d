import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { asUser, chooseLanguage, closeUserContexts, DEMO, expectAccessible, expectNoHorizontalScroll, openRecord } from "./helpers.ts";

test.afterEach(closeUserContexts);
// One after the other: both runs are the demo child, and each must find its own new item unseen.
test.describe.configure({ mode: "serial" });

// A conversation (issue 16), with JavaScript on and off: the caseworker replies to what the child
// sent; the child sees it as new on their home and in the header count, opens it and answers (with
// a file); the caseworker sees the answer in the inbox, due, and reads the whole thread.

const tag = () => randomBytes(3).toString("hex");

/** The links of the child's "What's new" items, to tell a new one from those already there. */
const newsLinks = (page: Page) => page.locator(".news-list a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));

/**
 * The unseen "replied" item that is new since `before` and leads to `path`. Other tests may reply
 * to Amira meanwhile: when more than one is new, each is asked where it leads (which opens it).
 */
async function newReplyItem(page: Page, before: string[], path: string) {
  const items = page.locator(".news-list .news-unseen", { hasText: "Your worker replied to your message" });
  await expect(items.first()).toBeVisible();
  const fresh = (await items.locator("a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""))).filter((h) => !before.includes(h));
  expect(fresh.length).toBeGreaterThan(0);
  for (const href of fresh.length === 1 ? [] : fresh) {
    const answer = await page.request.get(href, { maxRedirects: 0 });
    if (answer.headers().location?.endsWith(path)) return page.locator(`.news-list a[href="${href}"]`);
  }
  return page.locator(`.news-list a[href="${fresh[0]}"]`);
}

for (const javaScript of [true, false]) {
  // axe (and the layout check) run in the page, so only with JavaScript on: the pages are the same markup.
  const checkAccessible = (page: Page) => (javaScript ? expectAccessible(page) : Promise.resolve());

  test(`the caseworker replies, the child sees it as new and answers, the caseworker sees the answer (JavaScript ${javaScript ? "on" : "off"})`, async ({ browser }, testInfo) => {
    const words = `Can I have piano lessons? ${tag()}`;
    const replyWords = `Tell me more about the lessons ${tag()}`;
    const answerWords = `On Saturdays, at the music school ${tag()}`;
    const child = await asUser(browser, DEMO.child, { javaScript });
    await openRecord(child, "Amira");
    await child.getByRole("link", { name: "Add your views" }).first().click();
    await child.getByLabel("My wishes").check();
    await child.getByLabel("Write it here").fill(words);
    await child.getByRole("button", { name: "Send", exact: true }).click();
    await expect(child.getByRole("heading", { name: "Sent" })).toBeVisible();
    const path = new URL(child.url()).pathname.replace(/\/sent$/, "");
    await child.goto("/");
    const before = await newsLinks(child);

    const worker = await asUser(browser, DEMO.caseworker, { javaScript });
    await worker.getByRole("link", { name: words }).click();
    await worker.getByLabel("Your reply (the sender reads it)").fill(replyWords);
    await worker.getByRole("button", { name: "Send reply" }).click();
    await expect(worker.getByText("Your reply has been sent.")).toBeVisible();

    // On the child's home: a new item in "What's new", and a count in the header.
    await child.reload();
    await expect(child.locator("header .header-news .news-tag")).toHaveText(/\d/);
    const item = await newReplyItem(child, before, path);
    await item.click();
    await expect(child).toHaveURL(new RegExp(`${path}$`));
    const thread = child.locator("ol.thread > li");
    await expect(thread.nth(1)).toContainText(replyWords);
    await checkAccessible(child);

    await child.getByLabel("Your answer", { exact: true }).fill(answerWords);
    await child.getByLabel("Add files (you can leave this out)").setInputFiles({
      name: "timetable.png", mimeType: "image/png",
      buffer: await sharp({ create: { width: 48, height: 32, channels: 3, background: "#2e7d32" } }).png().toBuffer(),
    });
    await child.getByRole("button", { name: "Send answer" }).click();
    await expect(child.getByText("Your answer has been sent.")).toBeVisible();
    // The whole thread in order, with who wrote each message.
    await expect(thread).toHaveCount(3);
    await expect(thread.nth(0)).toContainText(/^You wrote on/);
    await expect(thread.nth(0)).toContainText(words);
    await expect(thread.nth(1)).toContainText(/^Jasmine Patel replied on/);
    await expect(thread.nth(2)).toContainText(/^You answered on/);
    await expect(thread.nth(2)).toContainText(answerWords);
    await expect(thread.nth(2).getByRole("link", { name: "Download the file “timetable.png”" })).toBeVisible();
    await expect(child.getByText(/^Your worker should reply by \w+day,? \d+ \w+ \d{4}\.$/)).toBeVisible();
    if (javaScript) {
      await expectAccessible(child);
      await expectNoHorizontalScroll(child);
      await lookInBothLanguages(child, testInfo.outputPath.bind(testInfo));
    }

    // The caseworker's inbox shows the answer waiting, with when a reply is due; the thread reads the same.
    await worker.goto("/");
    const inbox = worker.locator("section[aria-labelledby='inbox-heading']");
    const card = inbox.locator(".entry-card", { hasText: words });
    await expect(card.locator(".tag", { hasText: /^New answer: reply by \w+day,? \d+ \w+ \d{4}$/ })).toBeVisible();
    await expect(worker.locator(".task-counts")).toContainText(/\d+ answers? to (a view or message|views and messages), to reply to/);
    await checkAccessible(worker);
    await card.getByRole("link", { name: words }).click();
    await expect(worker.locator("ol.thread > li").nth(2)).toContainText(/^Amira answered on/);
    await expect(worker.locator("ol.thread > li").nth(2)).toContainText(answerWords);
    await expect(worker.getByText(/^New answer: reply by/)).toBeVisible();
  });
}

/** The thread page on a phone, in English and in Urdu (right to left), kept as pictures to look at. */
async function lookInBothLanguages(page: Page, outputPath: (name: string) => string) {
  await page.screenshot({ path: outputPath("conversation-en.png"), fullPage: true });
  await chooseLanguage(page, "ur");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { name: "گفتگو" })).toBeVisible();
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: outputPath("conversation-ur.png"), fullPage: true });
  await chooseLanguage(page, "en");
}
