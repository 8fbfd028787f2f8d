import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
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
 * so then the next step's (one step ahead is accepted).
 */
export async function enterDemoCode(page: Page, opts: { trust?: boolean } = {}) {
  for (const offset of [0, 1]) {
    await page.locator("#code").fill(await totpCode(DEMO_TOTP_SECRET, offset));
    if (opts.trust) await page.locator("#trust").check();
    await page.locator("#code").press("Enter");
    // Only leaving the page says it was accepted: after a refusal the error from the first try is
    // still on the page while the second is answered, so it cannot be told apart by the error.
    if (await page.waitForURL((url) => !url.pathname.startsWith("/signin/code"), { timeout: 15_000 }).then(() => true, () => false)) return;
  }
  throw new Error("the demo code was refused twice");
}
