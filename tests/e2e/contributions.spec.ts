import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { asUser, closeUserContexts, DEMO, expectAccessible, expectNoHorizontalScroll, openRecord, signIn } from "./helpers.ts";

test.afterEach(closeUserContexts);

// "My voice" in the browser: a child sends a view with a photo of a certificate; the caseworker
// finds it, opens the photo (no camera data left), replies and adds it to the record; the child
// follows it to the end. Also a parent's, an advocate's (in Urdu) and the same with JavaScript off.

const tag = () => randomBytes(3).toString("hex");

async function photoWithCameraData(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: "#d4a017" } })
    .jpeg()
    .withExif({ IFD0: { Make: "PhoneMaker", Model: "Phone 9", Copyright: "Amira" } })
    .toBuffer();
}

test("a child sends a view with a photo; the caseworker opens, replies and adds it; the child follows it", async ({ browser }) => {
  const words = `My swimming certificate ${tag()}`;
  const child = await asUser(browser, DEMO.child);
  await openRecord(child, "Amira");
  await child.getByRole("link", { name: "Add your views" }).first().click();
  await expectAccessible(child);
  await child.getByLabel("Something I'm proud of").check();
  await child.getByLabel("Write it here").fill(words);
  await child.getByLabel("Add files (you can leave this out)").setInputFiles({ name: "certificate.jpg", mimeType: "image/jpeg", buffer: await photoWithCameraData() });
  await child.getByRole("button", { name: "Send", exact: true }).click();
  await expect(child.getByRole("heading", { name: "Sent" })).toBeVisible();
  await expect(child.getByText(/They should answer by \w+day,? \d+ \w+ \d{4}/)).toBeVisible();
  await expect(child.getByRole("heading", { name: "What happens next" })).toBeVisible();
  await expectAccessible(child);
  await expectNoHorizontalScroll(child);

  const worker = await asUser(browser, DEMO.caseworker);
  await expect(worker.getByRole("heading", { name: /Views and messages/ })).toBeVisible();
  await worker.getByRole("link", { name: words }).click();
  await expect(worker.getByRole("heading", { name: "Something I'm proud of" })).toBeVisible();
  await expectAccessible(worker);
  const photoLink = worker.getByRole("link", { name: "Download the file “certificate.jpg”" });
  const photo = await worker.request.get((await photoLink.getAttribute("href"))!);
  expect(photo.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect(photo.headers()["x-content-type-options"]).toBe("nosniff");
  expect(photo.headers()["cache-control"]).toContain("no-store");
  const meta = await sharp(await photo.body()).metadata();
  expect(meta.format).toBe("jpeg");
  expect(meta.exif).toBeUndefined();
  await worker.getByLabel("Your reply (the sender reads it)").fill("Well done! I'll put it in your record.");
  await worker.getByRole("button", { name: "Send reply" }).click();
  await expect(worker.getByText("Your reply has been sent.")).toBeVisible();
  await worker.getByRole("button", { name: "Add to the record" }).click();
  await expect(worker.getByText("Added to the record.", { exact: true })).toBeVisible();

  await child.goto(child.url().replace(/\/[0-9a-f-]{36}\/sent$/, ""));
  await child.getByRole("link", { name: words }).click();
  await expect(child.getByRole("heading", { level: 1, name: "Something I'm proud of" })).toBeVisible();
  await expect(child.locator(".tag", { hasText: "Added to the record" })).toBeVisible();
  await expect(child.getByText("Well done! I'll put it in your record.")).toBeVisible();
  await expectAccessible(child);
  await child.getByRole("link", { name: "Read it in the record" }).click();
  await expect(child.getByText("In their own words")).toBeVisible();
  await expect(child.getByText(words).first()).toBeVisible();
});

test("a wish sent with a photo stays on My things once it is added to the record, linked to its entry", async ({ browser }) => {
  const words = `I wish I could join the swimming club ${tag()}`;
  const child = await asUser(browser, DEMO.child);
  await openRecord(child, "Amira");
  await child.getByRole("link", { name: "Add your views" }).first().click();
  await child.getByLabel("My wishes").check();
  await child.getByLabel("Write it here").fill(words);
  await child.getByLabel("Add files (you can leave this out)").setInputFiles({ name: "pool.jpg", mimeType: "image/jpeg", buffer: await photoWithCameraData() });
  await child.getByRole("button", { name: "Send", exact: true }).click();
  await expect(child.getByRole("heading", { name: "Sent" })).toBeVisible();
  const recordUrl = child.url().replace(/\/contributions\/[0-9a-f-]{36}\/sent$/, "");

  const worker = await asUser(browser, DEMO.caseworker);
  await worker.getByRole("link", { name: words }).click();
  await worker.getByRole("button", { name: "Add to the record" }).click();
  await expect(worker.getByText("Added to the record.", { exact: true })).toBeVisible();

  await child.goto(`${recordUrl}/things`);
  const card = child.locator(".card", { hasText: words });
  await expect(card.getByRole("link", { name: "Download the file “pool.jpg”" })).toBeVisible();
  await expect(card).toContainText("Your worker added this to your record.");
  await card.getByRole("link", { name: "Read it in the record" }).click();
  await expect(child.getByText(words).first()).toBeVisible();
});

test("a parent's view stays between them and the caseworker unless they choose", async ({ browser }) => {
  // Markup and a markdown link stay words on the page: nothing in a contribution becomes live.
  const words = `Please call me before visits <b>first</b> [see](javascript:alert(1)) ${tag()}`;
  const parent = await asUser(browser, DEMO.parent);
  await openRecord(parent, "Amira");
  await parent.getByRole("link", { name: "Add your views" }).first().click();
  await parent.getByRole("button", { name: "Send", exact: true }).click();
  await expect(parent.getByText("Choose what you want to add.").first()).toBeVisible();
  await parent.getByLabel("My wishes").check();
  await parent.getByLabel("Write it here").fill(words);
  // Kept as a draft first: her home says it waits for her (by Amira's name), and leads back to it.
  await parent.getByRole("button", { name: "Save as a draft" }).click();
  await expect(parent.getByText("Your draft is saved. You can finish it later.")).toBeVisible();
  await parent.goto("/");
  const draft = parent.getByRole("region", { name: "Waiting for you" }).getByRole("link", { name: "Finish what you started writing about Amira, and send it when you are ready" }).first();
  await expect(draft).toBeVisible();
  await expectAccessible(parent);
  await draft.click();
  await expect(parent.getByLabel("Write it here")).toHaveValue(words);
  await parent.getByRole("button", { name: "Send", exact: true }).click();
  await expect(parent.getByRole("heading", { name: "Sent" })).toBeVisible();
  await parent.getByRole("link", { name: "See what you've sent" }).click();
  await parent.getByRole("link", { name: words }).click();
  await expect(parent.locator(".message-text", { hasText: words })).toBeVisible();
  await expect(parent.locator("main b, main a[href^='javascript']")).toHaveCount(0);

  const child = await asUser(browser, DEMO.child);
  await openRecord(child, "Amira");
  await child.getByRole("link", { name: "Your views and messages" }).click();
  await expect(child.getByText(words)).toHaveCount(0);
});

test("an advocate writes for the child in Urdu; the child sees who helped", async ({ browser }) => {
  const words = `میں اسکول بدلنا نہیں چاہتی ${tag()}`;
  const advocate = await asUser(browser, DEMO.advocate, { language: "ur" });
  await advocate.locator(".records-list a").first().click();
  await advocate.getByRole("link", { name: "اپنی رائے شامل کریں" }).first().click();
  await expectAccessible(advocate);
  await expectNoHorizontalScroll(advocate);
  await advocate.getByLabel("میری خواہشات").check();
  await advocate.getByLabel("یہاں لکھیں").fill(words);
  await advocate.getByRole("button", { name: "بھیجیں", exact: true }).click();
  await expect(advocate.getByRole("heading", { name: "بھیج دیا گیا" })).toBeVisible();

  const child = await asUser(browser, DEMO.child);
  await openRecord(child, "Amira");
  await child.getByRole("link", { name: "Your views and messages" }).click();
  await child.getByRole("link", { name: words }).click();
  await expect(child.getByText(/Written with help from/)).toBeVisible();
});

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("a child saves a draft, finishes it, sends it and takes it back before it is opened", async ({ page }) => {
    const words = `Draft about my room ${tag()}`;
    await signIn(page, DEMO.child, "en");
    await openRecord(page, "Amira");
    await page.getByRole("link", { name: "Add your views" }).first().click();
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await expect(page.getByText("Choose what you want to add.").first()).toBeVisible();
    await page.getByLabel("How I feel").check();
    await page.getByLabel("Write it here").fill(words);
    await page.getByRole("button", { name: "Save as a draft" }).click();
    await expect(page.getByText("Your draft is saved. You can finish it later.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Finish this draft" }).first()).toBeVisible();
    // The home says it waits for her, and leads back to it.
    await page.goto("/");
    const waiting = page.getByRole("region", { name: "Waiting for you" });
    await waiting.getByRole("link", { name: "Finish what you started writing, and send it when you are ready" }).first().click();
    await expect(page.getByLabel("Write it here")).toHaveValue(words);
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Sent" })).toBeVisible();
    await page.getByRole("link", { name: "See what you've sent" }).click();
    await page.getByRole("link", { name: words }).click();
    await page.getByRole("button", { name: "Take it back" }).click();
    // Nothing is taken back until the page that says what it means is confirmed.
    await expect(page.getByRole("heading", { level: 1, name: "Take this message back?" })).toBeVisible();
    await page.getByRole("link", { name: "No, keep it" }).click();
    await expect(page.locator(".tag", { hasText: "Sent" })).toBeVisible();
    await page.getByRole("button", { name: "Take it back" }).click();
    await page.getByRole("button", { name: "Yes, take it back" }).click();
    await expect(page.getByText(/Taken back on/)).toBeVisible();
    await expect(page.locator(".tag", { hasText: "Taken back" })).toBeVisible();
  });
});
