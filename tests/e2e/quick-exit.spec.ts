import { expect, request, test, type BrowserContext, type Page } from "@playwright/test";
import { chooseLanguage, DEMO, openRecord } from "./helpers.ts";

// Quick exit must leave nothing signed in behind: not the page (Back), and not the session (a copy
// of the cookie). Once with JavaScript (beacon, then the page is replaced) and once without (an
// ordinary link to a route that ends the session and redirects).

const WEATHER = /bbc\.co\.uk\/weather/;

async function fakeWeather(context: BrowserContext) {
  await context.route("https://www.bbc.co.uk/**", (route) => route.fulfill({ contentType: "text/html", body: "<title>Weather</title><h1>Weather</h1>" }));
}

async function signInEnglish(page: Page) {
  await page.goto("/signin");
  await page.getByLabel("Username").fill(DEMO.child.username);
  await page.getByLabel("Password").fill(DEMO.child.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/$/);
  if ((await page.locator("html").getAttribute("lang")) !== "en") {
    await chooseLanguage(page, "en");
  }
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
}

/** Whether the cookies the browser had before quick exit still open the record. */
async function oldCookiesStillWork(baseURL: string, cookies: { name: string; value: string }[], recordUrl: string): Promise<boolean> {
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; ") } });
  try {
    const response = await api.get(recordUrl, { maxRedirects: 0 });
    return response.status() === 200;
  } finally {
    await api.dispose();
  }
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`with JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("quick exit ends the session: Back and the old cookie find no one signed in", async ({ page, context, baseURL }) => {
      await fakeWeather(context);
      await signInEnglish(page);
      await openRecord(page, "Amira");
      const recordUrl = new URL(page.url()).pathname;
      const cookies = await context.cookies();
      expect(await oldCookiesStillWork(baseURL!, cookies, recordUrl)).toBe(true);

      await page.getByRole("link", { name: /Quick exit/ }).click();
      await expect(page).toHaveURL(WEATHER);
      await expect.poll(() => oldCookiesStillWork(baseURL!, cookies, recordUrl)).toBe(false);

      await page.goBack();
      await expect(page.getByLabel("Username")).toBeVisible();
      await expect(page).not.toHaveURL(/\/records\//);
      await expect(page.locator("main")).not.toContainText("Amira");
    });
  });
}
