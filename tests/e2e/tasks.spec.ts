import { expect, test } from "@playwright/test";
import { asUser, chooseLanguage, closeUserContexts, DEMO, expectAccessible, expectNoHorizontalScroll } from "./helpers.ts";

test.afterEach(closeUserContexts);

// The caseworker's home opens on their tasks: soonest due first, overdue ones tagged, counted by
// kind, each a link to where it is done. Families and managers have no such list.

test("the caseworker's home lists their tasks in due order, overdue tagged, on a phone and in Urdu", async ({ browser }) => {
  const worker = await asUser(browser, DEMO.caseworker);
  const tasks = worker.locator("section", { has: worker.getByRole("heading", { name: /^Your tasks/ }) });
  await expect(tasks).toBeVisible();
  const due = await tasks.locator("ol.task-list time").evaluateAll((els) => els.map((e) => e.getAttribute("datetime") ?? ""));
  expect(due.length).toBeGreaterThan(0);
  expect(due).toEqual([...due].sort());
  // Amira's latest case summary (29 May 2026) is more than 3 months old.
  const summary = tasks.locator(".entry-card", { hasText: "Case summary" }).filter({ hasText: "For Amira" });
  await expect(summary.locator(".tag-overdue")).toBeVisible();
  await expect(tasks.locator(".task-counts")).toContainText(/\d+ case summar(y|ies) due/);
  await expectAccessible(worker);
  await expectNoHorizontalScroll(worker);
  // Summaries come from the case system: the task says so and opens the latest one.
  await expect(summary.getByRole("link")).toHaveText("Case summary is more than 3 months old: it comes from the case system");
  await summary.getByRole("link").click();
  await expect(worker).toHaveURL(/\/records\/[0-9a-f-]{36}\/entries\/[0-9a-f-]{36}$/);
  await expect(worker.getByRole("heading", { level: 1 })).toHaveText(/^Case summary/);

  // The manager counts Jasmine's work from the same list: every kind, the same numbers. Other
  // browser tests change her work meanwhile, so both pages are read again until they agree.
  const manager = await asUser(browser, DEMO.manager);
  const load = manager.locator("section", { has: manager.getByRole("heading", { name: /^What your team has due/ }) }).locator(".entry-card", { has: manager.getByRole("heading", { name: "Jasmine Patel" }) });
  await expect.poll(async () => {
    await Promise.all([worker.goto("/"), manager.goto("/")]);
    const own = await tasks.locator(".task-counts li").allTextContents();
    const counted = (await load.locator("li").allTextContents()).filter((l) => !/written up late/.test(l)).map((l) => l.replace(/ \(\d+ overdue\)$/, ""));
    return own.length > 0 && JSON.stringify(own) === JSON.stringify(counted) ? "same" : `${own.join("; ")} <> ${counted.join("; ")}`;
  }, { timeout: 40_000 }).toBe("same");
  await manager.context().close();

  const urdu = await asUser(browser, DEMO.caseworker, { language: "ur" });
  await expect(urdu.getByRole("heading", { name: /^آپ کے کام/ })).toBeVisible();
  await expectAccessible(urdu);
  await expectNoHorizontalScroll(urdu);
  await chooseLanguage(urdu, "en");
  await expect(urdu.locator("html")).toHaveAttribute("lang", "en");

  for (const who of [DEMO.child, DEMO.parent, DEMO.manager]) {
    const page = await asUser(browser, who);
    await expect(page.getByRole("heading", { name: /^Your tasks/ })).toHaveCount(0);
    await page.context().close();
  }
});

test("the manager's home shows the team's work per caseworker, soonest due first, with each item linked", async ({ browser }) => {
  const manager = await asUser(browser, DEMO.manager);
  const team = manager.locator("section", { has: manager.getByRole("heading", { name: /^What your team has due/ }) });
  await expect(team).toBeVisible();
  await expect(team.locator(".entry-card", { hasText: "Jasmine Patel" }).first()).toContainText(/restriction review/);
  const due = await team.locator("ol.task-list time").evaluateAll((els) => els.map((e) => e.getAttribute("datetime") ?? ""));
  expect(due.length).toBeGreaterThan(0);
  expect(due).toEqual([...due].sort());
  await expectAccessible(manager);
  await expectNoHorizontalScroll(manager);
  await team.locator("ol.task-list .entry-card").first().getByRole("link").click();
  await expect(manager).toHaveURL(/\/records\/[0-9a-f-]{36}/);

  const urdu = await asUser(browser, DEMO.manager, { language: "ur" });
  await expect(urdu.getByRole("heading", { name: /^آپ کی ٹیم کے واجب کام/ })).toBeVisible();
  await expectAccessible(urdu);
  await expectNoHorizontalScroll(urdu);
  await chooseLanguage(urdu, "en");
  await expect(urdu.locator("html")).toHaveAttribute("lang", "en");
});
