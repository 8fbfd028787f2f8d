import { hash, verify, type Algorithm, type Options } from "@node-rs/argon2";
import type { Role } from "../db/generated/enums.ts";
import { isStaff } from "../access/index.ts";

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

export type PasswordProblem = "password.tooShort" | "password.tooLong";

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

/** Returns a message key when the password breaks the policy for this role, otherwise null. */
export function checkPasswordPolicy(role: Role, password: string): PasswordProblem | null {
  // Count characters, not UTF-16 units, so an emoji is one character like anything else.
  const length = [...password].length;
  if (length < minPasswordLength(role)) return "password.tooShort";
  if (length > MAX_LENGTH) return "password.tooLong";
  return null;
}
