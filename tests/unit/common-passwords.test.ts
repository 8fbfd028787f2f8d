import { describe, expect, it } from "vitest";
import type { Role } from "../../lib/db/generated/enums.ts";
import { commonPasswordCount, isCommonPassword } from "../../lib/auth/common-passwords.ts";
import { assertPasswordAllowed, checkPasswordPolicy, FAMILY_MIN_LENGTH, STAFF_MIN_LENGTH } from "../../lib/auth/password.ts";
import { Invalid } from "../../lib/errors/index.ts";
import en from "../../locales/en/account.json";
import { demoPasswords } from "../../lib/accounts/demo-accounts.ts";

const STAFF: Role[] = ["caseworker", "manager", "admin"];
const FAMILY: Role[] = ["child", "parent", "carer", "advocate"];

describe("the shipped list of common and breached passwords", () => {
  it("holds at least ten thousand passwords", () => {
    expect(commonPasswordCount()).toBeGreaterThanOrEqual(10_000);
  });

  it("matches ignoring case and surrounding spaces", () => {
    for (const p of ["password", "PASSWORD", "Qwerty123456", " iloveyou ", "1qaz2wsx3edc"]) expect(isCommonPassword(p)).toBe(true);
    expect(isCommonPassword("amber kettle lighthouse")).toBe(false);
  });

  it("refuses a common password of any length for staff and families alike", () => {
    for (const role of [...STAFF, ...FAMILY]) expect(checkPasswordPolicy(role, "Qwerty123456")).toBe("password.common");
    expect(checkPasswordPolicy("child", "1234567890")).toBe("password.common");
  });

  it("says 'too short' before 'common', so the shorter rule is the one explained", () => {
    expect(checkPasswordPolicy("caseworker", "password")).toBe("password.tooShort");
  });

  it("lets every demo account's public password through, so the demo still signs in", () => {
    for (const { role, password } of demoPasswords()) expect(checkPasswordPolicy(role, password)).toBeNull();
  });
});

describe("the username in a password", () => {
  it("refuses the username itself, or a password containing it, in any case", () => {
    expect(checkPasswordPolicy("caseworker", "kfernandes-2026", { username: "kfernandes" })).toBe("password.hasUsername");
    expect(checkPasswordPolicy("caseworker", "my KFernandes pass", { username: "kfernandes" })).toBe("password.hasUsername");
    expect(checkPasswordPolicy("child", "zaynabzaynab", { username: "zaynab" })).toBe("password.hasUsername");
    expect(checkPasswordPolicy("caseworker", "amber kettle lighthouse", { username: "kfernandes" })).toBeNull();
  });

  it("a two-letter username only may not be the whole password", () => {
    expect(checkPasswordPolicy("parent", "jo and the river", { username: "jo" })).toBeNull();
  });
});

describe("assertPasswordAllowed", () => {
  it("throws Invalid against the named field with a translated key", () => {
    const refusal = (() => {
      try {
        assertPasswordAllowed("manager", "qwerty123456", { path: "newPassword" });
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(Invalid);
    expect((refusal as Invalid).problems).toEqual([{ path: "newPassword", message: "account:password.common" }]);
  });

  it("the 'too short' messages name the minimums the rule uses", () => {
    expect(en.password.tooShortStaff).toContain(` ${STAFF_MIN_LENGTH} `);
    expect(en.password.tooShortFamily).toContain(` ${FAMILY_MIN_LENGTH} `);
  });
});
