import { expect, test } from "@playwright/test";
import { asUser, closeUserContexts, DEMO, expectAccessible, expectNoHorizontalScroll, openMoreChoices, openRecord } from "./helpers.ts";

test.afterEach(closeUserContexts);

// A translation written in the portal (issue 10): Amira asks for an entry in Urdu, her caseworker
// writes it, a second person (the manager) checks it, and only then does Amira read it. Each
// journey uses its own demo entry, which no other test reads in Urdu.

for (const javaScript of [true, false]) {
  const title = javaScript ? "Chronology to February 2026" : "Family time with dad at the family centre";
  test(`two people: the caseworker writes a translation, the manager checks it, then the child reads it (JavaScript ${javaScript ? "on" : "off"})`, async ({ browser }) => {
    const amira = await asUser(browser, DEMO.child, { language: "ur" });
    await openRecord(amira, "Amira");
    await amira.locator("main").getByRole("link", { name: title, exact: true }).click();
    const url = amira.url();
    await amira.locator(".translation-box button").click();
    await expect(amira.locator(".translation-box [role=status]")).toBeVisible();

    const worker = await asUser(browser, DEMO.caseworker, { javaScript });
    await worker.goto(url);
    await worker.getByRole("link", { name: "Add a translation into اردو (Urdu)" }).click();
    await expect(worker.getByRole("heading", { level: 1 })).toHaveText("Translate into اردو (Urdu)");
    await expect(worker.getByLabel("Who translated it")).toHaveValue("Jasmine Patel");
    // Every part is needed: the refusal says so and keeps what was typed.
    await worker.getByLabel("Title").fill("وقت کی ترتیب");
    await worker.getByRole("button", { name: "Send for checking" }).click();
    await expect(worker.locator(".error-message").first()).toHaveText("Fill in this part");
    await expect(worker.getByLabel("Title")).toHaveValue("وقت کی ترتیب");
    const parts = worker.getByLabel(/^Part \d+/);
    for (let i = 0; i < (await parts.count()); i++) await parts.nth(i).fill(`حصہ ${i + 1} کا ترجمہ۔`);
    if (javaScript) {
      await expectAccessible(worker);
      await expectNoHorizontalScroll(worker);
    }
    await worker.getByRole("button", { name: "Send for checking" }).click();
    await expect(worker.locator(".alert-info")).toContainText("sent for checking");
    await expect(worker.locator("section.staff-entry")).toContainText("You sent this translation, so someone else must check it.");

    // Not shown to Amira until it is checked.
    await amira.reload();
    await expect(amira.locator("h1")).toHaveText(title);

    const manager = await asUser(browser, DEMO.manager, { javaScript });
    await manager.goto(url);
    await manager.getByRole("link", { name: /^Check the .* translation$/ }).click();
    await expect(manager.getByRole("heading", { level: 1 })).toHaveText("Check the اردو (Urdu) translation");
    await expect(manager.locator("main")).toContainText("حصہ 1 کا ترجمہ۔");
    if (javaScript) await expectAccessible(manager);
    await manager.getByLabel("Yes, readers can see it now").check();
    await manager.getByRole("button", { name: "Save my check" }).click();
    await expect(manager.locator(".alert-info")).toContainText("readers can now see it");

    await amira.reload();
    await expect(amira.locator("h1")).toHaveText("وقت کی ترتیب");
    await expect(amira.locator(".translation-box")).toContainText("Jasmine Patel");
    await expect(amira.locator(".translation-box")).toContainText("Mark Mensah");
    if (javaScript) {
      await expectAccessible(amira);
      await expectNoHorizontalScroll(amira);
    }
  });
}

test("families cannot reach the translation pages", async ({ browser }) => {
  const worker = await asUser(browser, DEMO.caseworker);
  await openRecord(worker, "Amira");
  await worker.locator("main").getByRole("link", { name: "Amira chose an advocate", exact: true }).click();
  await worker.getByRole("link", { name: "Add a translation into اردو (Urdu)" }).click();
  await expect(worker.getByRole("heading", { level: 1 })).toHaveText("Translate into اردو (Urdu)");
  const url = worker.url();
  for (const who of [DEMO.child, DEMO.parent, DEMO.advocate]) {
    const page = await asUser(browser, who);
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("We can't find that page");
    await page.goto(url.replace(/\/translate\?.*$/, "/translations/00000000-0000-4000-8000-000000000000"));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("We can't find that page");
  }
});

