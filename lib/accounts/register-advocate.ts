import type { Db } from "../db/connect.ts";
import type { Clock } from "../clock.ts";
import type { Actor, SystemActor } from "../access/index.ts";
import { appendAudit } from "../audit/index.ts";
import { Invalid, NotFound } from "../errors/index.ts";
import { accountWhere, type AccountRef } from "./account-ref.ts";
import { assertMayManageAccounts } from "./guards.ts";

// The council's register of advocates: children choose theirs from it (lib/consent/advocates.ts).

type RegisterInput = { db: Db; clock: Clock; actor: Actor | SystemActor; organisation: string } & AccountRef;

/** The admin (or a set-up script) registers an advocate account the council works with. */
export async function registerAdvocate(input: RegisterInput) {
  const { db, clock, actor } = input;
  assertMayManageAccounts(actor);
  const organisation = input.organisation.trim();
  if (!organisation || organisation.length > 200) throw new Invalid("The organisation is needed (at most 200 characters)", [{ path: "organisation", message: "advocate:errors.organisation" }]);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: accountWhere(input), select: { id: true, role: true, disabledAt: true } });
    if (!user || user.disabledAt) throw new NotFound("No such account");
    if (user.role !== "advocate") throw new Invalid("Only an advocate account can be registered as an advocate", [{ path: "userId", message: "admin:advocates.notAdvocate" }]);
    const at = clock.now();
    await tx.advocateRegistration.upsert({
      where: { userId: user.id },
      create: { userId: user.id, organisation, registeredById: actor.userId, registeredAt: at },
      update: { organisation, endedAt: null },
    });
    await appendAudit(tx, { actor, action: "advocate.register", subjectType: "user", subjectId: user.id, at });
    return { userId: user.id };
  });
}

/**
 * Ends a registration: children can no longer choose this advocate. It is kept (with the day it
 * ended), never deleted; the advocacy children already chose stays until they end it. Ending an
 * ended registration changes nothing.
 */
export async function endAdvocateRegistration(input: { db: Db; clock: Clock; actor: Actor | SystemActor; userId: string }) {
  const { db, clock, actor } = input;
  assertMayManageAccounts(actor);
  return db.$transaction(async (tx) => {
    const registration = await tx.advocateRegistration.findUnique({ where: { userId: input.userId }, select: { userId: true, endedAt: true } });
    if (!registration) throw new NotFound("No such registration");
    if (registration.endedAt) return { userId: registration.userId, changed: false };
    const at = clock.now();
    await tx.advocateRegistration.update({ where: { userId: registration.userId }, data: { endedAt: at } });
    await appendAudit(tx, { actor, action: "advocate.registration.end", subjectType: "user", subjectId: registration.userId, at });
    return { userId: registration.userId, changed: true };
  });
}
