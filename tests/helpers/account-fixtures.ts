import { randomBytes } from "node:crypto";
import type { Db } from "../../lib/db/connect.ts";
import type { Relationship, Role } from "../../lib/db/generated/enums.ts";
import type { Clock } from "../../lib/clock.ts";
import { isStaff, type Actor, type SystemActor } from "../../lib/access/actor.ts";
import { createAccount } from "../../lib/accounts/create-account.ts";

// Small record fixtures written straight through Prisma, and accounts made the real way
// (createAccount), so each test seeds its own uniquely named rows.

export const SYSTEM: SystemActor = { userId: null, role: "system", displayName: "test set-up" };

export const STAFF_PASSWORD = "correct horse battery";
export const FAMILY_PASSWORD = "family-pass-1";

export function uniq(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

export async function addChild(db: Db, externalId = uniq("C"), fullName = `Child ${externalId}`) {
  return db.child.create({ data: { externalId, fullName, dateOfBirth: new Date("2012-03-04") } });
}

export async function addPerson(
  db: Db,
  links: { childId: string; relationship: Relationship }[],
  externalId = uniq("P"),
) {
  const person = await db.person.create({ data: { externalId, fullName: `Person ${externalId}` } });
  for (const link of links) {
    await db.childPerson.create({ data: { childId: link.childId, personId: person.id, relationship: link.relationship } });
  }
  return person;
}

export type MadeAccount = { actor: Actor; username: string; password: string };

export async function makeAccount(
  db: Db,
  clock: Clock,
  input: { role: Role; child?: string; person?: string; team?: string; username?: string; password?: string; email?: string },
): Promise<MadeAccount> {
  const username = input.username ?? uniq(input.role);
  const password = input.password ?? (isStaff(input.role) ? STAFF_PASSWORD : FAMILY_PASSWORD);
  const made = await createAccount({
    db,
    clock,
    actor: SYSTEM,
    username,
    role: input.role,
    password,
    childExternalId: input.child,
    personExternalId: input.person,
    team: input.team,
    email: input.email,
  });
  return { actor: { userId: made.id, role: made.role, displayName: made.displayName }, username: made.username, password };
}
