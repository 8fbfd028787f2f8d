import { createHash } from "node:crypto";

/** Usernames are compared trimmed and lower-cased, at sign-in and when accounts are made. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

// Letters, digits and . _ - ; starts with a letter or digit. Keeps usernames safe to show and type.
const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;

export function isValidUsername(normalized: string): boolean {
  return USERNAME_PATTERN.test(normalized);
}

/**
 * The throttle key for a username: a hash, so the throttle table does not hold usernames
 * (including mistyped passwords people enter as usernames) in clear.
 */
export function usernameKey(normalized: string): string {
  return createHash("sha256").update(`login:${normalized}`).digest("hex");
}
