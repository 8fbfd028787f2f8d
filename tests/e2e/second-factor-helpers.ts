import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { generate } from "otplib";
import { DEMO_TOTP_SECRET } from "../../lib/accounts/demo-totp-secret.ts";

export const TRUSTED_COOKIE = "rt.trusted";

// Each server's "trust this browser" cookies, one per demo staff account, saved once by
// trusted-browsers.setup.ts: tests signing staff in then never type a code, so tests signing the
// same account in at once never present one code twice (which is refused).
const folder = path.resolve(import.meta.dirname, "../../test-results/.trusted-browsers");
const file = (baseUrl: string, username: string) => path.join(folder, `${new URL(baseUrl).port}-${username}.json`);

/** The code the app shows `offsetSteps` 30-second steps from now. */
export function totpCode(secret: string, offsetSteps = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSteps * 30 });
}

export async function saveTrustedCookie(page: Page, username: string) {
  const cookie = (await page.context().cookies()).find((c) => c.name === TRUSTED_COOKIE);
  if (!cookie) throw new Error(`no ${TRUSTED_COOKIE} cookie for ${username}`);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(file(page.url(), username), JSON.stringify(cookie));
}

/** Before signing in (the page is on this server): presents the saved cookie, if there is one. */
export async function presentTrustedCookie(page: Page, username: string) {
  const saved = file(page.url(), username);
  if (fs.existsSync(saved)) await page.context().addCookies([JSON.parse(fs.readFileSync(saved, "utf8"))]);
}

/**
 * On the code page: types the demo secret's code. A code another test has just used is refused,
 * so then the next step's (one step ahead is accepted). Each try waits for its own answer, however
 * long a loaded machine takes: the first is answered by leaving the page or by an error (there was
 * none before it); after a refusal the error stays on the page, so the second try's only answer
 * that counts is leaving, which the test's expectations wait for.
 */
export async function enterDemoCode(page: Page, opts: { trust?: boolean } = {}) {
  const left = (url: URL) => !url.pathname.startsWith("/signin/code");
  await submitCode(page, 0, opts);
  const refused = page.locator("#code-error");
  await expect.poll(async () => left(new URL(page.url())) || (await refused.isVisible())).toBe(true);
  if (left(new URL(page.url()))) return;
  await submitCode(page, 1, opts);
  await expect(page).toHaveURL(left);
}

async function submitCode(page: Page, offsetSteps: number, opts: { trust?: boolean }) {
  await page.locator("#code").fill(await totpCode(DEMO_TOTP_SECRET, offsetSteps));
  if (opts.trust) await page.locator("#trust").check();
  await page.locator("#code").press("Enter");
}
