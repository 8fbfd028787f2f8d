import { describe, expect, it } from "vitest";
import {
  checkPasswordPolicy,
  DUMMY_HASH,
  FAMILY_MIN_LENGTH,
  HASH_OPTIONS,
  hashPassword,
  MAX_LENGTH,
  minPasswordLength,
  STAFF_MIN_LENGTH,
  verifyDummy,
  verifyPassword,
} from "../../lib/auth/password.ts";
import { isValidUsername, normalizeUsername, usernameKey } from "../../lib/auth/username.ts";
import { newSessionToken, sessionRowId } from "../../lib/auth/session-token.ts";
import type { Role } from "../../lib/db/generated/enums.ts";

const PARAMS = `m=${HASH_OPTIONS.memoryCost},t=${HASH_OPTIONS.timeCost},p=${HASH_OPTIONS.parallelism}`;

describe("hashPassword", () => {
  it("makes an argon2id hash with the configured cost", async () => {
    const hash = await hashPassword("a long enough passphrase");
    expect(hash.startsWith(`$argon2id$v=19$${PARAMS}$`)).toBe(true);
    expect(hash).not.toContain("a long enough passphrase");
  });

  it("meets the OWASP minimum for argon2id (19 MiB, 2 passes)", () => {
    expect(HASH_OPTIONS.memoryCost).toBeGreaterThanOrEqual(19456);
    expect(HASH_OPTIONS.timeCost).toBeGreaterThanOrEqual(2);
  });

  it("salts every hash, so the same password hashes differently", async () => {
    const [a, b] = await Promise.all([hashPassword("same password here"), hashPassword("same password here")]);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, "same password here")).toBe(true);
    expect(await verifyPassword(b, "same password here")).toBe(true);
  });
});

describe("verifyPassword", () => {
  it("accepts the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(await verifyPassword(hash, "correct horse battery")).toBe(true);
    expect(await verifyPassword(hash, "correct horse batterY")).toBe(false);
    expect(await verifyPassword(hash, "correct horse battery ")).toBe(false);
    expect(await verifyPassword(hash, "")).toBe(false);
  });

  it("is false, never an exception, for a malformed stored hash", async () => {
    await expect(verifyPassword("not a hash", "whatever")).resolves.toBe(false);
    await expect(verifyPassword("", "whatever")).resolves.toBe(false);
    await expect(verifyPassword("$argon2id$v=19$m=19456,t=2,p=1$broken", "whatever")).resolves.toBe(false);
  });

  it("handles non-ASCII passwords", async () => {
    const hash = await hashPassword("پاس ورڈ بہت لمبا 🔑");
    expect(await verifyPassword(hash, "پاس ورڈ بہت لمبا 🔑")).toBe(true);
    expect(await verifyPassword(hash, "پاس ورڈ بہت لمبا")).toBe(false);
  });
});

describe("DUMMY_HASH", () => {
  it("uses exactly the parameters of real hashes, so a dummy check costs the same", () => {
    expect(DUMMY_HASH.startsWith(`$argon2id$v=19$${PARAMS}$`)).toBe(true);
  });

  it("never verifies, whatever the password", async () => {
    expect(await verifyDummy("")).toBe(false);
    expect(await verifyDummy("correct horse battery")).toBe(false);
  });
});

describe("password policy", () => {
  const staff: Role[] = ["caseworker", "manager", "admin"];
  const family: Role[] = ["child", "parent", "carer", "advocate"];

  it("needs at least 12 characters for staff", () => {
    expect(STAFF_MIN_LENGTH).toBeGreaterThanOrEqual(12);
    for (const role of staff) {
      expect(minPasswordLength(role)).toBe(STAFF_MIN_LENGTH);
      expect(checkPasswordPolicy(role, "x".repeat(STAFF_MIN_LENGTH - 1))).toBe("password.tooShort");
      expect(checkPasswordPolicy(role, "x".repeat(STAFF_MIN_LENGTH))).toBeNull();
    }
  });

  it("has its own minimum for family accounts, never below 8", () => {
    expect(FAMILY_MIN_LENGTH).toBeGreaterThanOrEqual(8);
    for (const role of family) {
      expect(minPasswordLength(role)).toBe(FAMILY_MIN_LENGTH);
      expect(checkPasswordPolicy(role, "x".repeat(FAMILY_MIN_LENGTH - 1))).toBe("password.tooShort");
      expect(checkPasswordPolicy(role, "x".repeat(FAMILY_MIN_LENGTH))).toBeNull();
    }
  });

  it("an 11-character password is fine for a parent but not for a caseworker", () => {
    expect(checkPasswordPolicy("parent", "abcdefghijk")).toBeNull();
    expect(checkPasswordPolicy("caseworker", "abcdefghijk")).toBe("password.tooShort");
  });

  it("counts characters, not UTF-16 units", () => {
    // Eleven emoji are 22 UTF-16 units but only 11 characters: still too short for staff.
    expect(checkPasswordPolicy("admin", "🔑".repeat(11))).toBe("password.tooShort");
    expect(checkPasswordPolicy("admin", "🔑".repeat(12))).toBeNull();
  });

  it("refuses passwords over the maximum length", () => {
    expect(checkPasswordPolicy("admin", "x".repeat(MAX_LENGTH))).toBeNull();
    expect(checkPasswordPolicy("admin", "x".repeat(MAX_LENGTH + 1))).toBe("password.tooLong");
    expect(checkPasswordPolicy("child", "x".repeat(MAX_LENGTH + 1))).toBe("password.tooLong");
  });

  it("an empty password is too short for every role", () => {
    for (const role of [...staff, ...family]) expect(checkPasswordPolicy(role, "")).toBe("password.tooShort");
  });
});

describe("usernames", () => {
  it("are compared trimmed and lower-cased", () => {
    expect(normalizeUsername("  JPatel ")).toBe("jpatel");
  });

  it("allow letters, digits, dots, underscores and hyphens, starting with a letter or digit", () => {
    for (const ok of ["ab", "j.patel", "j_patel-2", "9lives", "a".repeat(64)]) expect(isValidUsername(ok)).toBe(true);
    for (const bad of ["a", "", ".dot", "-x", "has space", "semi;colon", "a@b", "a".repeat(65), "ümlaut"]) {
      expect(isValidUsername(bad)).toBe(false);
    }
  });

  it("throttle keys are hashes, not the username, and differ per username", () => {
    const key = usernameKey("jpatel");
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(key).not.toContain("jpatel");
    expect(usernameKey("jpatel")).toBe(key);
    expect(usernameKey("jpatel2")).not.toBe(key);
  });
});

describe("session tokens", () => {
  it("are long and random, and the stored id is their hash", () => {
    const a = newSessionToken();
    const b = newSessionToken();
    expect(a).not.toBe(b);
    expect(Buffer.from(a, "base64url").length).toBe(32);
    expect(sessionRowId(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(sessionRowId(a)).not.toBe(a);
    expect(sessionRowId(a)).toBe(sessionRowId(a));
    expect(sessionRowId(a)).not.toBe(sessionRowId(b));
  });
});
