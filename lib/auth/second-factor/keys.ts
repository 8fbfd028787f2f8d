import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "../../env.ts";

// Keys for the second factor, derived (HKDF-SHA-256) from NEXTAUTH_SECRET, one per purpose, so
// none is ever stored: a copy of the database alone reveals no authenticator secret, recovery
// code or trusted-browser cookie. Changing NEXTAUTH_SECRET makes stored secrets unreadable: an
// admin then resets each person's second factor (README, "Second factor").
type Purpose = "totp-secret" | "recovery-code" | "trusted-browser";

const keys = new Map<string, Buffer>();

function keyFor(purpose: Purpose): Buffer {
  const secret = env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set (npm start generates one in DATA_DIR).");
  const id = `${purpose}\n${secret}`;
  let key = keys.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, "record-together", `second-factor:${purpose}`, 32));
    keys.set(id, key);
  }
  return key;
}

/** AES-256-GCM: "v1.<iv>.<tag>.<ciphertext>", base64url. */
export function seal(text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor("totp-secret"), iv);
  const data = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), data].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

/** The text `seal` sealed; throws if it was changed or sealed with another key. */
export function unseal(sealed: string): string {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || data === undefined) throw new Error("Not a sealed value");
  const decipher = createDecipheriv("aes-256-gcm", keyFor("totp-secret"), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

/** HMAC-SHA-256 with the purpose's key, hex. */
export function keyedHash(purpose: Exclude<Purpose, "totp-secret">, text: string): string {
  return createHmac("sha256", keyFor(purpose)).update(text).digest("hex");
}

/** Compares two strings in time that does not depend on where they differ. */
export function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
