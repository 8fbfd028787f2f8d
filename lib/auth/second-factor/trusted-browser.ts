import { HOUR } from "../../clock.ts";
import { keyedHash, sameText } from "./keys.ts";

// "Trust this browser for 30 days": after a right code, a signed cookie lets the same person skip
// the code on this browser. It names the person and a fingerprint of their factor and password,
// so setting up a new factor (an admin's reset) or changing the password ends every trust given
// before. Opt-in, never on by default (shared computers); the cookie is HttpOnly.
export const TRUST_MS = 30 * 24 * HOUR;
export const TRUSTED_BROWSER_COOKIE = "rt.trusted";

/** Changes whenever the factor's secret or the password changes. */
export function trustFingerprint(factor: { secret: string }, passwordHash: string): string {
  return keyedHash("trusted-browser", `fingerprint\n${factor.secret}\n${passwordHash}`).slice(0, 32);
}

export function trustToken(input: { userId: string; fingerprint: string; now: Date }): string {
  const body = Buffer.from(JSON.stringify({ u: input.userId, f: input.fingerprint, e: input.now.getTime() + TRUST_MS })).toString("base64url");
  return `${body}.${keyedHash("trusted-browser", `token\n${body}`)}`;
}

/** Whether a cookie's token trusts this browser for this person and this factor and password now. */
export function trustTokenValid(token: string | undefined, input: { userId: string; fingerprint: string; now: Date }): boolean {
  if (!token) return false;
  const [body, mac] = token.split(".");
  if (!body || !mac || !sameText(mac, keyedHash("trusted-browser", `token\n${body}`))) return false;
  try {
    const claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as { u?: unknown; f?: unknown; e?: unknown };
    return claims.u === input.userId && claims.f === input.fingerprint && typeof claims.e === "number" && claims.e > input.now.getTime();
  } catch {
    return false;
  }
}