test("a translator sees only the entry asked for, translates it for a caseworker to check, and the look is on the child's list", async ({ browser }) => {
  const title = "Child protection plan";
  const sana = await asUser(browser, DEMO.parent, { language: "ur" });
  await openRecord(sana, "Amira");
  await sana.locator("main").getByRole("link", { name: title, exact: true }).click();
  const url = sana.url();
  await sana.locator(".translation-box button").click();
  await expect(sana.locator(".translation-box [role=status]")).toBeVisible();

  const translator = await asUser(browser, DEMO.translator);
  await expect(translator.getByRole("heading", { level: 1 })).toHaveText("Your translations, Farah Ali");
  // No records list, and no child's name on the work.
  await expect(translator.locator(".records-list")).toHaveCount(0);
  const item = translator.locator(".entry-card", { hasText: "Translation" }).filter({ hasText: title });
  await expect(item).not.toContainText("For Amira");
  await expectAccessible(translator);
  await item.getByRole("link", { name: title }).click();
  await expect(translator.getByRole("heading", { level: 1 })).toHaveText("Translate into اردو (Urdu)");
  await translator.getByLabel("Who translated it").fill("Farah Ali");
  await translator.getByLabel("Title").fill("بچے کے تحفظ کا منصوبہ");
  const parts = translator.getByLabel(/^Part \d+/);
  for (let i = 0; i < (await parts.count()); i++) await parts.nth(i).fill(`حصہ ${i + 1}۔`);
  const form = translator.url();
  await translator.getByRole("button", { name: "Send for checking" }).click();
  await expect(translator.locator(".alert-info")).toContainText("sent for checking");
  // Sent: off her list until it is checked (or sent back), and it reopens as she wrote it.
  await expect(translator.locator(".entry-card", { hasText: title })).toHaveCount(0);
  await translator.goto(form);
  await expect(translator.locator("main")).toContainText("Sent: waiting for a check");
  await expect(translator.locator("main")).toContainText("بچے کے تحفظ کا منصوبہ");
  await expect(translator.getByRole("button", { name: "Send for checking" })).toHaveCount(0);
  await expectAccessible(translator);
  // The entry itself, and the record, are not theirs to open.
  await translator.goto(url);
  await expect(translator.getByRole("heading", { level: 1 })).toHaveText("We can't find that page");
  await translator.goto(url.replace(/\/entries\/.*$/, ""));
  await expect(translator.getByRole("heading", { level: 1 })).toHaveText("We can't find that page");

  const worker = await asUser(browser, DEMO.caseworker);
  await worker.goto(url);
  await worker.getByRole("link", { name: /^Check the .* translation$/ }).click();
  await worker.getByLabel("Yes, readers can see it now").check();
  await worker.getByRole("button", { name: "Save my check" }).click();
  await expect(worker.locator(".alert-info")).toContainText("readers can now see it");

  await sana.reload();
  await expect(sana.locator("h1")).toHaveText("بچے کے تحفظ کا منصوبہ");
  const amira = await asUser(browser, DEMO.child);
  await openRecord(amira, "Amira");
  await openMoreChoices(amira);
  await amira.getByRole("link", { name: "Who has looked" }).click();
  await expect(amira.locator("main")).toContainText("Farah Ali");
});

test("a caseworker sends an entry to the translators: it is on the translator's list", async ({ browser }) => {
  const title = "Family time plan";
  const worker = await asUser(browser, DEMO.caseworker);
  await openRecord(worker, "Kayden");
  await worker.locator("main").getByRole("link", { name: title, exact: true }).click();
  await worker.getByRole("button", { name: "Ask a translator to translate it into اردو (Urdu)" }).click();
  await expect(worker.locator(".alert-info")).toContainText("sent to the translators");
  await expect(worker.locator("section.staff-entry")).toContainText("translation has been asked for");
  // Asked for in Urdu: no button for Urdu any more; the portal's other languages can still be asked for.
  await expect(worker.getByRole("button", { name: "Ask a translator to translate it into اردو (Urdu)" })).toHaveCount(0);
  await expectAccessible(worker);

  const translator = await asUser(browser, DEMO.translator);
  const item = translator.locator(".entry-card", { hasText: "Translation" }).filter({ hasText: title });
  await expect(item).toHaveCount(1);
  await item.getByRole("link", { name: title }).click();
  await expect(translator.getByRole("heading", { level: 1 })).toHaveText("Translate into اردو (Urdu)");
});
