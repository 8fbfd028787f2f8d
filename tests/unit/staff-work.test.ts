import { describe, expect, it } from "vitest";
import { Role } from "../../lib/db/generated/enums.ts";
import { isStaffWorker, mayDecideRestrictions, mayTranslate } from "../../lib/access/staff-work.ts";

// Who may act on entries beyond reading them, written out by hand for every role: the one home
// of these role tests (restrictions, translations and the staff panel all ask lib/access).
describe("who may act on entries", () => {
  const expected: Record<Role, { worker: boolean; translate: boolean; decide: boolean }> = {
    child: { worker: false, translate: false, decide: false },
    advocate: { worker: false, translate: false, decide: false },
    parent: { worker: false, translate: false, decide: false },
    carer: { worker: false, translate: false, decide: false },
    caseworker: { worker: true, translate: true, decide: false },
    manager: { worker: true, translate: true, decide: true },
    admin: { worker: false, translate: false, decide: false },
    translator: { worker: false, translate: true, decide: false },
  };
  for (const role of Object.values(Role)) {
    it(`${role}: ${JSON.stringify(expected[role])}`, () => {
      const actor = { userId: "u", role, displayName: "Someone" };
      expect({ worker: isStaffWorker(actor), translate: mayTranslate(actor), decide: mayDecideRestrictions(actor) }).toEqual(expected[role]);
    });
  }
});
