import { describe, expect, it } from "vitest";
import { Role } from "../../lib/db/generated/enums.ts";
import { readerOf } from "../../lib/access/reader.ts";

// The one rule for whose words a record page speaks in, written out by hand for every role.
describe("readerOf", () => {
  const expected: Record<Role, string> = {
    child: "child",
    advocate: "child",
    parent: "family",
    carer: "family",
    caseworker: "staff",
    manager: "staff",
    admin: "staff",
    translator: "staff",
  };
  for (const role of Object.values(Role)) {
    it(`${role} reads ${expected[role]} words`, () => {
      expect(readerOf({ userId: "u", role, displayName: "Someone" })).toBe(expected[role]);
    });
  }
});
