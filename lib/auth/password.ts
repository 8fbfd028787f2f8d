import { hash, verify, type Algorithm, type Options } from "@node-rs/argon2";
import type { Role } from "../db/generated/enums.ts";
import { isStaff } from "../access/index.ts";
import { Invalid } from "../errors/index.ts";
import { isCommonPassword } from "./common-passwords.ts";

// `Algorithm` is a const enum in the package's types and an empty object at runtime, so under
// isolatedModules we spell Argon2id's value out (the hash prefix is checked by a unit test).
const ARGON2ID = 2 as Algorithm;

// OWASP Password Storage Cheat Sheet: argon2id, 19 MiB, 2 passes, 1 lane.
export const HASH_OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const satisfies Options;

// A hash of a random, forgotten string made with HASH_OPTIONS. Sign-in verifies against it when
// the account is missing or disabled, so those answers take as long as a wrong password.
// A unit test checks its parameters still equal HASH_OPTIONS.
export const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$bCrDFnsGBT5f0yrQRemzug$dRVJSq/nb6hPtCdjkWzOgEndy6bqAlMPiMtl6mYA/io";

export const STAFF_MIN_LENGTH = 12;
export const FAMILY_MIN_LENGTH = 10;
// Long enough for any passphrase; the cap stops huge inputs being hashed on purpose.
export const MAX_LENGTH = 256;

export type PasswordProblem = "password.tooShort" | "password.tooLong" | "password.hasUsername" | "password.common";

// A username this long or longer may not appear anywhere in the password; a shorter one (two
// letters, say) only may not be the whole password, or too many good passwords would be refused.
const USERNAME_INSIDE_MIN = 3;

export function hashPassword(password: string): Promise<string> {
  return hash(password, HASH_OPTIONS);
}

/** False for a wrong password and for a malformed stored hash (never throws on bad input). */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/** Spends the same time as a real check, for accounts that do not exist or cannot sign in. */
export async function verifyDummy(password: string): Promise<false> {
  await verifyPassword(DUMMY_HASH, password);
  return false;
}

export function minPasswordLength(role: Role): number {
  return isStaff(role) ? STAFF_MIN_LENGTH : FAMILY_MIN_LENGTH;
}

/**
 * The one password rule, for every place a password is set. Returns a message key when the
 * password breaks it, otherwise null: at least 12 characters for staff and 10 for families (so
 * children can use it), at most MAX_LENGTH, not on the shipped list of common and breached
 * passwords (for everyone), and, when the username is given, neither the username nor
 * containing it (ignoring case).
 */
export function checkPasswordPolicy(role: Role, password: string, context: { username?: string } = {}): PasswordProblem | null {
  // Count characters, not UTF-16 units, so an emoji is one character like anything else.
  const length = [...password].length;
  if (length < minPasswordLength(role)) return "password.tooShort";
  if (length > MAX_LENGTH) return "password.tooLong";
  if (context.username && containsUsername(password, context.username)) return "password.hasUsername";
  if (isCommonPassword(password)) return "password.common";
  return null;
}

function containsUsername(password: string, username: string): boolean {
  const p = password.toLowerCase();
  const u = username.trim().toLowerCase();
  if (!u) return false;
  return u.length >= USERNAME_INSIDE_MIN ? p.includes(u) : p.trim() === u;
}

// Each problem as a message key in locales/*/account.json; "too short" names the role's minimum.
const MESSAGES: Record<PasswordProblem, (role: Role) => { key: string; text: string }> = {
  "password.tooShort": (role) => ({
    key: isStaff(role) ? "account:password.tooShortStaff" : "account:password.tooShortFamily",
    text: `Password too short: ${role} accounts need at least ${minPasswordLength(role)} characters`,
  }),
  "password.tooLong": () => ({ key: "account:password.tooLong", text: `Password too long: at most ${MAX_LENGTH} characters` }),
  "password.hasUsername": () => ({ key: "account:password.hasUsername", text: "The password is, or contains, the username" }),
  "password.common": () => ({ key: "account:password.common", text: "That password is on the list of common and breached passwords" }),
};

/** checkPasswordPolicy, throwing Invalid against the field `path` when the password breaks it. */
export function assertPasswordAllowed(role: Role, password: string, opts: { username?: string; path?: string } = {}): void {
  const problem = checkPasswordPolicy(role, password, { username: opts.username });
  if (!problem) return;
  const { key, text } = MESSAGES[problem](role);
  throw new Invalid(text, [{ path: opts.path ?? "password", message: key }]);
}
